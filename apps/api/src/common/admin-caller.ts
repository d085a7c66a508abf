import { type CanActivate, ForbiddenException, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { Request, Response } from 'express';
import { isObservable, lastValueFrom } from 'rxjs';
import { Roles } from '../auth/auth.decorators.js';
import { AuthGuard } from '../auth/auth.guard.js';

/** Stands for a route only admins may call (as its controller and its handler): the guard reads its `@Roles`. */
@Roles('admin')
class AdminOnlyRoute {}

/**
 * Asks the api's own AuthGuard whether a request comes from an admin, for answers served outside Nest's routes (the
 * OpenAPI docs) or that tell admins more than anyone else (/health). Whatever the guard checks for a route marked
 * `@Roles('admin')` — the token, the account, the role — applies here as well; nothing is checked twice differently.
 */
@Injectable()
export class AdminCaller {
  private guard: Promise<CanActivate> | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Resolves when the request carries a valid admin token; throws the guard's answer (401, 403) otherwise. */
  async authorize(request: Request, response: Response): Promise<void> {
    this.guard ??= this.moduleRef.create(AuthGuard);
    const guard = await this.guard;
    const context = new ExecutionContextHost([request, response], AdminOnlyRoute, AdminOnlyRoute);
    const verdict = guard.canActivate(context);
    const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
    if (!allowed) throw new ForbiddenException('This needs an admin token');
  }

  /** Any refusal (no token, a bad one, another role) is simply "not an admin". */
  async isAdmin(request: Request, response: Response): Promise<boolean> {
    return this.authorize(request, response).then(
      () => true,
      () => false,
    );
  }
}

import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@enlace/domain';
import type { Request } from 'express';
import type { VerifiedAccess } from './access-verifier.js';

export const IS_PUBLIC = 'enlace:public';
export const ROLES = 'enlace:roles';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { actor?: Actor; access?: VerifiedAccess };

/** The caller, from the verified token; never from the body. */
export function actorOf(request: AuthenticatedRequest): Actor {
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
}

/** The caller, from the verified token; never from the body. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The verified access token of the caller: its actor, session and expiry. */
export const CurrentAccess = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedAccess => {
  const access = context.switchToHttp().getRequest<AuthenticatedRequest>().access;
  if (!access) throw new Error('CurrentAccess used on a route without authentication');
  return access;
});

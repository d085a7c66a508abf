import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, type Role, ROLE_NAMES, roleList } from '@enlace/domain';
import { AccessVerifier } from './access-verifier.js';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators.js';

/**
 * Every route needs a valid bearer token (401) unless marked @Public; @Roles narrows who may call it (403). The token,
 * the account and the session are checked on every request (AccessVerifier).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Console sockets are checked by ConsoleAuthenticator (handshake and every subscribe); this guard is for HTTP.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required (POST /api/auth/login)');
    }
    const access = await this.verifier.verify(token);
    request.access = access;
    request.actor = access.actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(access.actor.role)) {
      throw forbidden(
        'AUTH.ROLE',
        `This action needs the ${roleList(roles, 'en')} role; your role is ${ROLE_NAMES[access.actor.role].en}`,
        `Esta acción requiere el perfil de ${roleList(roles, 'es')}; su perfil es ${ROLE_NAMES[access.actor.role].es}`,
        { required: roles, actual: access.actor.role },
      );
    }
    return true;
  }
}

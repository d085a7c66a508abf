import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Actor, forbidden, type Role } from '@enlace/domain';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators.js';

export interface TokenClaims {
  sub: string;
  agency: string;
  country: Actor['country'];
  role: Role;
  name: string;
}

/** Every route needs a valid bearer token (401) unless marked @Public; @Roles narrows who may call it (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Console sockets authenticate once, at the handshake (ConsoleGateway); this guard is for HTTP requests.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required (POST /api/auth/login)');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired');
    }
    request.actor = { id: claims.sub, agency: claims.agency, country: claims.country, role: claims.role };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(claims.role)) {
      throw forbidden(
        'AUTH.ROLE',
        `This action needs the role ${roles.join(' or ')}; you are ${claims.role}`,
        `Esta acción requiere la función ${roles.join(' o ')}; usted tiene la función ${claims.role}`,
        { required: roles, actual: claims.role },
      );
    }
    return true;
  }
}

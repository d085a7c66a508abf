import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader } from '@nestjs/swagger';
import { GetDrill } from '@enlace/application';
import { drillWorld, LIVE, mayReadDrill, type World } from '@enlace/domain';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { UuidParam } from './params.js';

/**
 * The header that places a request in a drill's world: every write of the request runs in that drill (its streams,
 * its clock, its players) and every read answers from that drill's read models. Absent: the live world. The world is
 * never taken from a body.
 */
export const DRILL_HEADER = 'Enlace-Drill';

export type WorldRequest = AuthenticatedRequest & { world?: World };

/** Documents the header on a controller's routes. */
export const AcceptsDrillHeader = (): ClassDecorator & MethodDecorator =>
  ApiHeader({
    name: DRILL_HEADER,
    required: false,
    description:
      "A drill's id: the request acts in and reads that drill's world (403 if the caller takes no part in it, 404 " +
      'if there is no such drill, 409 once it has ended or while it is halted for a real emergency)',
    schema: { type: 'string', format: 'uuid' },
  });

/**
 * Reads `Enlace-Drill` once per request, after authentication: a malformed id is a 400 naming the header; a drill
 * the caller may not read is refused before the route runs. Who may *act* in it is the command pipeline's rule.
 */
@Injectable()
export class WorldInterceptor implements NestInterceptor {
  constructor(private readonly queries: QueryBus) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<WorldRequest>();
    const header = request.header(DRILL_HEADER);
    if (header !== undefined && request.actor) {
      const drillId = new UuidParam(DRILL_HEADER).transform(header.trim());
      const { state } = await this.queries.execute(new GetDrill(drillId));
      mayReadDrill(state, request.actor);
      request.world = drillWorld(drillId);
    }
    return next.handle();
  }
}

export function worldOf(request: WorldRequest): World {
  return request.world ?? LIVE;
}

/** The request's world (see `DRILL_HEADER`). */
export const CurrentWorld = createParamDecorator((_data: unknown, context: ExecutionContext): World =>
  worldOf(context.switchToHttp().getRequest<WorldRequest>()),
);

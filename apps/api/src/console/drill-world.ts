import { GetDrill } from '@enlace/application';
import { type Actor, DomainError, drillWorld, mayReadDrill, type World } from '@enlace/domain';
import type { QueryBus } from '@nestjs/cqrs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the middleware needs of a console socket (the gateway's typed socket fits). */
interface HandshakeSocket {
  handshake: { auth: unknown };
  data: { actor?: Actor; world?: World };
}

/**
 * socket.io namespace middleware, after authentication: a console whose handshake names a drill (`auth.drill`, as
 * HTTP requests name it with the `Enlace-Drill` header) is placed in that drill's world, if its account may read the
 * drill (decision 0018); without it, the live world. The world is fixed for the connection: a console that leaves or
 * enters a drill opens a new one. A refusal is `drill: <code>` (DRILL.NOT_FOUND, DRILL.NOT_A_PARTICIPANT, …).
 */
export function drillWorldMiddleware(
  queries: QueryBus,
): (socket: HandshakeSocket, next: (error?: Error) => void) => void {
  return (socket, next) => {
    const drill = (socket.handshake.auth as { drill?: unknown } | undefined)?.drill;
    if (drill === undefined || drill === null) {
      next();
      return;
    }
    const actor = socket.data.actor;
    if (typeof drill !== 'string' || !UUID.test(drill) || !actor) {
      next(new Error('drill: VALIDATION.FIELD auth.drill must be a drill id (UUID)'));
      return;
    }
    const drillId = drill.toLowerCase();
    queries.execute(new GetDrill(drillId)).then(
      ({ state }) => {
        try {
          mayReadDrill(state, actor);
        } catch (error) {
          next(new Error(`drill: ${error instanceof DomainError ? error.code : 'DRILL.REFUSED'}`));
          return;
        }
        socket.data.world = drillWorld(drillId);
        next();
      },
      (error: unknown) =>
        next(new Error('unavailable: the drill cannot be read now; try again shortly', { cause: error })),
    );
  };
}

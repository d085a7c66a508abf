import {
  isRoom,
  MAX_ROOM_ID_LENGTH,
  MAX_ROOMS,
  type SubscribeAck,
  type SubscribeError,
  type SubscribeRequest,
} from '@enlace/console-protocol';
import { isPosition } from '@enlace/event-store';

const FIELDS = new Set(['rooms', 'after', 'batch']);
/** An unknown field is named in the answer only when its name is short and plain: nothing else is echoed back. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

export type ParsedSubscribe = { ok: true; request: SubscribeRequest } | { ok: false; ack: SubscribeAck };

export function refusal(error: SubscribeError): { ok: false; ack: SubscribeAck } {
  return { ok: false, ack: { ok: false, error } };
}

function badField(code: string, field: string, en: string, es: string): { ok: false; ack: SubscribeAck } {
  return refusal({ code, message: { en: `${field} ${en}`, es: `${field} ${es}` }, details: { field } });
}

/**
 * Checks a `subscribe` message as it arrives, before anything is queued or read: an object with `rooms` (1 to
 * MAX_ROOMS valid room names), optional `after` (a position of this feed) and `batch` (a boolean), nothing else. A
 * refusal names the field and the rule in English and Spanish and repeats none of what was sent.
 */
export function parseSubscribeRequest(message: unknown): ParsedSubscribe {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return refusal({
      code: 'CONSOLE.BAD_REQUEST',
      message: {
        en: 'subscribe must be an object { rooms, after?, batch? }',
        es: 'subscribe debe ser un objeto { rooms, after?, batch? }',
      },
    });
  }
  const unknown = Object.keys(message).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) {
    const field = PLAIN_NAME.test(unknown) ? unknown : '(a field)';
    return badField(
      'CONSOLE.UNKNOWN_FIELD',
      field,
      'is not a field of subscribe: only rooms, after and batch are',
      'no es un campo de subscribe: solo lo son rooms, after y batch',
    );
  }
  const { rooms, after, batch } = message as Record<string, unknown>;
  if (!Array.isArray(rooms) || rooms.length === 0 || rooms.length > MAX_ROOMS) {
    return badField(
      'CONSOLE.BAD_ROOMS',
      'rooms',
      `must be a list of 1 to ${MAX_ROOMS} rooms`,
      `debe ser una lista de 1 a ${MAX_ROOMS} salas`,
    );
  }
  const bad = rooms.findIndex((room) => !isRoom(room));
  if (bad >= 0) {
    return badField(
      'CONSOLE.BAD_ROOMS',
      `rooms[${bad}]`,
      `must be board, drill, incident:<uuid>, port:<id> or blm:<id> (an id is lower-case letters, digits and single hyphens, at most ${MAX_ROOM_ID_LENGTH} characters)`,
      `debe ser board, drill, incident:<uuid>, port:<id> o blm:<id> (un id son minúsculas, dígitos y guiones simples, como máximo ${MAX_ROOM_ID_LENGTH} caracteres)`,
    );
  }
  if (after !== undefined && !isPosition(after)) {
    return badField(
      'CONSOLE.BAD_POSITION',
      'after',
      'must be a position received from this feed',
      'debe ser una posición recibida de este canal',
    );
  }
  if (batch !== undefined && typeof batch !== 'boolean') {
    return badField('CONSOLE.BAD_BATCH', 'batch', 'must be true or false', 'debe ser true o false');
  }
  return {
    ok: true,
    request: {
      rooms: rooms as SubscribeRequest['rooms'],
      ...(after !== undefined ? { after } : {}),
      ...(batch !== undefined ? { batch } : {}),
    },
  };
}

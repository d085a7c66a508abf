import { MAX_ROOMS, START_POSITION } from '@enlace/console-protocol';
import { parseSubscribeRequest } from './subscribe-request.js';

function refusal(message: unknown) {
  const parsed = parseSubscribeRequest(message);
  if (parsed.ok || parsed.ack.ok) throw new Error(`accepted: ${JSON.stringify(message)}`);
  return parsed.ack.error;
}

describe('parseSubscribeRequest', () => {
  it('accepts rooms with optional after and batch', () => {
    expect(parseSubscribeRequest({ rooms: ['board', 'port:otay-mesa'] })).toEqual({
      ok: true,
      request: { rooms: ['board', 'port:otay-mesa'] },
    });
    expect(
      parseSubscribeRequest({
        rooms: ['incident:0b5e3c1e-8d0f-4a8e-9a51-3f7d2c1b9e10', 'blm:blm-sandiego-tijuana'],
        after: START_POSITION,
        batch: true,
      }),
    ).toEqual({
      ok: true,
      request: {
        rooms: ['incident:0b5e3c1e-8d0f-4a8e-9a51-3f7d2c1b9e10', 'blm:blm-sandiego-tijuana'],
        after: START_POSITION,
        batch: true,
      },
    });
  });

  it('refuses a 5,000-character room name, naming the field, in English and Spanish, echoing nothing', () => {
    const error = refusal({ rooms: ['board', `port:${'a'.repeat(4_995)}`] });
    expect(error.code).toBe('CONSOLE.BAD_ROOMS');
    expect(error.details).toEqual({ field: 'rooms[1]' });
    expect(error.message.en).toMatch(
      /^rooms\[1\] must be board, drill, incident:<uuid>, port:<id> or blm:<id> .*at most 64/,
    );
    expect(error.message.es).toMatch(/^rooms\[1\] debe ser board, .*como máximo 64 caracteres\)$/);
    expect(JSON.stringify(error)).not.toContain('aaaa');
  });

  it.each([
    ['an unknown kind', 'tenant:1'],
    ['upper case', 'port:Otay-Mesa'],
    ['a double hyphen', 'port:otay--mesa'],
    ['a trailing hyphen', 'blm:blm-'],
    ['an incident id that is not a UUID', 'incident:------------------------------------'],
    ['a control character', 'port:otay\u001bmesa'],
    ['an id one character too long', `blm:${'b'.repeat(65)}`],
    ['not a string', 42],
  ])('refuses a room with %s', (_what, room) => {
    expect(refusal({ rooms: [room] })).toMatchObject({ code: 'CONSOLE.BAD_ROOMS', details: { field: 'rooms[0]' } });
  });

  it('accepts an id of exactly 64 characters', () => {
    expect(parseSubscribeRequest({ rooms: [`port:${'p'.repeat(64)}`] }).ok).toBe(true);
  });

  it(`refuses no rooms, more than ${MAX_ROOMS}, or rooms that are not a list`, () => {
    for (const rooms of [[], Array.from({ length: MAX_ROOMS + 1 }, () => 'board'), 'board', undefined]) {
      expect(refusal({ rooms })).toEqual({
        code: 'CONSOLE.BAD_ROOMS',
        message: {
          en: `rooms must be a list of 1 to ${MAX_ROOMS} rooms`,
          es: `rooms debe ser una lista de 1 a ${MAX_ROOMS} salas`,
        },
        details: { field: 'rooms' },
      });
    }
  });

  it('names a bad after or batch', () => {
    expect(refusal({ rooms: ['board'], after: 'yesterday' })).toEqual({
      code: 'CONSOLE.BAD_POSITION',
      message: {
        en: 'after must be a position received from this feed',
        es: 'after debe ser una posición recibida de este canal',
      },
      details: { field: 'after' },
    });
    expect(refusal({ rooms: ['board'], batch: 'yes' })).toMatchObject({
      code: 'CONSOLE.BAD_BATCH',
      details: { field: 'batch' },
    });
  });

  it('refuses a message that is not an object, and unknown fields (named only when plainly named)', () => {
    for (const message of [null, 'board', ['board'], 7]) {
      expect(refusal(message)).toMatchObject({ code: 'CONSOLE.BAD_REQUEST' });
    }
    expect(refusal({ rooms: ['board'], token: 'x' })).toEqual({
      code: 'CONSOLE.UNKNOWN_FIELD',
      message: {
        en: 'token is not a field of subscribe: only rooms, after and batch are',
        es: 'token no es un campo de subscribe: solo lo son rooms, after y batch',
      },
      details: { field: 'token' },
    });
    const odd = refusal({ rooms: ['board'], ['<img src=x>'.repeat(100)]: 1 });
    expect(odd.details).toEqual({ field: '(a field)' });
    expect(JSON.stringify(odd)).not.toContain('<img');
  });
});

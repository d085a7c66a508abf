import { createHash } from 'node:crypto';
import { eventLeafHash, eventLeafInput, type LeafFields } from './event-leaf.js';
import { leafHash, toHex } from './merkle.js';

const fields: LeafFields = {
  streamId: 'incident-7f3c',
  revision: 12,
  eventId: '0190f3a2-5b6c-7d8e-9f00-112233445566',
  type: 'IncidentReported',
  contentDigest: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  recordedAtMs: 1790000000123,
  chainHash: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
};

describe('event leaves', () => {
  it('encodes the format line and the fields, one per line, in UTF-8', () => {
    const expected =
      'enlace-event/v1\n' +
      'incident-7f3c\n' +
      '12\n' +
      '0190f3a2-5b6c-7d8e-9f00-112233445566\n' +
      'IncidentReported\n' +
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n' +
      '1790000000123\n' +
      '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae';
    expect(Buffer.from(eventLeafInput(fields)).toString('latin1')).toBe(expected);
    expect(eventLeafInput(fields)).toHaveLength(expected.length);
  });

  it('hashes as an RFC 9162 leaf: SHA-256(0x00 || input)', () => {
    const input = eventLeafInput(fields);
    const expected = createHash('sha256').update(Buffer.of(0)).update(input).digest('hex');
    expect(toHex(eventLeafHash(fields))).toBe(expected);
    expect(eventLeafHash(fields)).toEqual(leafHash(input));
    // Pinned, so a change to the encoding cannot pass unnoticed: every leaf already logged would stop verifying.
    expect(toHex(eventLeafHash(fields))).toBe('e477113cfc3581929aab0815161f69d707c24fbfde050ac111eed58fd69b7bba');
  });

  it('encodes non-ASCII text as UTF-8', () => {
    const input = eventLeafInput({ ...fields, streamId: 'nogales–sonora', type: 'AvisoEmitido' });
    const text = 'enlace-event/v1\nnogales–sonora\n12\n0190f3a2-5b6c-7d8e-9f00-112233445566\nAvisoEmitido\n';
    expect(Buffer.from(input.subarray(0, Buffer.byteLength(text)))).toEqual(Buffer.from(text, 'utf8'));
    expect(Buffer.byteLength('–')).toBe(3);
  });

  it('changes with every field', () => {
    const changes: Partial<LeafFields>[] = [
      { streamId: 'incident-7f3d' },
      { revision: 13 },
      { revision: 0 },
      { eventId: '0190f3a2-5b6c-7d8e-9f00-112233445567' },
      { type: 'IncidentClosed' },
      { contentDigest: `${fields.contentDigest.slice(0, -1)}9` },
      { recordedAtMs: fields.recordedAtMs + 1 },
      { chainHash: `${fields.chainHash.slice(0, -1)}f` },
    ];
    const hashes = new Set([toHex(eventLeafHash(fields))]);
    for (const change of changes) hashes.add(toHex(eventLeafHash({ ...fields, ...change })));
    expect(hashes.size).toBe(changes.length + 1);
  });

  it('refuses fields that would make the encoding ambiguous or not canonical', () => {
    const refused: Partial<LeafFields>[] = [
      { streamId: 'incident\n12' },
      { eventId: 'a\nb' },
      { type: 'Incident\nReported' },
      { contentDigest: fields.contentDigest.toUpperCase() },
      { contentDigest: '' },
      { chainHash: `${fields.chainHash}\n` },
      { chainHash: 'not hex' },
      { revision: -1 },
      { revision: 1.5 },
      { revision: Number.NaN },
      { recordedAtMs: 2 ** 53 },
      { recordedAtMs: 1.5 },
    ];
    for (const change of refused) expect(() => eventLeafInput({ ...fields, ...change })).toThrow(RangeError);
  });
});

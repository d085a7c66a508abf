import {
  canonicalJson,
  chainHash,
  contentDigest,
  GENESIS_HASH,
  sha256Hex,
  type StoredLink,
  verifyChain,
} from './hash-chain.js';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined members as JSON does and writes them as null inside arrays', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 'ñ', y: 1.5 })).toBe(canonicalJson({ y: 1.5, x: 'ñ' }));
  });
});

describe('chainHash', () => {
  const link = {
    previousHash: GENESIS_HASH,
    streamId: 'incident-1',
    revision: 0,
    eventId: '7b0e6f2e-3f1e-4f7e-9a4b-0c9d8e7f6a5b',
    type: 'IncidentReported',
    contentDigest: contentDigest({ material: 'Chlorine' }, { actor: 'officer.us' }),
    recordedAtMs: 1_790_000_000_000,
  };

  it('is the SHA-256 of the newline-joined link fields', () => {
    const text = ['', 'incident-1', '0', link.eventId, 'IncidentReported', link.contentDigest, '1790000000000'].join(
      '\n',
    );
    expect(chainHash(link)).toBe(sha256Hex(text));
  });

  it('changes when any covered field changes', () => {
    const base = chainHash(link);
    expect(chainHash({ ...link, previousHash: 'a'.repeat(64) })).not.toBe(base);
    expect(chainHash({ ...link, revision: 1 })).not.toBe(base);
    expect(chainHash({ ...link, type: 'IncidentClosed' })).not.toBe(base);
    expect(chainHash({ ...link, recordedAtMs: link.recordedAtMs + 1 })).not.toBe(base);
    expect(
      chainHash({ ...link, contentDigest: contentDigest({ material: 'Ammonia' }, { actor: 'officer.us' }) }),
    ).not.toBe(base);
  });
});

describe('canonicalJson follows JSON semantics', () => {
  it.each([
    ['dates through toJSON', { at: new Date(0) }],
    ['functions and symbols dropped from objects', { keep: 1, f: () => 1, s: Symbol('x') }],
    ['functions, symbols and undefined as null in arrays', { list: [() => 1, Symbol('x'), undefined, 2] }],
    ['non-finite numbers as null', { values: [Number.NaN, Number.POSITIVE_INFINITY, -0] }],
    ['nested toJSON', { outer: { toJSON: () => ({ b: 2, a: 1 }) } }],
  ])('gives the same text for a value and its JSON round trip: %s', (_label, value) => {
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });
});

describe('verifyChain (the one verification every adapter runs)', () => {
  /** A stream of `count` events chained as an adapter stores them. */
  function chained(count: number): StoredLink[] {
    const links: StoredLink[] = [];
    let previousHash = GENESIS_HASH;
    for (let revision = 0; revision < count; revision += 1) {
      const link = {
        revision,
        eventId: `00000000-0000-4000-8000-00000000000${revision}`,
        type: 'SituationReportFiled',
        data: { number: revision + 1 },
        metadata: { actor: 'officer.mx' },
        recordedAtMs: 1_790_000_000_000 + revision,
      };
      const hash = chainHash({
        previousHash,
        streamId: 'incident-1',
        revision,
        eventId: link.eventId,
        type: link.type,
        contentDigest: contentDigest(link.data, link.metadata),
        recordedAtMs: link.recordedAtMs,
      });
      links.push({ ...link, hash });
      previousHash = hash;
    }
    return links;
  }

  /** Read a page at a time, as the adapters do. */
  async function* paged(links: StoredLink[]): AsyncGenerator<StoredLink> {
    for (const link of links) yield await Promise.resolve(link);
  }

  it('passes an intact stream, counting its events', async () => {
    expect(await verifyChain('incident-1', paged(chained(4)), { listed: true })).toEqual({ eventsChecked: 4 });
  });

  it('names the first altered event, the first missing one, and a listed stream emptied of its history', async () => {
    const altered = chained(4);
    altered[2] = { ...altered[2]!, data: { number: 99 } };
    expect(await verifyChain('incident-1', paged(altered), { listed: true })).toEqual({
      broken: { revision: 2, reason: 'hash-mismatch' },
      eventsChecked: 3,
    });
    const missing = chained(4).filter((link) => link.revision !== 1);
    expect(await verifyChain('incident-1', paged(missing), { listed: true })).toEqual({
      broken: { revision: 1, reason: 'revision-gap' },
      eventsChecked: 2,
    });
    expect(await verifyChain('incident-1', paged([]), { listed: true })).toEqual({
      broken: { revision: 0, reason: 'revision-gap' },
      eventsChecked: 0,
    });
    // A stream nobody listed that reads as empty simply does not exist.
    expect(await verifyChain('incident-9', paged([]), { listed: false })).toEqual({ eventsChecked: 0 });
  });
});

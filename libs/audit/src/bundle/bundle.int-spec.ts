import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { EventFeed, LIVE_FEED_PREFIXES } from '@enlace/consumers';
import { LIVE } from '@enlace/domain';
import {
  chainHash,
  collect,
  contentDigest,
  GENESIS_HASH,
  openPostgresEventStore,
  type PostgresEventStore,
} from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import {
  checkpointBody,
  cosignNote,
  ed25519Signer,
  generateKeyPair,
  type NoteSigner,
  openNote,
  signNote,
  verifierKey,
} from '@enlace/transparency';
import { createHash, createPrivateKey, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type AuditKey, loadAuditKey } from '../audit-key.js';
import { AuditLog } from '../audit-log.js';
import { Sealer, sealedPrefixes } from '../sealer.js';
import { type StoredCheckpoint, TILE_WIDTH, TreeStore } from '../tree-store.js';
import type { BundleProblemKind, BundleVerdict, EventLine } from './bundle-format.js';
import { verifyBundle, type VerifyBundleOptions } from './bundle-verifier.js';
import { bundleKeyInfo, type BundleSummary, type ExportScope, writeBundle } from './bundle-writer.js';

/**
 * The offline audit bundle on real PostgreSQL: a realistic history sealed by a running sealer (several checkpoints,
 * more than one tile), exported whole, as a time range and as one incident; each verifies with nothing but the file.
 * Then the mutation suite: for each bundle, every kind of tampering an attacker (or a damaged disk) could do, generated
 * from the bundle itself, each detected and named with the kind written next to it; the attacker rewrites the
 * trailer's digest and counts after each change, so what catches it is the check meant for it.
 */
const schema = uniqueSchemaName('bundle');
const dir = mkdtempSync(join(tmpdir(), 'enlace-bundle-'));
const clock = new ManualClock('2026-12-06T12:00:00.000Z');
const witness = ed25519Signer(
  'inspector.example/witness',
  createPrivateKey(generateKeyPair().privateKeyPem),
  'cosignature/v1',
);
let key: AuditKey;
let writer: PostgresEventStore;
let history: History;
let sealer: { stop: () => Promise<void> };
let oldAnchor: StoredCheckpoint;
const files = { old: join(dir, 'old.jsonl'), all: join(dir, 'all.jsonl'), range: join(dir, 'range.jsonl') };
const incidentFile = join(dir, 'incident.jsonl');
const summaries: Record<string, BundleSummary> = {};
let incidentId: string;

async function startSealer() {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  const feed = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
  const running = new Sealer(feed, store.checkpoints, key, clock, {
    world: LIVE,
    checkpointMs: 60_000,
    checkpointEvents: 40,
    leaseMs: 1_500,
  });
  running.onApplicationBootstrap();
  return {
    stop: async () => {
      await running.onApplicationShutdown();
      await feed.stop();
      await store.close();
    },
  };
}

const liveEvents = () => collect(writer.readAll({ filter: { streamPrefixes: sealedPrefixes(LIVE) } }));

/** Waits for a checkpoint of every live event stored now (moving the sealer's clock on). */
async function sealedAll(): Promise<StoredCheckpoint> {
  const size = (await liveEvents()).length;
  const tree = new TreeStore(writer.checkpoints, LIVE);
  const deadline = performance.now() + 20_000;
  for (;;) {
    const latest = await tree.latestCheckpoint();
    if (latest?.size === size) return latest;
    if (performance.now() > deadline) throw new Error(`no checkpoint of ${size} leaves`);
    clock.advance(61_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function exportTo(file: string, scope: ExportScope, sinceSize?: number): Promise<BundleSummary> {
  const out = createWriteStream(file);
  const summary = await writeBundle(writer, out, {
    scope,
    key: bundleKeyInfo(key),
    clock,
    createdBy: 'bundle.int-spec',
    ...(sinceSize === undefined ? {} : { sinceSize }),
  });
  out.end();
  await finished(out);
  return summary;
}

/** The file in odd-sized chunks, as a stream would hand it over (lines split across chunks). */
function chunks(content: Buffer | string): AsyncIterable<Buffer> {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 7_919) parts.push(bytes.subarray(at, at + 7_919));
  return Readable.from(parts);
}

const verify = (content: Buffer | string, options: VerifyBundleOptions = {}) => verifyBundle(chunks(content), options);

beforeAll(async () => {
  key = loadAuditKey({ DATA_DIR: dir, AUDIT_WITNESS_KEYS: [verifierKey(witness)] });
  writer = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  history = new History(new CommandPipeline(writer, loadReferenceCatalog('./config'), clock));
  sealer = await startSealer();
  // A first part of the history, sealed; a witness cosigns its checkpoint; an auditor keeps a bundle of it.
  for (let i = 0; i < 4; i += 1) await history.closedCycle(i % 2 ? 'san-ysidro' : 'otay-mesa');
  const first = await sealedAll();
  const log = new AuditLog(writer, key, clock);
  oldAnchor = await log.addCosignature(first.size, cosignNote(first.note, witness, 1_800_000_000));
  summaries.old = await exportTo(files.old, { kind: 'all' });
  // More history, over more than one tile of leaves.
  for (let i = 0; i < 5; i += 1) await history.closedCycle(i % 2 ? 'otay-mesa' : 'calexico-west');
  const events = await liveEvents();
  expect(events.length).toBeGreaterThan(TILE_WIDTH);
  await sealedAll();
  summaries.all = await exportTo(files.all, { kind: 'all' });
  summaries.range = await exportTo(
    files.range,
    {
      kind: 'range',
      from: events[100]!.metadata.recordedAt,
      to: events[events.length - 60]!.metadata.recordedAt,
    },
    oldAnchor.size,
  );
  // The incident of the last shutdown declared for one: its stream, the port's events of that shutdown, its notice.
  const declared = events.filter((event) => event.type === 'PortShutdownDeclared').at(-1)!;
  incidentId = (declared.data as { incidentId: string }).incidentId;
  summaries.incident = await exportTo(incidentFile, { kind: 'incident', incidentId }, oldAnchor.size);
}, 120_000);

afterAll(async () => {
  await sealer?.stop();
  await writer?.close();
  await dropSchema(schema);
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Mutations

type Line = Record<string, unknown> & { kind?: string };
const parse = (lines: readonly string[]): Line[] => lines.map((line) => JSON.parse(line) as Line);
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const join_ = (lines: readonly string[]) => `${lines.join('\n')}\n`;

/** What an attacker who knows the format does after a change: the manifest's and trailer's counts, the digest. */
function reseal(lines: readonly string[]): string[] {
  const parsed = lines.map((line): Line => {
    try {
      return JSON.parse(line) as Line;
    } catch {
      return {};
    }
  });
  const events = parsed.filter((line) => line.kind === 'event').length;
  const checkpoints = parsed.filter((line) => line.kind === 'checkpoint').length;
  const body = lines.slice(0, -1).map((line, i) => (i === 0 ? JSON.stringify({ ...parsed[0], events }) : line));
  const sha256 = createHash('sha256').update(join_(body)).digest('hex');
  return [...body, JSON.stringify({ kind: 'trailer', events, checkpoints, sha256 })];
}

const indexesOf = (lines: readonly string[], kind: string) =>
  parse(lines).flatMap((line, i) => (line.kind === kind ? [i] : []));

/** One character of a hex string changed. */
const flipHex = (hex: string, at = 10) => `${hex.slice(0, at)}${hex[at] === '0' ? '1' : '0'}${hex.slice(at + 1)}`;

function edit(lines: readonly string[], index: number, change: (line: Line) => Line): string[] {
  const copy = [...lines];
  copy[index] = JSON.stringify(change(JSON.parse(copy[index]!) as Line));
  return copy;
}

/** A new event, self-consistent (its hash is its content's), placed at `leafIndex` after `like` in its stream. */
function forgedEvent(like: EventLine, leafIndex: number): string {
  const data = { ...(like.data as object), forged: true };
  const { recordedAt, ...supplied } = like.metadata as { recordedAt: string };
  const id = randomUUID();
  const hash = chainHash({
    previousHash: like.previousHash,
    streamId: like.streamId,
    revision: like.revision,
    eventId: id,
    type: like.type,
    contentDigest: contentDigest(data, supplied),
    recordedAtMs: Date.parse(recordedAt),
  });
  return JSON.stringify({ ...like, leafIndex, id, data, hash });
}

/** Swaps the log's key for another in the manifest; re-signing every checkpoint with it (under `origin`) or not. */
function swapKey(lines: readonly string[], other: { signer: NoteSigner; pem: string }, resign: boolean): string[] {
  const parsed = parse(lines);
  const origin = other.signer.name;
  return parsed.map((line, i) => {
    if (i === 0) {
      return JSON.stringify({ ...line, origin, verifierKey: verifierKey(other.signer), publicKeyPem: other.pem });
    }
    if (line.kind !== 'checkpoint' || !resign) return lines[i]!;
    const { checkpoint } = openNote(line.note as string, [key.signer], [key.origin]);
    const note = signNote(checkpointBody({ ...checkpoint, origin }), [other.signer]);
    return JSON.stringify({ ...line, note });
  });
}

function otherKey(origin?: string): { signer: NoteSigner; pem: string } {
  const pair = generateKeyPair();
  const probe = ed25519Signer('probe', createPrivateKey(pair.privateKeyPem));
  const own = `enlace/${createHash('sha256').update(probe.publicKey).digest('hex').slice(0, 16)}`;
  return { signer: ed25519Signer(origin ?? own, createPrivateKey(pair.privateKeyPem)), pem: pair.publicKeyPem };
}

interface Mutation {
  name: string;
  expected: BundleProblemKind;
  content: () => string | Buffer;
  options?: VerifyBundleOptions;
}

/** Every tampering of one bundle, with the kind the verifier must name. */
function mutations(kind: 'all' | 'range' | 'incident', file: string): Mutation[] {
  const lines = linesOf(file);
  const parsed = parse(lines);
  const text = readFileSync(file);
  const events = indexesOf(lines, 'event');
  const checkpoints = indexesOf(lines, 'checkpoint');
  const consistency = indexesOf(lines, 'consistency');
  const trailer = lines.length - 1;
  const middle = events[Math.floor(events.length / 2)]!;
  const eventAt = (i: number) => parsed[i] as unknown as EventLine;
  const sealed = (change: (copy: string[]) => string[]) => () => join_(reseal(change([...lines])));
  const trusted = { trustedKeys: [key.verifierKey] };
  // An event whose stream has an event before and after it in the bundle: removing it leaves a gap in the stream.
  const inStream = events.find((i, n) => {
    const { streamId, revision } = eventAt(i);
    const others = events.filter((j, m) => m !== n && eventAt(j).streamId === streamId);
    return others.some((j) => eventAt(j).revision < revision) && others.some((j) => eventAt(j).revision > revision);
  })!;
  const sameLeafForgery = (copy: string[]) => {
    copy.splice(middle + 1, 0, forgedEvent(eventAt(middle), eventAt(middle).leafIndex));
    return copy;
  };
  const list: Mutation[] = [
    // The manifest.
    {
      name: 'manifest: a byte of createdBy flipped (digest not rewritten)',
      expected: 'digest-mismatch',
      content: () => join_(edit(lines, 0, (line) => ({ ...line, createdBy: 'bundle.int-spec!' }))),
    },
    {
      name: 'manifest: its format changed',
      expected: 'not-a-bundle',
      content: sealed((copy) => edit(copy, 0, (line) => ({ ...line, format: 'enlace-audit-bundle/v2' }))),
    },
    {
      name: 'manifest: a byte of the public key (PEM) flipped',
      expected: 'key-mismatch',
      content: sealed((copy) =>
        edit(copy, 0, (line) => ({
          ...line,
          publicKeyPem: (line.publicKeyPem as string).replace(/A(?=[^\n]*\n-----END)/, 'B'),
        })),
      ),
    },
    {
      name: 'manifest: the verifier key made malformed',
      expected: 'key-mismatch',
      content: sealed((copy) => edit(copy, 0, (line) => ({ ...line, verifierKey: `${line.verifierKey as string}x` }))),
    },
    // Checkpoints and their links.
    {
      name: 'checkpoint: a byte of the anchor’s root flipped',
      expected: 'checkpoint-forged',
      content: sealed((copy) =>
        edit(copy, checkpoints[0]!, (line) => ({ ...line, root: flipHex(line.root as string) })),
      ),
    },
    {
      name: 'checkpoint: a byte of an earlier checkpoint’s signature flipped',
      expected: 'checkpoint-forged',
      content: sealed((copy) =>
        edit(copy, checkpoints[1]!, (line) => {
          const note = line.note as string;
          const at = note.lastIndexOf(' ') + 12;
          return { ...line, note: `${note.slice(0, at)}${note[at] === 'A' ? 'B' : 'A'}${note.slice(at + 1)}` };
        }),
      ),
    },
    {
      name: 'checkpoint: the anchor replaced by an older checkpoint',
      expected: 'stale-checkpoint',
      content: sealed((copy) => {
        copy[checkpoints[0]!] = copy[checkpoints.at(-1)!]!;
        return copy;
      }),
    },
    {
      name: 'checkpoint: an earlier checkpoint line repeated',
      expected: 'order-changed',
      content: sealed((copy) => {
        copy.splice(checkpoints[1]! + 1, 0, copy[checkpoints[1]!]!);
        return copy;
      }),
    },
    {
      name: 'consistency: a byte of a proof flipped',
      expected: 'proof-invalid',
      content: sealed((copy) =>
        edit(copy, consistency[0]!, (line) => {
          const proof = [...(line.proof as string[])];
          proof[0] = flipHex(proof[0]!);
          return { ...line, proof };
        }),
      ),
    },
    {
      name: 'consistency: a proof line removed',
      expected: 'proof-invalid',
      content: sealed((copy) => copy.filter((_, i) => i !== consistency.at(-1))),
    },
    // Events.
    {
      name: 'event: a byte of its data flipped',
      expected: 'data-changed',
      content: sealed((copy) =>
        edit(copy, middle, (line) => {
          const data = JSON.stringify(line.data);
          const at = data.indexOf('":"') + 3;
          return {
            ...line,
            data: JSON.parse(`${data.slice(0, at)}${data[at] === 'X' ? 'Y' : 'X'}${data.slice(at + 1)}`),
          };
        }),
      ),
    },
    {
      name: 'event: a byte of its metadata (actor) flipped',
      expected: 'data-changed',
      content: sealed((copy) =>
        edit(copy, middle, (line) => ({ ...line, metadata: { ...(line.metadata as object), actor: 'officer.uz' } })),
      ),
    },
    {
      name: 'event: its recording time moved by a millisecond',
      expected: 'data-changed',
      content: sealed((copy) =>
        edit(copy, middle, (line) => {
          const metadata = line.metadata as { recordedAt: string };
          const recordedAt = new Date(Date.parse(metadata.recordedAt) + 1).toISOString();
          return { ...line, metadata: { ...metadata, recordedAt } };
        }),
      ),
    },
    {
      name: 'event: a byte of its chain hash flipped',
      expected: 'data-changed',
      content: sealed((copy) => edit(copy, middle, (line) => ({ ...line, hash: flipHex(line.hash as string) }))),
    },
    {
      name: 'event: one line dropped',
      expected: 'event-missing',
      content: sealed((copy) => copy.filter((_, i) => i !== inStream)),
    },
    {
      name: 'event: two lines swapped',
      expected: 'order-changed',
      content: sealed((copy) => {
        [copy[middle], copy[middle + 1]] = [copy[middle + 1]!, copy[middle]!];
        return copy;
      }),
    },
    {
      name: 'event: a line repeated right after itself',
      expected: 'duplicate-event',
      content: sealed((copy) => {
        copy.splice(middle + 1, 0, copy[middle]!);
        return copy;
      }),
    },
    {
      name: 'event: an event copied to the end',
      expected: 'order-changed',
      content: sealed((copy) => {
        copy.splice(trailer, 0, copy[inStream]!);
        return copy;
      }),
    },
    {
      name: 'event: a forged event claiming the leaf of the one before it',
      expected: 'event-inserted',
      content: sealed(sameLeafForgery),
    },
    {
      name: 'event: a forged event beyond the anchor',
      expected: 'event-inserted',
      content: sealed((copy) => {
        const last = eventAt(events.at(-1)!);
        copy.splice(trailer, 0, forgedEvent(last, (parsed[checkpoints[0]!]!.size as number) + 3));
        return copy;
      }),
    },
    {
      name: 'event: a line of junk in the middle',
      expected: 'digest-mismatch',
      content: sealed((copy) => {
        copy.splice(middle, 0, 'this line is not JSON');
        return copy;
      }),
    },
    // The trailer, truncation, junk.
    {
      name: 'trailer: a byte of its digest flipped',
      expected: 'digest-mismatch',
      content: () => join_(edit(lines, trailer, (line) => ({ ...line, sha256: flipHex(line.sha256 as string) }))),
    },
    { name: 'trailer removed', expected: 'truncated', content: () => join_(lines.slice(0, -1)) },
    {
      name: 'truncated in the middle of an event line',
      expected: 'truncated',
      content: () => text.subarray(0, text.indexOf(lines[middle]!) + 40),
    },
    {
      name: 'truncated at a line boundary after an event',
      expected: 'truncated',
      content: () => join_(lines.slice(0, middle + 1)),
    },
    {
      name: 'truncated in the middle of the trailer',
      expected: 'truncated',
      content: () => text.subarray(0, text.length - 20),
    },
    { name: 'truncated in the middle of the manifest', expected: 'truncated', content: () => text.subarray(0, 60) },
    { name: 'truncated after the manifest', expected: 'truncated', content: () => join_(lines.slice(0, 1)) },
    { name: 'junk appended after the trailer', expected: 'digest-mismatch', content: () => `${text.toString()}junk\n` },
    {
      name: 'junk appended without a newline',
      expected: 'digest-mismatch',
      content: () => `${text.toString()}{"kind":"event"`,
    },
    // The key swapped.
    {
      name: 'key: another key under the log’s name, checkpoints not re-signed',
      expected: 'key-mismatch',
      content: sealed((copy) => swapKey(copy, otherKey(key.origin), false)),
    },
    {
      name: 'key: another key under the log’s name, checkpoints re-signed',
      expected: 'key-mismatch',
      content: sealed((copy) => swapKey(copy, otherKey(key.origin), true)),
    },
    {
      name: 'key: another key under a name of its own, checkpoints not re-signed',
      expected: 'checkpoint-forged',
      content: sealed((copy) => swapKey(copy, otherKey(), false)),
    },
    {
      name: 'key: another key under the log’s name, re-signed, verified with --key',
      expected: 'key-mismatch',
      content: sealed((copy) => swapKey(copy, otherKey(key.origin), true)),
      options: trusted,
    },
    {
      name: 'key: another key under a name of its own, re-signed (a whole other log), verified with --key',
      expected: 'key-mismatch',
      content: sealed((copy) => swapKey(copy, otherKey(), true)),
      options: trusted,
    },
    {
      name: 'key: a whole other log, verified after a checkpoint you trust',
      expected: 'key-mismatch',
      content: sealed((copy) => swapKey(copy, otherKey(), true)),
      options: { afterCheckpoint: oldAnchor.note },
    },
  ];
  if (kind === 'range') {
    const proof = indexesOf(lines, 'range-proof')[0]!;
    list.push(
      {
        name: 'range-proof: a byte of a left hash flipped',
        expected: 'root-mismatch',
        content: sealed((copy) =>
          edit(copy, proof, (line) => ({
            ...line,
            left: [flipHex((line.left as string[])[0]!), ...(line.left as string[]).slice(1)],
          })),
        ),
      },
      {
        name: 'range-proof: a byte of a right hash flipped',
        expected: 'root-mismatch',
        content: sealed((copy) =>
          edit(copy, proof, (line) => ({
            ...line,
            right: [...(line.right as string[]).slice(0, -1), flipHex((line.right as string[]).at(-1)!)],
          })),
        ),
      },
      {
        name: 'range-proof: a hash removed',
        expected: 'proof-invalid',
        content: sealed((copy) => edit(copy, proof, (line) => ({ ...line, left: (line.left as string[]).slice(1) }))),
      },
      {
        name: 'range-proof: line removed',
        expected: 'proof-invalid',
        content: sealed((copy) => copy.filter((_, i) => i !== proof)),
      },
      {
        name: 'manifest: the range’s start moved',
        expected: 'proof-invalid',
        content: sealed((copy) =>
          edit(copy, 0, (line) => ({
            ...line,
            scope: { ...(line.scope as object), start: (line.scope as { start: number }).start + 1 },
          })),
        ),
      },
    );
  }
  if (kind === 'incident') {
    list.push(
      {
        name: 'event: a byte of its inclusion proof flipped',
        expected: 'proof-invalid',
        content: sealed((copy) =>
          edit(copy, middle, (line) => {
            const inclusion = [...(line.inclusion as string[])];
            inclusion[2] = flipHex(inclusion[2]!);
            return { ...line, inclusion };
          }),
        ),
      },
      {
        name: 'event: a forged notification of the incident at another leaf, with a copied proof',
        expected: 'proof-invalid',
        content: sealed((copy) => {
          // A new notification stream about the incident: its own chain is sound, only its proof can give it away.
          const issued = events.map(eventAt).find((event) => event.type === 'BlmNotificationIssued')!;
          // Before the incident's first event: a leaf of the log, not this event's.
          const before = eventAt(events[0]!);
          const notificationId = randomUUID();
          const data = { ...(issued.data as object), notificationId };
          const { recordedAt, ...supplied } = issued.metadata as { recordedAt: string };
          const forged = {
            ...issued,
            streamId: `notification-${notificationId}`,
            id: randomUUID(),
            data,
            leafIndex: before.leafIndex - 1,
            inclusion: before.inclusion,
          };
          forged.hash = chainHash({
            previousHash: GENESIS_HASH,
            streamId: forged.streamId,
            revision: 0,
            eventId: forged.id,
            type: forged.type,
            contentDigest: contentDigest(data, supplied),
            recordedAtMs: Date.parse(recordedAt),
          });
          copy.splice(events[0]!, 0, JSON.stringify(forged));
          return copy;
        }),
      },
      {
        name: 'manifest: the incident’s id changed',
        expected: 'event-inserted',
        content: sealed((copy) =>
          edit(copy, 0, (line) => ({ ...line, scope: { kind: 'incident', incidentId: randomUUID() } })),
        ),
      },
    );
  }
  if (kind !== 'incident') {
    list.push({
      name: 'event: one dropped and the leaves after it renumbered',
      expected: 'event-missing',
      content: sealed((copy) =>
        copy
          .filter((_, i) => i !== inStream)
          .map((line, i) =>
            i >= inStream && (JSON.parse(line) as Line).kind === 'event'
              ? JSON.stringify({
                  ...(JSON.parse(line) as object),
                  leafIndex: (JSON.parse(line) as EventLine).leafIndex - 1,
                })
              : line,
          ),
      ),
    });
  }
  return list;
}

function checkNamed(verdict: BundleVerdict): void {
  const problem = verdict.problem!;
  expect(problem.line).toBeGreaterThanOrEqual(1);
  expect(problem.message.en.length).toBeGreaterThan(20);
  expect(problem.message.es.length).toBeGreaterThan(20);
}

describe('the offline audit bundle', () => {
  it('verifies each kind of bundle with nothing but the file, and with the key given out of band', async () => {
    expect(summaries.all!.events).toBe(summaries.all!.anchor.size);
    expect(summaries.all!.checkpoints).toBeGreaterThan(4);
    const range = summaries.range!.scope as { start: number; end: number };
    expect(range.start).toBeGreaterThan(50);
    expect(range.end).toBeLessThan(summaries.all!.anchor.size);
    expect(summaries.range!.events).toBe(range.end - range.start);
    expect(summaries.incident!.events).toBeGreaterThan(10);

    for (const [name, file] of [...Object.entries(files), ['incident', incidentFile] as const]) {
      const summary = summaries[name]!;
      const verdict = await verifyBundle(file);
      expect({ name, problem: verdict.problem }).toEqual({ name, problem: undefined });
      expect(verdict).toMatchObject({
        ok: true,
        events: summary.events,
        checkpoints: summary.checkpoints,
        key: { verifierKey: key.verifierKey, trusted: 'file' },
        anchor: { size: summary.anchor.size, root: summary.anchor.root },
      });
      expect((await verifyBundle(file, { trustedKeys: [key.verifierKey] })).key?.trusted).toBe('given');
    }
    // Who vouched: the log for every checkpoint, the witness for the one it cosigned (the old anchor).
    const verdict = await verifyBundle(files.all);
    const signers = Object.fromEntries(verdict.signers.map((signer) => [signer.role, signer]));
    expect(signers.log!.checkpoints.length).toBe(summaries.all!.checkpoints);
    expect(signers.witness).toMatchObject({ name: 'inspector.example/witness', checkpoints: [oldAnchor.size] });
    expect(
      (await verifyBundle(files.all, { witnesses: [verifierKey(witness)] })).signers.find((s) => s.role === 'witness'),
    ).toMatchObject({ trusted: true });
    // The incident's bundle holds its own stream, the port events of its shutdown, and its notification.
    const streams = new Set(
      parse(linesOf(incidentFile)).flatMap((line) => (line.kind === 'event' ? [line.streamId] : [])),
    );
    expect([...streams].map((stream) => (stream as string).split('-')[0]).sort()).toEqual([
      'incident',
      'notification',
      'port',
    ]);
    expect(streams.has(`incident-${incidentId}`)).toBe(true);
  });

  it('verifies a bundle after a checkpoint you trust, and catches a replayed old bundle and a forked log', async () => {
    for (const file of [files.all, files.range, incidentFile]) {
      const verdict = await verifyBundle(file, { afterCheckpoint: oldAnchor.note });
      expect(verdict.problem).toBeUndefined();
      expect(verdict.afterCheckpoint).toEqual({ size: oldAnchor.size, root: oldAnchor.root });
    }
    const latest = summaries.all!.anchor;
    // The old bundle, replayed to someone who has seen the newer checkpoint.
    const replayed = await verifyBundle(files.old, { afterCheckpoint: latest.note });
    expect(replayed.problem).toMatchObject({ kind: 'stale-checkpoint', checkpointSize: oldAnchor.size });
    // A fork: the log's key signed another tree of the old size (what a log showing two histories would do).
    const forkedRoot = Buffer.alloc(32, 7);
    const forked = signNote(
      checkpointBody({ origin: key.origin, size: oldAnchor.size, root: forkedRoot, extensions: [] }),
      [key.signer],
    );
    for (const file of [files.all, files.range, incidentFile, files.old]) {
      expect((await verifyBundle(file, { afterCheckpoint: forked })).problem?.kind).toBe('root-mismatch');
    }
    // Nothing in a range bundle exported without --since-size links a checkpoint outside it.
    const bare = join(dir, 'range-bare.jsonl');
    await exportTo(bare, { kind: 'range', fromLeaf: oldAnchor.size + 50, toLeaf: oldAnchor.size + 60 });
    expect((await verifyBundle(bare)).ok).toBe(true);
    expect((await verifyBundle(bare, { afterCheckpoint: oldAnchor.note })).problem).toMatchObject({
      kind: 'proof-invalid',
      message: { en: expect.stringContaining(`--since-size ${oldAnchor.size}`) as string },
    });
  });

  it.each([
    ['all', files.all],
    ['range', files.range],
    ['incident', incidentFile],
  ] as const)(
    'detects and names every tampering of the %s bundle',
    async (kind, file) => {
      const found: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const mutation of mutations(kind, file)) {
        const verdict = await verify(mutation.content(), mutation.options);
        expected[mutation.name] = mutation.expected;
        found[mutation.name] = verdict.problem?.kind ?? 'NOT DETECTED';
        if (verdict.problem) checkNamed(verdict);
      }
      expect(found).toEqual(expected);
    },
    60_000,
  );

  it('names the line and the event of a tampered event', async () => {
    const lines = linesOf(files.all);
    const index = indexesOf(lines, 'event')[123]!;
    const event = JSON.parse(lines[index]!) as EventLine;
    const tampered = reseal(
      edit(lines, index, (line) => ({ ...line, data: { ...(line.data as object), note: 'never happened' } })),
    );
    const verdict = await verify(join_(tampered));
    expect(verdict.problem).toMatchObject({
      kind: 'data-changed',
      line: index + 1,
      leafIndex: event.leafIndex,
      position: event.position,
      streamId: event.streamId,
      revision: event.revision,
    });
    expect(verdict.problem!.message.en).toContain(`${event.streamId}@${event.revision}`);
    expect(verdict.events).toBe(123);
  });

  it('is not fooled by a whole other log signed by another key, unless a key is trusted: it says whose key it used', async () => {
    const other = otherKey();
    const forged = join_(reseal(swapKey(linesOf(files.all), other, true)));
    const verdict = await verify(forged);
    // Nothing in the file alone can tell a wholly re-signed log from a real one; the verdict says what it trusted.
    expect(verdict).toMatchObject({ ok: true, key: { trusted: 'file' } });
    expect(verdict.key!.fingerprint).not.toBe((await verifyBundle(files.all)).key!.fingerprint);
    expect(verdict.origin).not.toBe(key.origin);
    expect((await verify(forged, { trustedKeys: [key.verifierKey] })).problem?.kind).toBe('key-mismatch');
  });

  it('catches every single byte flipped anywhere in a bundle', async () => {
    const text = readFileSync(incidentFile);
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 150; i += 1) {
      const copy = Buffer.from(text);
      const at = Math.floor(random() * copy.length);
      copy[at] = copy[at]! ^ (1 + Math.floor(random() * 255));
      const verdict = await verify(copy);
      expect({ at, ok: verdict.ok }).toEqual({ at, ok: false });
    }
  }, 60_000);

  it('says plainly that garbage is not a bundle, and never throws', async () => {
    const garbage: [string, Buffer | string, RegExp][] = [
      ['an empty file', '', /empty/],
      ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /PNG/],
      ['a JSON object that is no manifest', '{"name":"report","items":[1,2,3]}\n', /no bundle manifest/],
      ['JSON that is not an object', '[1,2,3]\n', /no bundle manifest/],
      ['a bundle of another version', '{"format":"enlace-audit-bundle/v9"}\n', /v9/],
      ['a manifest missing its fields', '{"format":"enlace-audit-bundle/v1"}\n', /lacks origin/],
      ['a 1 MB line', `${'x'.repeat(1_000_000)}\n`, /not JSON/],
      ['a 2 MB line without a newline', 'y'.repeat(2_000_000), /longer than 1 MiB/],
      ['a CSV file', 'position,stream,revision\n1,incident-1,0\n', /not JSON \(it starts with "position,stream/],
    ];
    for (const [name, content, message] of garbage) {
      const verdict = await verify(content);
      expect({ name, kind: verdict.problem?.kind, line: verdict.problem?.line }).toEqual({
        name,
        kind: 'not-a-bundle',
        line: 1,
      });
      expect(verdict.problem!.message.en).toMatch(message);
      expect(verdict.problem!.message.es).toMatch(/no es un paquete de auditoría/);
    }
    writeFileSync(join(dir, 'empty'), '');
    expect((await verifyBundle(join(dir, 'empty'))).problem?.kind).toBe('not-a-bundle');
  });
});

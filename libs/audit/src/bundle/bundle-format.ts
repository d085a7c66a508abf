import type { Position } from '@enlace/event-store';
import { type NoteKey } from '@enlace/transparency';
import { createHash } from 'node:crypto';
import type { StoredCheckpoint } from '../tree-store.js';

/**
 * The offline audit bundle (docs/decisions/0021-offline-audit-bundle.md): one UTF-8 JSON Lines file, each line one
 * JSON object ending in "\n", in this order:
 *
 *   1. the manifest (`format` first, so a truncated first line is still recognised);
 *   2. checkpoint lines: the anchor first (the newest checkpoint at export: every proof is against it), then the
 *      earlier checkpoints the bundle carries, in size order;
 *   3. consistency lines linking each earlier checkpoint to the next, the last one to the anchor;
 *   4. scope `range` only: the range-proof line;
 *   5. event lines in leaf order;
 *   6. the trailer: counts and the SHA-256 of every byte before it.
 */
export const BUNDLE_FORMAT = 'enlace-audit-bundle/v1';

/** What the bundle holds, as the exporter was asked for it (the filter echoed) and the leaves that gave. */
export type BundleScope =
  | { kind: 'all'; start: 0; end: number }
  | {
      kind: 'range';
      /** The filter as given: a time range on recordedAt [from, to), a leaf range [fromLeaf, toLeaf), positions. */
      from?: string;
      to?: string;
      fromLeaf?: number;
      toLeaf?: number;
      fromPosition?: string;
      toPosition?: string;
      /** The contiguous leaves [start, end) it selected. */
      start: number;
      end: number;
    }
  | { kind: 'incident'; incidentId: string };

export const SCOPE_KINDS = ['all', 'range', 'incident'] as const;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  /** The log's name: its checkpoints' origin line and its signing key's name. */
  origin: string;
  /** The log's C2SP verifier key (`<name>+<key id>+<key>`), current at export: it signs the anchor. */
  verifierKey: string;
  publicKeyPem: string;
  /** The log's retired keys (same name), for earlier checkpoints they signed. */
  previousKeys?: string[];
  /** Witnesses the log accepts cosignatures from (their verifier keys, as the log lists them). */
  witnesses?: string[];
  scope: BundleScope;
  /** How many event lines follow (also in the trailer). */
  events: number;
  createdAt: string;
  createdBy: string;
}

export interface CheckpointLine extends StoredCheckpoint {
  kind: 'checkpoint';
}

export interface ConsistencyLine {
  kind: 'consistency';
  from: number;
  to: number;
  /** Hex hashes (RFC 9162 §2.1.4). */
  proof: string[];
}

export interface RangeProofLine {
  kind: 'range-proof';
  start: number;
  end: number;
  /** The frontier of size `start`: the roots of the perfect subtrees covering [0, start), largest first (hex). */
  left: string[];
  /** The maximal aligned subtrees covering [end, anchor size), left to right (hex). */
  right: string[];
}

/** One stored event as the store keeps it (stored type and data, not upcast), with its place in the log. */
export interface EventLine {
  kind: 'event';
  leafIndex: number;
  position: Position;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: unknown;
  /** As stored, with the store's `recordedAt`. */
  metadata: unknown;
  /** Its hash in its stream's chain. */
  hash: string;
  /** The hash of the stream's previous event ('' at revision 0): what `hash` chains from. */
  previousHash: string;
  /** Scope `incident`: its inclusion proof against the anchor (hex, from the leaf up). */
  inclusion?: string[];
}

export interface TrailerLine {
  kind: 'trailer';
  events: number;
  checkpoints: number;
  /** SHA-256 (hex) of every byte of the file before the trailer line, newlines included. */
  sha256: string;
}

export type BundleLine = CheckpointLine | ConsistencyLine | RangeProofLine | EventLine | TrailerLine;

/**
 * What is wrong, at the first bad line:
 * - `not-a-bundle`: the file is not an Enlace audit bundle (empty, not JSON, no manifest, another format);
 * - `truncated`: the file ends before its trailer, or in the middle of a line;
 * - `digest-mismatch`: the trailer's digest or counts do not match what precedes it, something follows it, or a line
 *   is not a line of a bundle at all: the file was damaged or edited after it was written;
 * - `data-changed`: an event is not what its own chain hash covers (its content, type, time or place altered);
 * - `event-missing`: a leaf of the range, or a revision of a stream the bundle holds whole, is not in the file;
 * - `event-inserted`: an event the log does not have at that place (beyond the anchor, a second event for a leaf, an
 *   event not of the incident);
 * - `order-changed`: lines out of order (leaf indexes, positions, revisions, checkpoint sizes, line kinds);
 * - `duplicate-event`: an event line repeated;
 * - `chain-broken`: an event does not follow its stream's previous event in the bundle;
 * - `checkpoint-forged`: a checkpoint's signature does not verify with the log's key, or its line says other than
 *   its signed note;
 * - `key-mismatch`: the bundle's key is not the one you trust, not the log's, or malformed;
 * - `proof-invalid`: a consistency, range or inclusion proof does not verify (or is missing);
 * - `stale-checkpoint`: the anchor is not the newest checkpoint in the file, or older than one you already trust;
 * - `root-mismatch`: the events do not make the tree a signed checkpoint vouches for, or the log forked from the
 *   checkpoint you trust.
 */
export const BUNDLE_PROBLEM_KINDS = [
  'not-a-bundle',
  'truncated',
  'digest-mismatch',
  'data-changed',
  'event-missing',
  'event-inserted',
  'order-changed',
  'duplicate-event',
  'chain-broken',
  'checkpoint-forged',
  'key-mismatch',
  'proof-invalid',
  'stale-checkpoint',
  'root-mismatch',
] as const;
export type BundleProblemKind = (typeof BUNDLE_PROBLEM_KINDS)[number];

export interface BundleProblem {
  kind: BundleProblemKind;
  /** The line (1-based) where it was found. */
  line: number;
  leafIndex?: number;
  position?: string;
  streamId?: string;
  revision?: number;
  /** The checkpoint concerned (its tree size). */
  checkpointSize?: number;
  message: { en: string; es: string };
}

/** Who vouched for the bundle's checkpoints: each key that signed some, with the sizes it signed. */
export interface BundleSigner {
  name: string;
  keyId: string;
  role: 'log' | 'previous-log-key' | 'witness' | 'unknown';
  /** Whether you gave this key (`--key`, `--witness`) rather than the file carrying it. */
  trusted: boolean;
  /** The sizes of the checkpoints its signature (verified, except for role `unknown`) is on. */
  checkpoints: number[];
}

export interface BundleVerdict {
  ok: boolean;
  /** Lines read. */
  lines: number;
  events: number;
  checkpoints: number;
  signers: BundleSigner[];
  scope?: BundleScope;
  origin?: string;
  key?: {
    verifierKey: string;
    /** SHA-256 of the raw Ed25519 public key, hex. */
    fingerprint: string;
    /** `given`: you gave it (`--key`) and the bundle's is the same; `file`: the key the file carries was trusted. */
    trusted: 'given' | 'file';
  };
  anchor?: { size: number; root: string; at: string; signers: string[] };
  /** The checkpoint you trust (`--after-checkpoint`): the anchor is consistent with it. */
  afterCheckpoint?: { size: number; root: string };
  problem?: BundleProblem;
}

/** A key's fingerprint: SHA-256 of its raw 32-byte public key, hex (the default origin is `enlace/` + its first 16). */
export function keyFingerprint(key: NoteKey): string {
  return createHash('sha256').update(key.publicKey).digest('hex');
}

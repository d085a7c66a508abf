// The audit routes' answers as the console reads them. The states are the read models' own shapes (the same the live
// views show); the rest is declared here because libs/audit is not types-only (it signs and hashes with node:crypto).
import type { ActivityEntry, IncidentDetail, NotificationStatus, PortStatus } from '@enlace/read-models';
import type { Side } from '@enlace/domain';

export {
  HISTORY_AGGREGATES,
  type HistoryAggregate,
  type HistoryItem,
  type HistoryPage,
  type ZonedTime,
} from '@enlace/history-types';

/** An event beside a state (as of, diff): where, what, who. */
export interface EventLine {
  position: string;
  recordedAt: string;
  streamId: string;
  revision: number;
  type: string;
  actor: string;
  agency: string;
  side: Side | null;
  data: unknown;
}

/** GET /api/audit/as-of/:aggregate/:id?at=: the view the console showed then, and the events around the moment. */
export interface AsOfView<State> {
  aggregate: 'incident' | 'port' | 'notification';
  id: string;
  moment: { at: string } | { position: string };
  lastEvent?: EventLine;
  /** Absent while the record did not exist yet. */
  state?: State;
  timeline?: ActivityEntry[];
  around: { before: EventLine[]; after: EventLine[] };
}

export type IncidentAsOf = AsOfView<IncidentDetail>;
export type PortAsOf = AsOfView<PortStatus>;
export type NotificationAsOf = AsOfView<NotificationStatus>;

/** A signed checkpoint of the log (GET /api/audit/log/checkpoint). */
export interface StoredCheckpoint {
  size: number;
  /** Root hash, hex. */
  root: string;
  at: string;
  /** The C2SP signed note, with the witnesses' cosignature lines added since. */
  note: string;
  lastPosition?: string;
}

/** GET /api/audit/log/key: the log's name and public key, and the witnesses it accepts. */
export interface LogKey {
  origin: string;
  algorithm: 'Ed25519';
  /** C2SP verifier key: `<name>+<key ID hex>+<base64 type byte and public key>`. */
  verifierKey: string;
  publicKeyPem: string;
  witnesses: string[];
}

export const LOG_PROBLEM_KINDS = [
  'data-changed',
  'event-missing',
  'event-inserted',
  'order-changed',
  'checkpoint-forged',
  'checkpoint-mismatch',
] as const;
export type LogProblemKind = (typeof LOG_PROBLEM_KINDS)[number];

/** GET /api/audit/log/verification: the Merkle log against every signed checkpoint, and every stream's hash chain. */
export interface Verification {
  ok: boolean;
  checkedAt: string;
  log: {
    ok: boolean;
    eventsChecked: number;
    checkpointsChecked: number;
    lastCheckpoint?: { size: number; root: string; at: string; signers: string[] };
    problem?: {
      kind: LogProblemKind;
      position?: string;
      leafIndex?: number;
      checkpointSize?: number;
      message: { en: string; es: string };
    };
  };
  chains: {
    ok: boolean;
    streamsChecked: number;
    eventsChecked: number;
    breaks: { streamId: string; revision: number; reason: 'hash-mismatch' | 'revision-gap' }[];
  };
}

/** GET /api/audit/log/proofs/inclusion: the event's leaf, its audit path and the signed checkpoint it is proven in. */
export interface InclusionProof {
  position: string;
  leafIndex: number;
  treeSize: number;
  proof: string[];
  leafHash: string;
  checkpoint: StoredCheckpoint;
}

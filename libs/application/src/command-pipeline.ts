import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  conflict,
  type Decider,
  describeWorld,
  DomainError,
  admitToDrillWorld,
  drillDecider,
  refuseSimulatorOutsideDrills,
  drillStreamId,
  drillTimeAt,
  LIVE,
  modeOf,
  type ReferenceCatalog,
  sameWorld,
  streamInWorld,
  type World,
  worldOfStream,
} from '@enlace/domain';
import {
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  occurredAt,
  type Position,
  WrongExpectedVersionError,
} from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '@enlace/clock';
import { type Created, createdBy } from './created.js';
import { idSource, uuidFromName } from './deterministic-id.js';

/** The revision the client read (`If-Match`) is no longer the stream's revision. */
export class RevisionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`${streamId} is at revision ${currentRevision}, not ${expectedRevision}`);
    this.name = 'RevisionConflictError';
  }
}

export interface CommandRequest<Command> {
  streamId: string;
  command: Command;
  actor: Actor;
  /** From `If-Match`: the revision the client's view was read at. Omitted: decide on the latest state. */
  expectedRevision?: number;
  /** From `Idempotency-Key`: a retried request returns the first outcome and appends nothing. */
  idempotencyKey?: string;
  /** A fingerprint of the request body, so one key cannot be reused for a different request. */
  requestFingerprint?: string;
  correlationId: string;
  /**
   * The world the command acts in (the live world when omitted): its events are recorded with its mode, and the
   * stream must be one of its streams (`streamInWorld`), so no command of a drill can write to a live stream.
   */
  world?: World;
}

export interface CommandOutcome<State> {
  streamId: string;
  /** The stream's revision after the command (the ETag of the new state). */
  revision: number;
  position: Position | undefined;
  events: { id: string; type: string }[];
  /** What the command created (a protective action, a shutdown…), as the first request recorded it. */
  created?: Created;
  state: State;
  /** True when this answers a retried request: nothing new was appended. */
  replayed: boolean;
}

/** The first outcome of a request with an Idempotency-Key, as its events recorded it. */
interface EarlierRequest {
  streamId: string;
  events: { id: string; type: string }[];
  created?: Created;
  revision: number;
  position: Position;
  fingerprint: string | null;
}

interface Folded<State> {
  /** The decider that folded it (each stream category has one; a cached fold is only reused by the same). */
  decider?: unknown;
  state: State;
  revision: number;
  /** Requests with an Idempotency-Key that appended to this stream, by `actor \n key`. */
  requests: ReadonlyMap<string, EarlierRequest>;
  /** The revision of the stream's latest snapshot this process knows of (see `Decider.snapshot`). */
  snapshotRevision?: number;
}

/**
 * Without If-Match, how many times a command is decided again on the new state when another writer got there first,
 * waiting a little longer (with jitter, so that the same writers do not collide again) each time.
 */
const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 2;

function pause(attempt: number): Promise<void> {
  const ms = Math.random() * RETRY_BASE_MS * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Where the command path keeps the snapshots of streams that never end (see `Decider.snapshot`). */
export const SNAPSHOTS = 'stream-snapshots';

interface StreamSnapshot<State> {
  version: number;
  revision: number;
  state: State;
  requests: [string, EarlierRequest][];
}

/** Folded streams kept in memory (least recently used dropped first). */
const CACHED_STREAMS = 2_000;

export function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');
}

/**
 * The one command path: read the stream, fold it into state, decide, append with the exact revision read.
 * Concurrent writers are caught by the event store's expected-revision check: with `If-Match` the conflict goes back
 * to the client (409); without it the command is decided again on the new state.
 */
@Injectable()
export class CommandPipeline {
  /**
   * Streams folded earlier, by id. A command still reads its stream, but only the events after the cached revision:
   * the store stays the truth (another process may have appended), and the fold costs the new events only.
   */
  private readonly folded = new Map<string, Folded<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    private readonly clock: Clock,
  ) {}

  /** The id of an aggregate a request creates: stable across retries of the same Idempotency-Key. */
  newAggregateId(actor: Actor, idempotencyKey: string | undefined, purpose: string): string {
    return idSource(idempotencyKey === undefined ? undefined : `${actor.id}\n${idempotencyKey}`)(`new-${purpose}`);
  }

  /** Folds a stream into state, with its revision (-1 when it does not exist): always as the store has it now. */
  async load<State, Command, Event>(decider: Decider<State, Command, Event>, streamId: string): Promise<Folded<State>> {
    const hit = this.folded.get(streamId);
    const cached = hit?.decider === decider && hit.revision >= 0 ? (hit as Folded<State>) : undefined;
    const base: Folded<State> = cached ??
      (await this.snapshotOf(decider, streamId)) ?? {
        decider,
        state: decider.initialState(),
        revision: -1,
        requests: new Map(),
      };
    const events = this.store.readStream(
      streamId,
      base.revision >= 0 ? { fromRevision: base.revision + 1 } : undefined,
    );
    let requests = base.requests as Map<string, EarlierRequest>;
    let state = base.state;
    let revision = base.revision;
    // Folded as the pages come (a long stream is never held whole).
    for await (const event of events) {
      if (event.revision !== revision + 1) {
        throw new Error(`${streamId}: read revision ${event.revision} after ${revision}`);
      }
      revision = event.revision;
      const { idempotencyKey, requestFingerprint, schemaVersion } = event.metadata as EventMetadata & {
        idempotencyKey?: string;
        requestFingerprint?: string | null;
        schemaVersion?: number;
      };
      // The store edge: each event is decoded (validated, an older shape upcast) once, as it is folded.
      const decoded = decider.codec.decode(event.type, event.data, schemaVersion);
      state = decider.evolve(state, decoded, occurredAt(event.metadata));
      if (idempotencyKey === undefined) continue;
      if (requests === base.requests) requests = new Map(base.requests);
      const scope = `${event.metadata.actor}\n${idempotencyKey}`;
      const earlier = requests.get(scope);
      requests.set(scope, {
        streamId,
        events: [...(earlier?.events ?? []), { id: event.id, type: event.type }],
        created: earlier?.created ?? createdBy({ type: event.type, data: event.data }),
        revision: event.revision,
        position: event.position,
        fingerprint: requestFingerprint ?? null,
      });
    }
    if (revision === base.revision) {
      this.remember(streamId, base);
      return base;
    }
    const snapshotDue = decider.snapshot && revision - (base.snapshotRevision ?? -1) >= decider.snapshot.every;
    const folded: Folded<State> = {
      decider,
      state,
      revision,
      requests,
      snapshotRevision: snapshotDue ? revision : base.snapshotRevision,
    };
    this.remember(streamId, folded);
    if (snapshotDue) this.saveSnapshot(decider, streamId, folded);
    return folded;
  }

  /** The stream's latest snapshot, if its decider keeps them and it is of the state's shape today. */
  private async snapshotOf<State, Command, Event>(
    decider: Decider<State, Command, Event>,
    streamId: string,
  ): Promise<Folded<State> | undefined> {
    if (!decider.snapshot) return undefined;
    const stored = await this.store.checkpoints.document(SNAPSHOTS, streamId);
    const snapshot = stored?.doc as StreamSnapshot<State> | undefined;
    if (!snapshot || snapshot.version !== decider.snapshot.version) return undefined;
    return {
      decider,
      state: snapshot.state,
      revision: snapshot.revision,
      requests: new Map(snapshot.requests),
      snapshotRevision: snapshot.revision,
    };
  }

  /** Kept beside the events (not one of them): any process may write it, the newest revision stays. */
  private saveSnapshot<State, Command, Event>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    folded: Folded<State>,
  ): void {
    const snapshot: StreamSnapshot<State> = {
      version: decider.snapshot!.version,
      revision: folded.revision,
      state: folded.state,
      requests: [...folded.requests],
    };
    this.store.checkpoints
      .putNewer({
        collection: SNAPSHOTS,
        key: streamId,
        sort: String(folded.revision).padStart(20, '0'),
        doc: snapshot,
      })
      .catch(() => undefined);
  }

  /** Keeps the newest fold of a stream (concurrent commands may finish out of order), most recently used last. */
  private remember(streamId: string, folded: Folded<unknown>): void {
    const cached = this.folded.get(streamId);
    if (cached && cached.revision > folded.revision) return;
    this.folded.delete(streamId);
    this.folded.set(streamId, folded);
    if (this.folded.size > CACHED_STREAMS) this.folded.delete(this.folded.keys().next().value!);
  }

  /**
   * The time a command is decided at: the machine's in the live world; in a drill, the drill's own (its start, rate
   * and pauses, folded from the drill's stream), so every time a drill's events carry is drill time. The drill's
   * clock itself is decided on the machine's time (`Decider.time: 'real'`). A drill whose clock has not started
   * takes no command; one that ended or is halted, or someone not playing in it, neither (`admitToDrillWorld`).
   */
  private async timeOf(decider: { time?: 'real' }, world: World, actor: Actor): Promise<string> {
    refuseSimulatorOutsideDrills(world, actor);
    if (world.kind === 'live' || decider.time === 'real') return this.clock.now().toISOString();
    const { state } = await this.load(drillDecider, streamInWorld(world, drillStreamId(world.drillId)));
    admitToDrillWorld(state, actor);
    const drillMs = state.status === 'none' ? undefined : drillTimeAt(state.clock, this.clock.nowMs());
    if (drillMs === undefined) {
      throw conflict(
        'DRILL.CLOCK_NOT_STARTED',
        'The drill has not started: its clock gives no time yet',
        'El ejercicio no ha iniciado: su reloj aún no marca la hora',
        { drillId: world.drillId },
      );
    }
    return new Date(drillMs).toISOString();
  }

  async execute<State, Command, Event extends { type: string; data: unknown }>(
    decider: Decider<State, Command, Event>,
    request: CommandRequest<Command>,
  ): Promise<CommandOutcome<State>> {
    const world = request.world ?? LIVE;
    const streamWorld = worldOfStream(request.streamId).world;
    if (!sameWorld(world, streamWorld)) {
      // A programming error, never a client's: the use cases map every stream into the request's world.
      throw new Error(
        `A command of the ${describeWorld(world)} world may not write ${request.streamId} (${describeWorld(streamWorld)})`,
      );
    }
    const scope = request.idempotencyKey === undefined ? undefined : `${request.actor.id}\n${request.idempotencyKey}`;
    for (let attempt = 1; ; attempt += 1) {
      const folded = await this.load(decider, request.streamId);
      const earlier = scope === undefined ? undefined : this.earlierOutcome(folded, request, scope);
      if (earlier) return earlier;
      if (request.expectedRevision !== undefined && request.expectedRevision !== folded.revision) {
        throw new RevisionConflictError(request.streamId, request.expectedRevision, folded.revision);
      }

      const now = await this.timeOf(decider, world, request.actor);
      const decided = decider.decide(request.command, folded.state, {
        now,
        actor: request.actor,
        reference: this.reference,
        newId: idSource(scope),
      });
      if (decided.length === 0) {
        return {
          streamId: request.streamId,
          revision: folded.revision,
          position: undefined,
          events: [],
          state: folded.state,
          replayed: false,
        };
      }
      const metadata: EventMetadata & Record<string, unknown> = {
        actor: request.actor.id,
        agency: request.actor.agency,
        country: request.actor.country,
        role: request.actor.role,
        correlationId: request.correlationId,
        causationId: null,
        mode: modeOf(world),
        ...(world.kind === 'drill' ? { drillId: world.drillId } : {}),
        // Decided on the drill's clock (every command of a drill but its clock's own): the drill time it happened at.
        ...(world.kind === 'drill' && decider.time !== 'real' ? { drillTime: now } : {}),
        ...(request.idempotencyKey === undefined
          ? {}
          : { idempotencyKey: request.idempotencyKey, requestFingerprint: request.requestFingerprint ?? null }),
      };
      const toAppend = decided.map((event, index) => ({
        id: scope === undefined ? randomUUID() : uuidFromName(`${scope}\nevent\n${index}`),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: decider.codec.versionOf(event.type) },
      }));
      try {
        const result = await this.store.append(
          request.streamId,
          toAppend,
          folded.revision === -1 ? 'no_stream' : folded.revision,
        );
        const state = decided.reduce((current, event) => decider.evolve(current, event, now), folded.state);
        return {
          streamId: request.streamId,
          revision: result.nextExpectedRevision,
          position: result.position,
          events: toAppend.map(({ id, type }) => ({ id, type })),
          created: decided.map(createdBy).find((created) => created !== undefined),
          state,
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (request.expectedRevision !== undefined) {
          throw new RevisionConflictError(request.streamId, request.expectedRevision, error.actual);
        }
        if (attempt >= MAX_ATTEMPTS) throw new RevisionConflictError(request.streamId, folded.revision, error.actual);
        await pause(attempt);
      }
    }
  }

  /** The outcome of an earlier request with the same caller and Idempotency-Key, if that request appended events. */
  private earlierOutcome<State>(
    folded: Folded<State>,
    request: CommandRequest<unknown>,
    scope: string,
  ): CommandOutcome<State> | undefined {
    const earlier = folded.requests.get(scope);
    if (!earlier) return undefined;
    const recorded = earlier.fingerprint;
    if (request.requestFingerprint !== undefined && recorded && recorded !== request.requestFingerprint) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'rule',
        {
          en: 'This Idempotency-Key was already used for a different request',
          es: 'Esta Idempotency-Key ya se usó para una solicitud distinta',
        },
        { idempotencyKey: request.idempotencyKey },
      );
    }
    return {
      streamId: earlier.streamId,
      revision: earlier.revision,
      position: earlier.position,
      events: earlier.events,
      ...(earlier.created ? { created: earlier.created } : {}),
      state: folded.state,
      replayed: true,
    };
  }
}

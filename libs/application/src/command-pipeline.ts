import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type Decider, DomainError, type ReferenceCatalog } from '@enlace/domain';
import {
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  type Mode,
  type Position,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from './clock.js';
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
  mode?: Mode;
}

export interface CommandOutcome<State> {
  streamId: string;
  /** The stream's revision after the command (the ETag of the new state). */
  revision: number;
  position: Position | undefined;
  events: { id: string; type: string }[];
  state: State;
  /** True when this answers a retried request: nothing new was appended. */
  replayed: boolean;
}

interface Folded<State> {
  state: State;
  revision: number;
  events: RecordedEvent[];
}

const MAX_ATTEMPTS = 3;

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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    private readonly clock: Clock,
  ) {}

  /** The id of an aggregate a request creates: stable across retries of the same Idempotency-Key. */
  newAggregateId(actor: Actor, idempotencyKey: string | undefined, purpose: string): string {
    return idSource(idempotencyKey === undefined ? undefined : `${actor.id}\n${idempotencyKey}`)(`new-${purpose}`);
  }

  /** Folds a stream into state, with its revision (-1 when it does not exist). */
  async load<State, Command, Event>(decider: Decider<State, Command, Event>, streamId: string): Promise<Folded<State>> {
    const events = await this.store.readStream(streamId);
    const state = events.reduce(
      (current, event) =>
        decider.evolve(current, { type: event.type, data: event.data } as Event, event.metadata.recordedAt),
      decider.initialState(),
    );
    return { state, revision: events.length - 1, events };
  }

  async execute<State, Command, Event extends { type: string; data: unknown }>(
    decider: Decider<State, Command, Event>,
    request: CommandRequest<Command>,
  ): Promise<CommandOutcome<State>> {
    const scope = request.idempotencyKey === undefined ? undefined : `${request.actor.id}\n${request.idempotencyKey}`;
    for (let attempt = 1; ; attempt += 1) {
      const folded = await this.load(decider, request.streamId);
      const earlier = scope === undefined ? undefined : this.earlierOutcome(folded, request);
      if (earlier) return earlier;
      if (request.expectedRevision !== undefined && request.expectedRevision !== folded.revision) {
        throw new RevisionConflictError(request.streamId, request.expectedRevision, folded.revision);
      }

      const now = this.clock.now().toISOString();
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
        mode: request.mode ?? 'actual',
        ...(request.idempotencyKey === undefined
          ? {}
          : { idempotencyKey: request.idempotencyKey, requestFingerprint: request.requestFingerprint ?? null }),
      };
      const toAppend = decided.map((event, index) => ({
        id: scope === undefined ? randomUUID() : uuidFromName(`${scope}\nevent\n${index}`),
        type: event.type,
        data: event.data,
        metadata,
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
          state,
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (request.expectedRevision !== undefined) {
          throw new RevisionConflictError(request.streamId, request.expectedRevision, error.actual);
        }
        if (attempt >= MAX_ATTEMPTS) throw new RevisionConflictError(request.streamId, folded.revision, error.actual);
      }
    }
  }

  /** The outcome of an earlier request with the same caller and Idempotency-Key, if that request appended events. */
  private earlierOutcome<State>(
    folded: Folded<State>,
    request: CommandRequest<unknown>,
  ): CommandOutcome<State> | undefined {
    const earlier = folded.events.filter(
      (event) =>
        (event.metadata as EventMetadata & { idempotencyKey?: string }).idempotencyKey === request.idempotencyKey &&
        event.metadata.actor === request.actor.id,
    );
    const last = earlier[earlier.length - 1];
    if (!last) return undefined;
    const recorded = (last.metadata as EventMetadata & { requestFingerprint?: string | null }).requestFingerprint;
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
      streamId: folded.events[0]?.streamId ?? last.streamId,
      revision: last.revision,
      position: last.position,
      events: earlier.map(({ id, type }) => ({ id, type })),
      state: folded.state,
      replayed: true,
    };
  }
}

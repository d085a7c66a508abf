/**
 * The event store's schema, the same on a PostgreSQL server and on PGlite (core PostgreSQL ≥ 14 only: xid8,
 * pg_current_xact_id, sha256, plpgsql).
 *
 * Global order uses the transaction-id horizon: every row is stamped with its writer's transaction id, and readers
 * of the global log only see rows whose transaction id is below the oldest transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`), in (transaction id, global position) order. A transaction that
 * commits late therefore holds readers back instead of being skipped.
 */
export const NOTIFY_CHANNEL = 'enlace_events';

const SCHEMA_LOCK_KEY = 7_316_524_901;

/**
 * The events table under the name `table`, with its constraints and global-order index: es_events here, and the raw
 * baseline of bench:store, which must be the same table to be a fair baseline.
 */
export function eventsTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text NOT NULL,
  revision        bigint NOT NULL,
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL,
  hash            text NOT NULL,
  CONSTRAINT ${table}_stream_revision UNIQUE (stream_id, revision),
  CONSTRAINT ${table}_stream_event_id UNIQUE (stream_id, event_id)
);
CREATE INDEX IF NOT EXISTS ${table}_global_order ON ${table} (tx_id, global_position);`;
}

export const SCHEMA_SQL = `
BEGIN;
SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY});

-- One row per stream, written once when the stream is created: the list of streams (for verify and audits).
CREATE TABLE IF NOT EXISTS es_streams (
  stream_id   text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);

${eventsTableSql('es_events')}

-- Consumers' checkpoints (where each left off, with the state it folded there) and their one-owner lease. Not
-- events: rows here are rewritten as consumers move on; nothing in them is the truth (a consumer rebuilds from es_events).
CREATE TABLE IF NOT EXISTS es_consumers (
  consumer    text PRIMARY KEY,
  owner       text,
  lease_until timestamptz,
  position    text,
  state       jsonb,
  saved_at    timestamptz
);

-- Read-model documents written by checkpointed consumers, committed with their checkpoint (es_consumers): closed
-- incidents, timelines, settled notifications. Rebuildable from es_events; rewritten as the models move on.
CREATE TABLE IF NOT EXISTS rm_documents (
  collection text NOT NULL,
  key        text NOT NULL,
  grp        text,
  status     text,
  sort       text COLLATE "C" NOT NULL,
  doc        jsonb NOT NULL,
  PRIMARY KEY (collection, key)
);
CREATE INDEX IF NOT EXISTS rm_documents_sorted ON rm_documents (collection, sort);
CREATE INDEX IF NOT EXISTS rm_documents_grouped ON rm_documents (collection, grp, sort);
CREATE INDEX IF NOT EXISTS rm_documents_by_status ON rm_documents (collection, status, sort);

CREATE OR REPLACE FUNCTION es_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'es_events is append-only: % refused', TG_OP USING ERRCODE = 'EN003';
END
$fn$;
CREATE OR REPLACE TRIGGER es_events_append_only
  BEFORE UPDATE OR DELETE ON es_events FOR EACH ROW EXECUTE FUNCTION es_refuse_change();
CREATE OR REPLACE TRIGGER es_events_no_truncate
  BEFORE TRUNCATE ON es_events FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_change();

-- Appends p_events (a JSON array of {id, type, data, metadata, digest}) to one stream in one transaction.
-- Raises EN001 (detail = actual revision) on a wrong expected revision and EN002 (detail = ids) on a partial
-- idempotent overlap; a full retry of an earlier append returns that append's result and writes nothing.
-- Writers of one stream take turns on a transaction-scoped advisory lock (released only after commit, so the next
-- writer's reads see this one's rows); writers of different streams never wait for each other. Subscribers are woken
-- by the caller after commit (a NOTIFY here would serialise every commit on PostgreSQL's notify queue lock).
CREATE OR REPLACE FUNCTION es_append(p_stream_id text, p_expected text, p_events jsonb,
                                     OUT next_revision bigint, OUT tx text, OUT global_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count     int := jsonb_array_length(p_events);
  v_ids       uuid[];
  v_revision  bigint;
  v_hash      text;
  v_found     int;
  v_first     bigint;
  v_last      bigint;
  v_matched   int;
  v_recorded  timestamptz := date_trunc('milliseconds', clock_timestamp());
  v_recorded_ms text;
  v_event     jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  SELECT e.revision, e.hash INTO v_revision, v_hash
    FROM es_events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  IF NOT FOUND THEN
    v_revision := -1;
    v_hash := '';
  END IF;

  -- A retry repeats the first id; a batch whose first id is new but that repeats a later one is a partial overlap,
  -- refused by the (stream_id, event_id) unique constraint (the caller reports it as such).
  IF v_revision >= 0 AND EXISTS (SELECT 1 FROM es_events e
                                  WHERE e.stream_id = p_stream_id AND e.event_id = (p_events -> 0 ->> 'id')::uuid) THEN
    SELECT array_agg((t.e ->> 'id')::uuid ORDER BY t.o) INTO v_ids
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, o);
    SELECT count(*), min(e.revision), max(e.revision) INTO v_found, v_first, v_last
      FROM es_events e WHERE e.stream_id = p_stream_id AND e.event_id = ANY (v_ids);
    IF v_found = v_count AND v_last - v_first + 1 = v_count THEN
      SELECT count(*) INTO v_matched
        FROM es_events e
        JOIN unnest(v_ids) WITH ORDINALITY AS u(id, o) ON e.event_id = u.id AND e.revision = v_first + u.o - 1
        WHERE e.stream_id = p_stream_id;
      IF v_matched = v_count THEN
        SELECT e.revision, e.tx_id::text, e.global_position INTO next_revision, tx, global_position
          FROM es_events e WHERE e.stream_id = p_stream_id AND e.revision = v_last;
        RETURN;
      END IF;
    END IF;
    RAISE EXCEPTION 'idempotency conflict on stream %', p_stream_id USING
      ERRCODE = 'EN002',
      DETAIL = (SELECT string_agg(e.event_id::text, ',' ORDER BY e.revision)
                  FROM es_events e WHERE e.stream_id = p_stream_id AND e.event_id = ANY (v_ids));
  END IF;

  IF (p_expected = 'no_stream' AND v_revision <> -1)
     OR (p_expected = 'stream_exists' AND v_revision = -1)
     OR (p_expected NOT IN ('any', 'no_stream', 'stream_exists') AND v_revision <> p_expected::bigint) THEN
    RAISE EXCEPTION 'wrong expected version on stream %', p_stream_id USING
      ERRCODE = 'EN001', DETAIL = v_revision::text;
  END IF;

  IF v_revision = -1 THEN
    INSERT INTO es_streams (stream_id) VALUES (p_stream_id) ON CONFLICT (stream_id) DO NOTHING;
  END IF;

  v_recorded_ms := ((extract(epoch FROM v_recorded) * 1000)::bigint)::text;
  FOR i IN 0 .. v_count - 1 LOOP
    v_event := p_events -> i;
    v_revision := v_revision + 1;
    v_hash := encode(sha256(convert_to(concat_ws(E'\\n', v_hash, p_stream_id, v_revision::text, v_event ->> 'id',
                v_event ->> 'type', v_event ->> 'digest', v_recorded_ms), 'UTF8')), 'hex');
    INSERT INTO es_events AS e (stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash)
      VALUES (p_stream_id, v_revision, (v_event ->> 'id')::uuid, v_event ->> 'type', v_event -> 'data',
              v_event -> 'metadata', v_recorded, v_hash)
      RETURNING e.global_position INTO global_position;
  END LOOP;

  next_revision := v_revision;
  tx := pg_current_xact_id()::text;
END
$fn$;

COMMIT;
`;

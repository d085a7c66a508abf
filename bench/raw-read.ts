import pg from 'pg';
import { monoMs } from './live-shared.js';

/**
 * The baseline the replay and audit benches compare with: every event of a schema read by a raw keyset SELECT
 * (node-pg, `page` rows at a time, in the store's global order), with the columns a reader of the port gets.
 */
export async function rawRead(
  databaseUrl: string,
  schema: string,
  page = 1_000,
): Promise<{ count: number; ms: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = monoMs();
    let count = 0;
    let cursor: [string, string] = ['0', '0'];
    for (;;) {
      const { rows } = await client.query<{ tx: string; gp: string }>(
        `SELECT e.tx_id::text AS tx, e.global_position::text AS gp, e.stream_id, e.revision, e.event_id, e.event_type,
                e.data, e.metadata, e.recorded_at, e.hash
           FROM ${pg.escapeIdentifier(schema)}.es_events e
          WHERE (e.tx_id, e.global_position) > ($1::xid8, $2::bigint)
          ORDER BY e.tx_id, e.global_position LIMIT ${page}`,
        cursor,
      );
      count += rows.length;
      if (rows.length < page) break;
      const last = rows[rows.length - 1]!;
      cursor = [last.tx, last.gp];
    }
    return { count, ms: monoMs() - started };
  } finally {
    await client.end();
  }
}

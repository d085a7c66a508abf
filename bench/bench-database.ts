import pg from 'pg';

/** Creates the benchmark database if it does not exist, via the `postgres` maintenance database. */
export async function ensureDatabase(
  connectionString: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const url = new URL(connectionString);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`BENCH_DATABASE_URL has no database name: ${connectionString}`);
  const adminUrl = new URL(connectionString);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
        log(`created database ${database}`);
      } catch (error) {
        // 42P04 duplicate_database / 23505: created concurrently by someone else; it exists now.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  } finally {
    await admin.end();
  }
}

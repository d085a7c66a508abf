// Makes sure the PostgreSQL test database exists before the integration tier runs.
import pg from 'pg';

export default async function globalSetup() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_test');
  process.env.TEST_DATABASE_URL = url.toString();
  const database = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not answering at ${url.host} (${error.message}). Start it (see README, "Tests") or set TEST_DATABASE_URL.`,
      { cause: error },
    );
  }
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    if (error.code !== '42P04') throw error; // created by a concurrent run
  } finally {
    await admin.end();
  }
}

import pg from 'pg';
import { randomUUID } from 'node:crypto';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_test';
}

/** A schema of its own per test file on the real PostgreSQL server, dropped afterwards. */
export function uniqueSchemaName(label = 't'): string {
  return `${label}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs SQL in the given schema on a connection of its own (to act behind the store's back in tests). */
export async function withSchemaClient<T>(schema: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { EventStore } from './event-store.port.js';
import { openPgliteEventStore, openPostgresEventStore } from './postgres/open.js';

/** DI token of the process's one `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

export type EventStoreSettings =
  | {
      kind: 'postgres';
      connectionString: string;
      schema: string;
      poolSize: number;
      maxPayloadBytes: number;
      pollIntervalMs: number;
    }
  | { kind: 'pglite'; dataDir: string; maxPayloadBytes: number; pollIntervalMs: number }
  | { kind: 'kurrentdb'; connectionString: string; maxPayloadBytes: number };

/** A one-line description for logs and health checks; never includes credentials. */
export function describeEventStore(settings: EventStoreSettings): string {
  switch (settings.kind) {
    case 'postgres': {
      const url = new URL(settings.connectionString);
      return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname} (schema ${settings.schema})`;
    }
    case 'pglite':
      return `embedded PGlite at ${settings.dataDir} (development and drills only; not a site's record of truth)`;
    case 'kurrentdb':
      return `KurrentDB ${new URL(settings.connectionString.replace(/^[a-z+]+:/, 'http:')).host}`;
  }
}

export async function openEventStore(settings: EventStoreSettings): Promise<EventStore> {
  switch (settings.kind) {
    case 'postgres':
      return openPostgresEventStore(settings);
    case 'pglite': {
      const dataDir = resolve(settings.dataDir);
      try {
        await mkdir(dataDir, { recursive: true });
        return await openPgliteEventStore({ ...settings, dataDir });
      } catch (error) {
        // Only this process uses the directory, at start: say which setting to change rather than show a stack.
        throw new Error(
          `PGLITE_DATA_DIR ${dataDir} cannot hold the embedded event store ` +
            `(${error instanceof Error ? error.message : String(error)}): point PGLITE_DATA_DIR at a writable ` +
            `directory, or set DATABASE_URL to use a PostgreSQL server`,
          { cause: error },
        );
      }
    }
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
      return KurrentDbEventStore.open(settings);
    }
  }
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export interface EventStoreModuleOptions {
  imports?: DynamicModule['imports'];
  inject?: unknown[];
  useFactory: (...args: never[]) => EventStoreSettings | Promise<EventStoreSettings>;
}

@Global()
@Module({})
export class EventStoreModule {
  static forRootAsync(options: EventStoreModuleOptions): DynamicModule {
    const SETTINGS = Symbol('EVENT_STORE_SETTINGS');
    return {
      module: EventStoreModule,
      imports: options.imports ?? [],
      providers: [
        { provide: SETTINGS, useFactory: options.useFactory, inject: (options.inject ?? []) as never[] },
        {
          provide: EVENT_STORE,
          inject: [SETTINGS],
          useFactory: async (settings: EventStoreSettings) => {
            const store = await openEventStore(settings);
            new Logger('EventStore').log(`Event store: ${describeEventStore(settings)}`);
            return store;
          },
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE],
    };
  }
}

/** The environment variables that choose and tune the event store (see config/defaults.env). */
export interface EventStoreEnvironment {
  EVENT_STORE: 'postgres' | 'kurrentdb';
  DATABASE_URL?: string | undefined;
  DATABASE_SCHEMA: string;
  DATABASE_POOL_SIZE: number;
  PGLITE_DATA_DIR: string;
  KURRENTDB_CONNECTION_STRING?: string | undefined;
  EVENT_STORE_MAX_PAYLOAD_BYTES: number;
  EVENT_STORE_POLL_INTERVAL_MS: number;
}

export function eventStoreSettingsFromEnvironment(env: EventStoreEnvironment): EventStoreSettings {
  const maxPayloadBytes = env.EVENT_STORE_MAX_PAYLOAD_BYTES;
  const pollIntervalMs = env.EVENT_STORE_POLL_INTERVAL_MS;
  if (env.EVENT_STORE === 'kurrentdb') {
    if (!env.KURRENTDB_CONNECTION_STRING) {
      throw new Error('KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb');
    }
    return { kind: 'kurrentdb', connectionString: env.KURRENTDB_CONNECTION_STRING, maxPayloadBytes };
  }
  if (env.DATABASE_URL) {
    return {
      kind: 'postgres',
      connectionString: env.DATABASE_URL,
      schema: env.DATABASE_SCHEMA,
      poolSize: env.DATABASE_POOL_SIZE,
      maxPayloadBytes,
      pollIntervalMs,
    };
  }
  return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR, maxPayloadBytes, pollIntervalMs };
}

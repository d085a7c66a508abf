import type { EnvironmentVariables } from '@enlace/config';
import { type EventStore, eventStoreSettingsFromEnvironment, openEventStore } from '@enlace/event-store';
import { stderr } from 'node:process';
import { apiAnswers } from '../common/running-api.js';

/** Says why in English and Spanish, and exits (2: could not run, unless told otherwise). */
export function fail(en: string, es: string, code = 2): never {
  stderr.write(`${en}\n${es}\n`);
  process.exit(code);
}

/**
 * The event store, opened from the host as the api opens it; on the embedded store (PGlite, one process at a time),
 * refuses while an api has it open, naming what to do instead (`instead`, in English and Spanish).
 */
export async function openStoreOrExit(
  env: EnvironmentVariables,
  instead: { en: string; es: string } = { en: '', es: '' },
): Promise<EventStore> {
  const settings = eventStoreSettingsFromEnvironment(env);
  if (settings.kind === 'pglite' && (await apiAnswers(env))) {
    fail(
      `An api is running on the embedded store (PGlite), which only one process may open. Stop it and run this again${instead.en}.`,
      `Hay una api en marcha con el almacén integrado (PGlite), que solo un proceso puede abrir. Deténgala y ejecute esto de nuevo${instead.es}.`,
    );
  }
  return openEventStore(settings);
}

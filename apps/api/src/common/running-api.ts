import type { EnvironmentVariables } from '@enlace/config';

/**
 * Whether an api answers at HOST:PORT: a command-line tool must not open the embedded store (PGlite, one process at a
 * time) while an api has it open.
 */
export async function apiAnswers(env: Pick<EnvironmentVariables, 'HOST' | 'PORT'>): Promise<boolean> {
  const host = ['0.0.0.0', '::', ''].includes(env.HOST) ? '127.0.0.1' : env.HOST;
  try {
    await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}/health`, {
      signal: AbortSignal.timeout(1_000),
    });
    return true;
  } catch {
    return false;
  }
}

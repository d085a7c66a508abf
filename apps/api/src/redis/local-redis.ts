import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const WATCHDOG = [
  'binary="$1"; shift',
  '"$binary" "$@" & server=$!',
  "trap 'kill $server 2>/dev/null; exit 0' TERM INT",
  'while kill -0 "$ENLACE_API_PID" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done',
  'kill $server 2>/dev/null',
].join('\n');

/** One PING with a short timeout and no retries: is anyone answering at `url`? */
async function answers(url: string, timeoutMs = 1_500): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * For `npm start` with the worker embedded: if no Redis answers at REDIS_URL on this machine, start a throwaway
 * `redis-server` (no persistence: Redis is never the truth) as a child that stops with the api. If there is none
 * on the PATH, say how to get one and let the api serve without deliveries (health reports `redis: down`).
 */
export async function ensureLocalRedis(url: string): Promise<void> {
  const logger = new Logger('Redis');
  if (await answers(url)) return;
  const { hostname, port } = new URL(url);
  const binary = onPath('redis-server');
  if (!LOCAL_HOSTS.has(hostname) || !binary) {
    logger.warn(
      [
        `No Redis answers at ${url}: BLM notifications are recorded and shown on consoles, but not delivered by webhook`,
        'or e-mail and not escalated until Redis is reachable (nothing is lost; the worker catches up from the store).',
        'Get one: `apt-get install redis-server`, `brew install redis`, or `docker run -d -p 6379:6379 redis:7`;',
        'or set REDIS_URL. / Redis no responde: las notificaciones se registran pero no se entregan ni se escalan',
        'hasta que Redis esté disponible (no se pierde nada). Instale redis-server o defina REDIS_URL.',
      ].join('\n'),
    );
    return;
  }
  // noeviction: BullMQ's keys must never be dropped under memory pressure (Redis refuses writes instead).
  const args = [
    ...['--port', port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ...['--maxmemory-policy', 'noeviction'],
  ];
  // A watchdog shell owns the redis-server and stops it when the api is gone, however it went: a signal or a crash
  // ends Node without its 'exit' event, which would leave an orphan redis-server holding the port.
  const child = spawn('sh', ['-c', WATCHDOG, 'enlace-redis', binary, ...args], {
    stdio: 'ignore',
    env: { ...process.env, ENLACE_API_PID: String(process.pid) },
  });
  const stop = (): void => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  child.once('exit', () => process.removeListener('exit', stop));
  for (let i = 0; i < 50; i += 1) {
    if (await answers(url, 500)) {
      logger.log(`Started a local redis-server on ${hostname}:${port || '6379'} (no persistence; stops with the api)`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  logger.warn(`Started ${binary} but it does not answer at ${url}; deliveries wait for Redis`);
}

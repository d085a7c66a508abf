import { Redis } from 'ioredis';
import { evictionPolicy } from './redis.js';
import { TestRedisServer } from './testing/redis-server.js';

/** BullMQ needs Redis to keep every key under memory pressure: the worker reads the policy and says so if not. */
let redis: TestRedisServer;
let client: Redis;

beforeAll(async () => {
  redis = await TestRedisServer.start();
  client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

it("reads the server's maxmemory-policy: noeviction on the servers we start, and any other when set", async () => {
  expect(await evictionPolicy(client)).toBe('noeviction');
  await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
  expect(await evictionPolicy(client)).toBe('allkeys-lru');
});

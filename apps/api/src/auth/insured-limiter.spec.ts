import { MemoryLimiter } from './insured-limiter.js';

const DAY = 24 * 3600;

it('keeps a 30-day key in memory instead of dropping it at once (timers over ~24.8 days fire after 1 ms)', async () => {
  const limiter = new MemoryLimiter({ keyPrefix: 'known', points: 1, duration: 30 * DAY });
  await limiter.set('officer@203.0.113.7', 1, 30 * DAY);
  await limiter.consume('other@203.0.113.8');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await limiter.get('officer@203.0.113.7')).not.toBeNull();
  expect(await limiter.get('other@203.0.113.8')).not.toBeNull();
});

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ResourceStore } from './resources';

/** A fetcher whose answers the test releases one by one, in any order. */
function controlledFetcher() {
  const calls: { url: string; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const fetcher = (url: string) =>
    new Promise<unknown>((resolve, reject) => {
      calls.push({ url, resolve, reject });
    });
  return { calls, fetcher };
}

/** Lets the answers released so far reach the store (a few turns of the microtask queue). */
async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('ResourceStore', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('fetches a path when first shown, and shows its answer', async () => {
    const { calls, fetcher } = controlledFetcher();
    const store = new ResourceStore(fetcher, 30, () => 42);
    const listener = jest.fn();
    store.subscribe('/api/ports', listener);
    expect(calls.map((c) => c.url)).toEqual(['/api/ports']);
    calls[0]!.resolve(['otay-mesa']);
    await flushPromises();
    expect(store.snapshot('/api/ports')).toEqual({
      data: ['otay-mesa'],
      error: undefined,
      loading: false,
      fetchedAt: 42,
    });
    expect(listener).toHaveBeenCalled();
  });

  it('gathers the events of a window into one fetch per path, after the latest position', () => {
    const { calls, fetcher } = controlledFetcher();
    const store = new ResourceStore(fetcher, 30);
    store.subscribe('/api/ports', () => undefined);
    store.subscribe('/api/ports/otay-mesa', () => undefined);
    calls.splice(0);
    store.invalidate(['/api/ports', '/api/ports/otay-mesa'], '0002');
    store.invalidate(['/api/ports'], '0005');
    store.invalidate(['/api/ports'], '0003');
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(30);
    // The board waits for the position; one port is read from the store itself (no ?after).
    expect(calls.map((c) => c.url).sort()).toEqual(['/api/ports/otay-mesa', '/api/ports?after=0005']);
  });

  it('fetches a path not on screen only when it is shown again', () => {
    const { calls, fetcher } = controlledFetcher();
    const store = new ResourceStore(fetcher, 30);
    const stop = store.subscribe('/api/notifications', () => undefined);
    calls[0]!.resolve([]);
    stop();
    calls.splice(0);
    store.invalidate(['/api/notifications'], '0009');
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    store.subscribe('/api/notifications', () => undefined);
    expect(calls.map((c) => c.url)).toEqual(['/api/notifications']);
  });

  it('never lets an older answer replace a newer one', async () => {
    const { calls, fetcher } = controlledFetcher();
    const store = new ResourceStore(fetcher, 30);
    store.subscribe('/api/incidents', () => undefined);
    store.refresh('/api/incidents', '0007');
    calls[1]!.resolve(['new']);
    await flushPromises();
    calls[0]!.resolve(['old']);
    await flushPromises();
    expect(store.snapshot('/api/incidents').data).toEqual(['new']);
  });

  it('keeps the last data shown when a refresh fails, with the error', async () => {
    const { calls, fetcher } = controlledFetcher();
    const store = new ResourceStore(fetcher, 30);
    store.subscribe('/api/ports', () => undefined);
    calls[0]!.resolve(['a']);
    await flushPromises();
    store.refresh('/api/ports');
    calls[1]!.reject(new Error('down'));
    await flushPromises();
    const snapshot = store.snapshot('/api/ports');
    expect(snapshot.data).toEqual(['a']);
    expect(snapshot.error?.code).toBe('UNEXPECTED');
    store.refreshAll(true);
    expect(calls).toHaveLength(3);
  });
});

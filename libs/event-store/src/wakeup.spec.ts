import { CoalescingNotifier, parseWakeupMessage, Wakeup, wakeupMessage, type WakeupStreams } from './wakeup.js';

const sessions = (streamId: string) => streamId.startsWith('session-');
const never = new AbortController().signal;

/** Whether `promise` has settled after the microtasks queued now have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('Wakeup', () => {
  it('wakes a waiter without interest on any append, and one with interest only on the streams it cares for', async () => {
    const wakeup = new Wakeup();
    const any = wakeup.wait(wakeup.current, 60_000, never);
    const auth = wakeup.wait(wakeup.current, 60_000, never, sessions);
    wakeup.notify(['incident-1']);
    expect(await settled(any)).toBe(true);
    expect(await settled(auth)).toBe(false);
    wakeup.notify(['port-otay-mesa', 'session-42']);
    expect(await settled(auth)).toBe(true);
  });

  it('wakes everyone when the streams are unknown (a listener that came back, an older process)', async () => {
    const wakeup = new Wakeup();
    const auth = wakeup.wait(wakeup.current, 60_000, never, sessions);
    wakeup.notify(undefined);
    expect(await settled(auth)).toBe(true);
  });

  it('ends the wait at once for a wake-up missed between the read and the wait, only if it concerned the waiter', async () => {
    const wakeup = new Wakeup();
    const seen = wakeup.current;
    wakeup.notify(['incident-1']);
    const auth = wakeup.wait(seen, 60_000, never, sessions);
    expect(await settled(auth)).toBe(false);
    expect(await settled(wakeup.wait(seen, 60_000, never))).toBe(true);
    wakeup.notify(['incident-2']);
    wakeup.notify(['session-7']);
    expect(await settled(wakeup.wait(seen, 60_000, never, sessions))).toBe(true);
  });

  it('ends the wait at once when it missed more wake-ups than it remembers', async () => {
    const wakeup = new Wakeup();
    const seen = wakeup.current;
    for (let i = 0; i < 300; i += 1) wakeup.notify([`incident-${i}`]);
    expect(await settled(wakeup.wait(seen, 60_000, never, sessions))).toBe(true);
    // Within what it remembers, the old rule holds.
    expect(await settled(wakeup.wait(wakeup.current - 10, 60_000, never, sessions))).toBe(false);
  });

  it('still ends on its timeout (the poll) and on abort', async () => {
    const wakeup = new Wakeup();
    await wakeup.wait(wakeup.current, 5, never, sessions);
    const abort = new AbortController();
    const waiting = wakeup.wait(wakeup.current, 60_000, abort.signal, sessions);
    abort.abort();
    expect(await settled(waiting)).toBe(true);
  });
});

describe('wake-up messages between processes', () => {
  it('carry the process id and the streams, and read back', () => {
    expect(parseWakeupMessage(wakeupMessage('p1', ['incident-1', 'session-2']))).toEqual({
      instanceId: 'p1',
      streams: ['incident-1', 'session-2'],
    });
    expect(parseWakeupMessage(wakeupMessage('p1', undefined))).toEqual({ instanceId: 'p1', streams: undefined });
  });

  it("read an older process's message (its id alone) as unknown streams", () => {
    expect(parseWakeupMessage('3f0c1e6e-2a61-4f7e-9a7d-1b1c2d3e4f50')).toEqual({
      instanceId: '3f0c1e6e-2a61-4f7e-9a7d-1b1c2d3e4f50',
      streams: undefined,
    });
  });
});

describe('CoalescingNotifier', () => {
  /** A notifier whose messages are kept instead of sent. */
  const recording = (minIntervalMs: number) => {
    const sent: WakeupStreams[] = [];
    const notifier = new CoalescingNotifier((streams) => {
      sent.push(streams);
      return Promise.resolve();
    }, minIntervalMs);
    return { sent, notifier };
  };

  it('sends one message for the appends inside its window, listing each stream once', async () => {
    const { sent, notifier } = recording(20);
    notifier.poke('incident-1');
    notifier.poke('incident-1');
    notifier.poke('session-2');
    await new Promise((resolve) => setTimeout(resolve, 60));
    notifier.poke('port-x');
    await notifier.close();
    expect(sent).toEqual([['incident-1', 'session-2'], ['port-x']]);
  });

  it('says "unknown" rather than list more than fits in a message', async () => {
    const { sent, notifier } = recording(1_000);
    for (let i = 0; i < 200; i += 1) notifier.poke(`incident-${'x'.repeat(40)}-${i}`);
    await notifier.close();
    expect(sent).toEqual([undefined]);
  });
});

/**
 * Preloaded into the api by the live benchmark (`node --import dist/bench/live-api-probe.js …`, only when
 * BENCH_LIVE_PROBE=1 and the api was spawned with an IPC channel); the api's files are untouched. It samples
 * `process.memoryUsage()` every 100 ms (peak heap and RSS since the last reset), measures the event loop delay, and
 * answers the driver; it stops the api when the driver goes away, so a killed benchmark leaves no api behind.
 * Cost inside the api: an event loop delay histogram (10 ms resolution), a 100 ms timer and an IPC listener.
 * With BENCH_LIVE_PROFILE=<file>, the driver also has it record a V8 CPU profile of the measured Enlace phase
 * (`node:inspector`), written to <file> (open it in Chrome DevTools); profiling slows the api down.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loopDelayOf, type ProbeReport, serveRpc } from './live-shared.js';

if (process.env.BENCH_LIVE_PROBE === '1' && process.send) {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let since = performance.eventLoopUtilization();
  let peakHeapUsed = 0;
  let peakRss = 0;
  const sample = (): NodeJS.MemoryUsage => {
    const memory = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
    return memory;
  };
  setInterval(sample, 100).unref();
  const report = (): ProbeReport => ({
    memory: sample(),
    peakHeapUsed,
    peakRss,
    loopDelay: loopDelayOf(loopDelay, since),
  });
  let profiler: Session | undefined;
  serveRpc(
    {
      profileStart: async () => {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
        return true;
      },
      profileStop: async ({ file }: { file: string }) => {
        if (!profiler) return false;
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = undefined;
        writeFileSync(file, JSON.stringify(profile));
        return true;
      },
      reset: () => {
        loopDelay.reset();
        since = performance.eventLoopUtilization();
        peakHeapUsed = 0;
        peakRss = 0;
        return report();
      },
      report,
    },
    () => process.kill(process.pid, 'SIGTERM'),
  );
}

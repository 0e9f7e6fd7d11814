/**
 * Preloaded into the server by the load script (`node --import`), never part of the package:
 * measures how long the server's event loop was held (perf_hooks monitorEventLoopDelay), the
 * longest garbage-collection pause, and the CPU time the server got, and on each SIGUSR2 prints
 * the figures since the previous one to standard error as one line `lcz-loop-delay {json}`. So
 * the load run can tell the server's own delays apart from the probe's trip over loopback and
 * the time a busy machine gave the server (CPU time well under the wall time: it waited).
 */
import { writeSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
let gcMax = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMax = Math.max(gcMax, e.duration);
}).observe({ type: 'gc' });
let cpu = process.cpuUsage();
let since = performance.now();

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
process.on('SIGUSR2', () => {
  const used = process.cpuUsage(cpu);
  const figures = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    gcMax: Math.round(gcMax * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs: Math.round(performance.now() - since),
  };
  histogram.reset();
  gcMax = 0;
  cpu = process.cpuUsage();
  since = performance.now();
  writeSync(2, `lcz-loop-delay ${JSON.stringify(figures)}\n`);
});

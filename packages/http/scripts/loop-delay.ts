/**
 * Preloaded into the server by the load script (`node --import`), never part of the package:
 * measures how long the server's event loop was held (perf_hooks monitorEventLoopDelay) and, on
 * each SIGUSR2, prints the figures since the previous one to standard error as one line
 * `lcz-loop-delay {json}` and starts afresh. So the load run can tell the server's own delays
 * apart from the probe's trip over loopback and the time the machine gave the probe.
 */
import { writeSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
process.on('SIGUSR2', () => {
  const figures = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
  histogram.reset();
  writeSync(2, `lcz-loop-delay ${JSON.stringify(figures)}\n`);
});

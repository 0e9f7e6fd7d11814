/**
 * `bench:levels`: only the points-and-levels rows of `pnpm bench` (schemes/green-building/), with
 * the same function and config (BENCH_QUICK=1 for a short run), on the engine's TypeScript
 * source. For measuring work on that path alone, without the main workload's minutes. Each run
 * is a fresh process: a second run in one process finds the floor's code tuned to other inputs.
 */
import * as engine from '@lcz/criteria-engine';
import { loadavg } from 'node:os';
import { measureLevelsScheme, renderLevelsRows } from '../schemes/green-building/measure.js';
import { benchConfig } from './config.js';

const config = benchConfig();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`bench:levels: ${config.quick ? 'QUICK' : 'full'}, ${config.rounds} rounds, load ${load()}`);
const rows = await measureLevelsScheme(engine, {
  assessments: config.quick ? 2_000 : 20_000,
  rounds: config.rounds,
  minMillis: config.minMillis,
  seed: config.seed,
});
console.log(`${renderLevelsRows(rows)}\n(load ${load()})`);

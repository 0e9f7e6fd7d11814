/**
 * `pnpm bench:threads [rows] [rounds] [--all]`: does the batch's default choice of decide workers
 * help on this machine as it is now? The built CLI on one generated CSV file (default 400,000
 * rows, ~185 MB), each run a fresh process: one thread (`--threads 0`) and the default
 * (worker-count.ts: the file size and the cores measured free while the first 200 ms are read),
 * interleaved round by round so that both see the same load; with `--all`, 1 and 2 forced
 * workers too. Prints wall seconds per run, the median of each and its ratio to one thread, and
 * the load average before each round: the default must never be more than 5% slower than one
 * thread (the verdict line).
 */
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { loadRuleset } from '@lcz/criteria-engine';
import { RULES_FILE } from './config.js';
import { runCsv, writeCsv, type CsvRun } from './csv-throughput.js';
import { generateAssessments } from '../schemes/lai-chau/generate.js';
import { median } from './stats.js';

const args = process.argv.slice(2).filter((a) => a !== '--all');
const all = process.argv.includes('--all');
const rows = Number(args[0] ?? 400_000);
const rounds = Number(args[1] ?? 5);
const ruleset = loadRuleset(readFileSync(RULES_FILE, 'utf8'), { file: RULES_FILE }).value;
if (!ruleset) throw new Error('the Lai Châu rules did not load');
const { csv, fileMB } = await writeCsv(ruleset, generateAssessments(10_000), rows);
const cases: { label: string; threads: number | undefined }[] = [
  { label: 'one thread (--threads 0)', threads: 0 },
  ...(all
    ? [
        { label: '1 worker (--threads 1)', threads: 1 },
        { label: '2 workers (--threads 2)', threads: 2 },
      ]
    : []),
  { label: 'default', threads: undefined },
];
const runs = new Map<string, CsvRun[]>(cases.map((c) => [c.label, []]));
console.log(
  `${rows.toLocaleString('en')} rows, ${fileMB.toFixed(0)} MB, ${availableParallelism()} cores, ${rounds} rounds`,
);
try {
  for (let r = 0; r < rounds; r++) {
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    const line: string[] = [];
    // Rotated each round, so no case always runs first or last.
    for (const c of [...cases.slice(r % cases.length), ...cases.slice(0, r % cases.length)]) {
      const run = runCsv(csv, rows, fileMB, c.threads);
      runs.get(c.label)?.push(run);
      line.push(
        `${c.label}: ${run.seconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(2)} s (${run.threadsUsed} workers)`,
      );
    }
    console.log(`round ${r + 1}, load ${load}: ${line.join('; ')}`);
  }
} finally {
  rmSync(csv, { force: true });
}
const base = median((runs.get(cases[0]?.label ?? '') ?? []).map((r) => r.seconds));
const baseCpu = median((runs.get(cases[0]?.label ?? '') ?? []).map((r) => r.cpuSeconds));
console.log(
  '\n| run | median wall s | × one thread (wall) | median CPU s | × one thread (CPU) | workers used (per round) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const c of cases) {
  const list = runs.get(c.label) ?? [];
  const m = median(list.map((r) => r.seconds));
  const cpu = median(list.map((r) => r.cpuSeconds));
  console.log(
    `| ${c.label} | ${m.toFixed(2)} | ${(m / base).toFixed(3)} | ${cpu.toFixed(2)} | ${(cpu / baseCpu).toFixed(3)} | ${list.map((r) => r.threadsUsed).join(', ')} |`,
  );
}
const chosen = median((runs.get('default') ?? []).map((r) => r.seconds));
const ratio = chosen / base;
console.log(
  `\ndefault ÷ one thread (median wall): ${ratio.toFixed(3)}; target ≤ 1.05 (never more than 5% slower): ${ratio <= 1.05 ? 'met' : 'MISSED'}`,
);

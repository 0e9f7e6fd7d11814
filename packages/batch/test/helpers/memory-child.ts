/**
 * Run in a child process by memory.test.ts: evaluates one CSV with evaluateBatch (results written
 * as JSON Lines, or with `xlsx` a summary workbook) while sampling the process's resident set size
 * and its memory outside the heap (buffers), and prints the peaks as JSON. A child process, so the
 * test runner's own memory does not blur the measure.
 */
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { evaluateBatch } from '../../src/index.js';

const [rulesPath, input, output, detail, threads] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];
const rules = (await loadRulesetFile(rulesPath)).value;
if (rules === undefined) throw new Error('rules do not load');

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
let peakExternal = process.memoryUsage().external;
const sample = (): void => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  if (m.external > peakExternal) peakExternal = m.external;
};
const timer = setInterval(sample, 5);
const summary = await evaluateBatch(input, rules, {
  ...(detail === 'xlsx' ? { summary: output } : { results: output, detail: detail === 'full' ? 'full' : 'decision' }),
  ...(threads !== undefined ? { threads: Number(threads) } : {}),
  onProgress: sample,
});
clearInterval(timer);
sample();
process.stdout.write(
  JSON.stringify({
    rows: summary.rows,
    bad: summary.badRows,
    threads: summary.threads,
    peakRss,
    peakHeap,
    peakExternal,
    header: summary.headerProblems.map((d) => [d.code, d.line, d.column, d.params['limit']]),
  }),
);

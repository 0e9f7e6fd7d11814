/**
 * Batch throughput of the real CLI: `lcz evaluate --decisions-only --out <file>` on generated CSV
 * files of 100,000 and 1,000,000 rows, each in a fresh process under /usr/bin/time (wall time and
 * peak RSS). Flat memory means the 1M-row peak stays near the 100k-row one. The target runs use
 * the CLI's defaults (worker threads, one per free core; none on a busy machine); a run with `--threads 0` (one thread) is
 * shown beside them for information. The CSV files are
 * written from the bench's own seeded generator through @lcz/criteria-batch's writer, into the
 * gitignored .bench-out folder, and removed afterwards.
 *
 * The peer (`peer: true`): a plain csv-parse pipeline with the hand-written floor
 * (schemes/lai-chau/csv-parse-peer.ts) on the same file, under the same /usr/bin/time; its
 * decisions must equal the CLI's on that file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';
import { writeAssessments, type BatchInputRow } from '@lcz/criteria-batch';
import { BENCH_DIR, OUT_DIR, REPO_ROOT } from './config.js';

export interface CsvCase {
  readonly rows: number;
  /** `--threads`; undefined: the CLI's default. */
  readonly threads?: number;
  /** Run the csv-parse peer instead of the CLI. */
  readonly peer?: boolean;
}

type Decisions = Readonly<Record<'recognised' | 'not_recognised' | 'undetermined', number>>;

export interface CsvRun {
  readonly rows: number;
  readonly threads?: number;
  /** Worker threads that read rows, as the CLI's --json summary says. */
  readonly threadsUsed: number;
  readonly seconds: number;
  /** CPU time of the process, user + system, all threads (seconds). */
  readonly cpuSeconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMB: number;
  readonly fileMB: number;
  /** The csv-parse peer's run, not the CLI's. */
  readonly peer?: true;
  readonly decisions: Decisions;
}

const PEER = join(BENCH_DIR, 'schemes/lai-chau/csv-parse-peer.ts');

/** One run of the csv-parse peer on `csv`, in a fresh process under /usr/bin/time. */
function runPeer(csv: string, rows: number, fileMB: number): CsvRun {
  const out = join(OUT_DIR, `peer-${rows}.jsonl`);
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const child = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', PEER, csv, out], {
    cwd: BENCH_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  if (child.status !== 0) throw new Error(`the csv-parse peer exited ${child.status}:\n${child.stderr.slice(-2000)}`);
  // cast: the last line is the summary the peer script (ours) prints; its rows are checked next
  const summary = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { rows: number; decisions: Decisions };
  if (summary.rows !== rows) throw new Error(`the csv-parse peer read ${summary.rows} rows of ${rows}`);
  rmSync(out, { force: true });
  return { rows, peer: true, threadsUsed: 0, fileMB, decisions: summary.decisions, ...timeReport(child.stderr, rows) };
}

/** How many times faster the CLI (its defaults) ran than the peer, per file size measured with both. */
export function peerRatios(runs: readonly CsvRun[]): { readonly rows: number; readonly times: number }[] {
  return runs.flatMap((p) => {
    const cli = runs.find((c) => c.rows === p.rows && c.peer === undefined && c.threads === undefined);
    return p.peer && cli ? [{ rows: p.rows, times: p.seconds / cli.seconds }] : [];
  });
}

export const CSV_TARGET = { rowsPerSecond: 250_000, peakRssMB: 200, timesPeer: 6 } as const;

/** The size the CSV targets speak of: a verdict is given on a file of this many rows only. */
export const CSV_TARGET_ROWS = 1_000_000;

/**
 * The CSV runs of a bench run: a small file with the CLI's defaults, then the large one with the
 * defaults (the target), on one thread, and by the csv-parse peer. The large file is the target's
 * 1,000,000 rows (463 MB; writing it and the four runs take two to three minutes) in a full run
 * and with BENCH_CSV_1M=1; 50,000 in a quick one; 200,000 with BENCH_CSV_1M=0, for trying changes
 * (no verdict then: start-up weighs five times more on a fifth of the rows). BENCH_CSV_PEER=0
 * leaves the peer out (on a million rows it alone takes about a minute): not for the record.
 */
export function csvCases(quick: boolean, env: NodeJS.ProcessEnv = process.env): { cases: CsvCase[]; large: number } {
  const small = quick ? 10_000 : 100_000;
  const million = env['BENCH_CSV_1M'];
  const large =
    million === '1' || (!quick && million !== '0') ? CSV_TARGET_ROWS : million === '0' && !quick ? 200_000 : 50_000;
  const peer: CsvCase[] = env['BENCH_CSV_PEER'] === '0' ? [] : [{ rows: large, peer: true }];
  return {
    cases: [{ rows: small }, { rows: large }, { rows: large, threads: 0 }, ...peer],
    large,
  };
}

/** Rows cycle through the workload's assessments, each with its own area code. */
function* rowsOf(assessments: readonly Assessment[], count: number): Iterable<BatchInputRow> {
  for (let i = 0; i < count; i++) {
    const a = assessments[i % assessments.length];
    if (a === undefined) return; // no assessments: no rows
    yield {
      area: { code: `KDC-${i + 1}`, name: `Khu ${i + 1}`, unit: 'Unit 1', year: 2024 },
      // cast: the workload's assessments are complete (no undefined values), which is what a row holds
      context: a.context as BatchInputRow['context'],
      // cast: as for the context
      facts: a.facts as BatchInputRow['facts'],
    };
  }
}

/** A CSV file of `rows` rows from the workload, in .bench-out (the caller removes it). */
export async function writeCsv(
  ruleset: CompiledRuleset,
  assessments: readonly Assessment[],
  rows: number,
): Promise<{ csv: string; fileMB: number }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const csv = join(OUT_DIR, `batch-${rows}.csv`);
  await writeAssessments(ruleset, csv, rowsOf(assessments, rows), { format: 'csv', headers: 'ids' });
  return { csv, fileMB: statSync(csv).size / 1048576 };
}

/** The environment without the cache switches a caller may have set (LCZ_CACHE=0 would turn the cache off). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['LCZ_CACHE'];
  delete env['LCZ_CACHE_DIR'];
  return env;
}

/**
 * One run of the built CLI on `csv` in a fresh process, under /usr/bin/time. `cacheDir`: the rules
 * cache folder to use (warmed by warmRulesCache: the batch decides with the generated decide
 * module kept there, as every run after the first does); without it, an empty one of its own (a
 * first run: the rules load from the YAML, the entry and its module are written, and the batch
 * decides through the module just written).
 */
export function runCsv(
  csv: string,
  rows: number,
  fileMB: number,
  threads: number | undefined,
  cacheDir?: string,
): CsvRun {
  const out = join(OUT_DIR, `batch-${rows}.jsonl`);
  const cache = cacheDir ?? join(OUT_DIR, `rules-cache-${rows}`);
  if (cacheDir === undefined) rmSync(cache, { recursive: true, force: true });
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      join(REPO_ROOT, 'packages/cli/dist/bin.js'),
      'evaluate',
      '--json',
      '--rules',
      join(REPO_ROOT, 'rules/lai-chau-2020-2025'),
      csv,
      '--decisions-only',
      '--out',
      out,
      ...(threads !== undefined ? ['--threads', String(threads)] : []),
    ],
    // The CLI's defaults (the cache on), in a cache folder of the bench's own.
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 24,
      env: { ...cleanEnv(), LCZ_CACHE_DIR: cache },
    },
  );
  if (cacheDir === undefined) rmSync(cache, { recursive: true, force: true });
  // Every generated row is valid, so anything but exit 0 is a failure of the run, not a result.
  if (child.status !== 0)
    throw new Error(`lcz evaluate exited ${child.status} on ${csv}:\n${child.stderr.slice(-2000)}`);
  // cast: lcz evaluate prints this JSON summary (see `threads` above); its rows are checked next
  const summary = JSON.parse(child.stdout) as { rows: number; threads: number; decisions: Decisions };
  if (summary.rows !== rows) throw new Error(`lcz evaluate read ${summary.rows} rows of ${rows}`);
  rmSync(out, { force: true });
  return {
    rows,
    ...(threads !== undefined ? { threads } : {}),
    threadsUsed: summary.threads,
    fileMB,
    decisions: { ...summary.decisions },
    ...timeReport(child.stderr, rows),
  };
}

/**
 * Runs `cases` in order; consecutive cases of the same size share one generated file.
 * `before` is called before each run (after its file is written), e.g. to note the load average.
 */
export async function measureCsv(
  ruleset: CompiledRuleset,
  assessments: readonly Assessment[],
  cases: readonly CsvCase[],
  before?: (c: CsvCase) => void,
): Promise<CsvRun[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const cacheDir = await warmRulesCache(ruleset, assessments);
  const runs: CsvRun[] = [];
  let written: { rows: number; csv: string; fileMB: number } | undefined;
  for (const { rows, threads, peer } of cases) {
    if (written?.rows !== rows) {
      if (written) rmSync(written.csv, { force: true });
      written = { rows, ...(await writeCsv(ruleset, assessments, rows)) };
    }
    before?.({ rows, ...(threads !== undefined ? { threads } : {}), ...(peer !== undefined ? { peer } : {}) });
    const run = peer
      ? runPeer(written.csv, rows, written.fileMB)
      : runCsv(written.csv, rows, written.fileMB, threads, cacheDir);
    // The peer decides as the CLI does on the same file, or its time means nothing.
    const cli = runs.find((r) => r.rows === rows && !r.peer);
    const same = (a: Decisions, b: Decisions) =>
      a.recognised === b.recognised && a.not_recognised === b.not_recognised && a.undetermined === b.undetermined;
    if (cli && run.peer && !same(cli.decisions, run.decisions))
      throw new Error(
        `the csv-parse peer decided ${JSON.stringify(run.decisions)}, lcz ${JSON.stringify(cli.decisions)}`,
      );
    runs.push(run);
  }
  if (written) rmSync(written.csv, { force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  return runs;
}

/**
 * A rules cache folder (in .bench-out) as a user's is after their first batch with these rules:
 * the compiled entry and its generated decide module, written by one untimed run on a 10-row
 * file. The timed runs then load the rules from it and decide with that module, as every run
 * after the first does (a first run also reads the YAML and writes them: slower to start).
 */
async function warmRulesCache(ruleset: CompiledRuleset, assessments: readonly Assessment[]): Promise<string> {
  const cacheDir = join(OUT_DIR, 'rules-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const { csv, fileMB } = await writeCsv(ruleset, assessments, 10);
  runCsv(csv, 10, fileMB, 0, cacheDir);
  rmSync(csv, { force: true });
  return cacheDir;
}

/** Wall time and peak RSS out of `/usr/bin/time -v`'s report. */
function timeReport(
  text: string,
  rows: number,
): Pick<CsvRun, 'seconds' | 'cpuSeconds' | 'rowsPerSecond' | 'peakRssMB'> {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time's report:\n${text.slice(-2000)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const user = /User time \(seconds\): (\d+(?:\.\d+)?)/.exec(text);
  const system = /System time \(seconds\): (\d+(?:\.\d+)?)/.exec(text);
  const cpuSeconds = Number(user?.[1] ?? Number.NaN) + Number(system?.[1] ?? Number.NaN);
  return { seconds, cpuSeconds, rowsPerSecond: rows / seconds, peakRssMB: Number(rss[1]) / 1024 };
}

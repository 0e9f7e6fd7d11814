import type { ScalingRow } from './scaling.js';
import type { CsvRun } from './csv-throughput.js';
/** The results: one JSON document (results/latest.json) and the Markdown tables printed from it. */
import type { Spread } from './stats.js';

export interface ThroughputRow {
  readonly id: string;
  readonly label: string;
  readonly workload: string;
  readonly evaluated: number;
  /** CPU time per evaluation ÷ the floor's, same assessments, same round. */
  readonly ratio: Spread;
  readonly cpuNsPerEval: Spread;
  readonly wallNsPerEval: Spread;
  readonly evalsPerSecond: number;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export interface ColdStartRow {
  readonly id: string;
  readonly label: string;
  readonly totalMs: Spread;
  /** CPU time of the process over the same steps (all threads), median. */
  readonly cpuMs: number;
  readonly stepsMs: Readonly<Record<string, number>>;
  readonly target?: string;
  readonly met?: boolean;
}

export interface MemorySide {
  readonly peakRssMB: number;
  readonly heapAfterGcMB: number;
  readonly rssAfterGcMB: number;
  /** Peak RSS reached by the end of each phase (generate, load, decide, evaluate / floor). */
  readonly peakRssAfterMB: Readonly<Record<string, number>>;
  /** Heap bytes one warm `decide()` call allocates (engine sides only). */
  readonly decideBytesPerCall?: number;
}

export interface RecompileRow {
  readonly id: string;
  readonly label: string;
  readonly ms: Spread;
  readonly cpuMs: number;
  readonly runs: number;
  readonly target?: string;
  readonly met?: boolean;
}

/** One way of running the engine in the memory harness, against the floor's side. */
export interface MemoryEngineRow {
  readonly id: string;
  readonly label: string;
  readonly side: MemorySide;
  readonly overFloorPeakRssMB: number;
  readonly overFloorHeapMB: number;
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly mode: 'full' | 'quick';
  readonly environment: Readonly<Record<string, string | number>>;
  readonly workload: {
    readonly seed: number;
    readonly assessments: number;
    readonly shares: Readonly<Record<string, number>>;
    readonly complete: number;
  };
  readonly method: string;
  readonly throughput: readonly ThroughputRow[];
  readonly coldStart: readonly ColdStartRow[];
  readonly recompile: readonly RecompileRow[];
  /** validate and check on N and 10·N generated criteria (scaling.ts). */
  readonly scaling?: readonly ScalingRow[];
  readonly memory: {
    readonly spawns: number;
    /** Assessments generated in each memory child (small, so the engine's own memory shows). */
    readonly assessments: number;
    readonly floor: MemorySide;
    readonly engines: readonly MemoryEngineRow[];
  };
  /** `lcz evaluate --decisions-only --out` on generated CSV files, in a fresh process each. */
  /** Target rows (the CLI's defaults) have a target; the one-thread row is for information. */
  readonly csv: readonly (CsvRun & { readonly target?: string; readonly met?: boolean })[];
  readonly notAvailable: readonly { readonly row: string; readonly reason: string }[];
  readonly leftOut: readonly { readonly contender: string; readonly reason: string }[];
}

const fmt = (x: number, digits = 2): string =>
  !Number.isFinite(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(digits);
const ns = (x: number): string => Math.round(x).toLocaleString('en');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const verdict = (met: boolean | undefined): string => (met === undefined ? '' : met ? '**met**' : '**missed**');

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const w = r.workload;
  lines.push(
    `Workloads (seed ${w.seed}, built through JSON.parse): uniform, ${w.assessments.toLocaleString('en')} assessments with every fact present; ` +
      `mixed, ${w.assessments.toLocaleString('en')} assessments: recognised ${pct(w.shares['recognised'] ?? 0)}, ` +
      `not recognised ${pct(w.shares['not_recognised'] ?? 0)}, undetermined ${pct(w.shares['undetermined'] ?? 0)}; ` +
      `complete (every fact supplied) ${pct(w.complete / w.assessments)}. Memory children: ${r.memory.assessments.toLocaleString('en')} assessments.`,
  );
  lines.push(
    `Machine: ${r.environment['cpu']} × ${r.environment['cores']}, Node ${r.environment['node']}, load average at start ${r.environment['loadAverage']}. ` +
      `Engine at ${r.environment['engineRevision'] ?? '?'}. Mode: ${r.mode}.`,
  );
  lines.push('');
  lines.push(
    '| contender | assessments | × floor (median) | × floor (min–max) | CPU ns/eval | evals/s | wall ns/eval | target | |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  const notes = new Map<string, string>();
  for (const t of r.throughput) {
    let mark = '';
    if (t.note) {
      const name = t.label.split(/[ ,]/)[0] ?? t.label;
      notes.set(name, t.note);
      mark = ' (complete only †)';
    }
    lines.push(
      `| ${t.label}${mark} | ${t.workload} | ${fmt(t.ratio.median)} | ${fmt(t.ratio.min)}–${fmt(t.ratio.max)} | ` +
        `${ns(t.cpuNsPerEval.median)} | ${Math.round(t.evalsPerSecond).toLocaleString('en')} | ${ns(t.wallNsPerEval.median)} | ${t.target ?? ''} | ${verdict(t.met)} |`,
    );
  }
  for (const c of r.csv) {
    lines.push(
      `| ${c.peer ? 'csv-parse + the hand-written floor (peer)' : `lcz evaluate --decisions-only${c.threads !== undefined ? ` --threads ${c.threads}` : ''}`}, CSV of ${c.rows.toLocaleString('en')} rows (${fmt(c.fileMB, 0)} MB), ` +
        `fresh process, ${c.threadsUsed === 0 ? 'one thread' : `${c.threadsUsed} worker threads`} | ${c.rows.toLocaleString('en')} rows | | | ` +
        `${ns((c.seconds * 1e9) / c.rows)} (wall) | ${Math.round(c.rowsPerSecond).toLocaleString('en')} rows/s, peak RSS ${fmt(c.peakRssMB, 0)} MB | | ${c.target ?? ''} | ${verdict(c.met)} |`,
    );
  }
  for (const n of r.notAvailable)
    lines.push(`| ${n.row}: not yet available (${n.reason}) | | | | | | | 1,000,000 rows | not measured |`);
  for (const l of r.leftOut) lines.push(`| ${l.contender}: left out (${l.reason}) | | | | | | | | |`);
  lines.push('');
  if (notes.size > 0) {
    lines.push(
      '† Three-valued logic: the floor and the engine treat a missing fact as unknown. These anchors cannot, so they',
    );
    lines.push('  evaluate complete assessments only (and are checked on those):');
    for (const [name, note] of notes) lines.push(`  - ${name}: ${note}`);
    lines.push('');
  }
  lines.push('| start-up and memory | median (wall) | min–max (wall) | CPU (median) | target | |');
  lines.push('| --- | ---: | ---: | ---: | --- | --- |');
  for (const c of r.coldStart) {
    const steps = Object.entries(c.stepsMs)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
    lines.push(
      `| cold start, ${c.label} (median ms: ${steps}) | ${fmt(c.totalMs.median)} ms | ${fmt(c.totalMs.min)}–${fmt(c.totalMs.max)} ms | ${fmt(c.cpuMs)} ms | ${c.target ?? ''} | ${verdict(c.met)} |`,
    );
  }
  for (const rc of r.recompile) {
    lines.push(
      `| warm recompile: ${rc.label}, in a warm process (${rc.runs} runs) | ${fmt(rc.ms.median)} ms | ${fmt(rc.ms.min)}–${fmt(rc.ms.max)} ms | ${fmt(rc.cpuMs)} ms | ${rc.target ?? ''} | ${verdict(rc.met)} |`,
    );
  }
  for (const s of r.scaling ?? []) {
    lines.push(
      `| scaling: ${s.step} on ${s.small.toLocaleString('en')} → ${s.large.toLocaleString('en')} generated criteria (${fmt(s.smallMs)} ms → ${fmt(s.largeMs)} ms; ×10 criteria should cost about ×10) | ×${fmt(s.ratio, 1)} | | | ${s.target} | ${verdict(s.met)} |`,
    );
  }
  const m = r.memory;
  const phases = (s: MemorySide): string =>
    Object.entries(s.peakRssAfterMB)
      .map(([k, v]) => `${k} ${fmt(v, 0)}`)
      .join(', ');
  const spawns = `${m.spawns} spawn${m.spawns === 1 ? '' : 's'} each`;
  for (const e of m.engines) {
    lines.push(
      `| engine memory over the floor, ${e.label} = peak RSS delta (engine ${fmt(e.side.peakRssMB, 1)} MB, floor ${fmt(m.floor.peakRssMB, 1)} MB; ` +
        `peak after each phase, engine: ${phases(e.side)}; floor: ${phases(m.floor)}; ${spawns}) | ${fmt(e.overFloorPeakRssMB, 1)} MB | | | ${e.target ?? ''} | ${verdict(e.met)} |`,
    );
    lines.push(
      `| heap after GC, engine over floor, ${e.label} (engine ${fmt(e.side.heapAfterGcMB, 1)} MB, floor ${fmt(m.floor.heapAfterGcMB, 1)} MB; workload alive in both) | ${fmt(e.overFloorHeapMB, 1)} MB | | | | |`,
    );
    if (e.side.decideBytesPerCall !== undefined)
      lines.push(
        `| bytes allocated per \`decide()\` call, ${e.label} (young generation grown over a warm pass of the workload; a fractional fact read from the input is boxed by V8, ≈ 16 B; the engine's own results are kept per outcome) | ${fmt(e.side.decideBytesPerCall, 1)} B | | | | |`,
      );
  }
  return lines.join('\n');
}

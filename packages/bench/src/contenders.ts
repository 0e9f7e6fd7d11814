/**
 * The contenders and their workloads. Every contender is first CHECKED against the floor on
 * every assessment it will be timed on (a disagreement throws with the first differing
 * assessment); only then is it timed.
 */
import type { Assessment, CompiledRuleset, Decision } from '@lcz/criteria-engine';
import type { Anchor } from '../schemes/lai-chau/anchor-rules.js';
import type { BenchConfig } from './config.js';
import { floorDecide } from '../schemes/lai-chau/floor.js';
import { isComplete } from '../schemes/lai-chau/generate.js';
import type { AsyncPass, SyncPass } from './measure.js';

export interface Workload {
  readonly id: string;
  readonly label: string;
  readonly items: readonly Assessment[];
  /** The floor's decision for each item. */
  readonly decisions: readonly Decision[];
  /** The floor's per-standard passed counts, 6 per item. */
  readonly passed: Int32Array;
  readonly recognised: number;
}

export interface Contender {
  readonly id: string;
  readonly label: string;
  readonly workload: Workload;
  /** Target: at most this many times the floor (CPU time per evaluation). */
  readonly maxRatio?: number;
  readonly note?: string;
  readonly check: () => Promise<void>;
  readonly pass: { readonly sync: SyncPass } | { readonly async: AsyncPass };
}

const GROUPS = 6;

export function makeWorkload(id: string, label: string, items: readonly Assessment[]): Workload {
  const decisions: Decision[] = new Array<Decision>(items.length);
  const passed = new Int32Array(items.length * GROUPS);
  const out = new Int32Array(GROUPS);
  let recognised = 0;
  items.forEach((a, i) => {
    const d = floorDecide(a, out);
    decisions[i] = d;
    passed.set(out, i * GROUPS);
    if (d === 'recognised') recognised++;
  });
  return { id, label, items, decisions, passed, recognised };
}

/** The first `n` complete assessments (every fact supplied). */
export function completeWorkload(all: readonly Assessment[], n: number): Workload {
  const items: Assessment[] = [];
  for (const a of all) {
    if (items.length >= n) break;
    if (isComplete(a)) items.push(a);
  }
  return makeWorkload(`complete-${items.length}`, `first ${items.length.toLocaleString('en')} complete`, items);
}

class Disagreement extends Error {}

function disagree(name: string, w: Workload, i: number, what: string): never {
  const a = w.items[i];
  throw new Disagreement(
    `${name} disagrees with the floor on assessment #${i} (${a?.area?.code ?? '?'}) of workload ${w.id}: ${what}\n` +
      JSON.stringify(a),
  );
}

function checkPassed(name: string, w: Workload, i: number, got: (g: number) => number): void {
  for (let g = 0; g < GROUPS; g++) {
    const want = w.passed[i * GROUPS + g] ?? -1;
    if (got(g) !== want) disagree(name, w, i, `standard ${g + 1} passed ${got(g)}, floor ${want}`);
  }
}

const countSync = (items: readonly Assessment[], decide: (a: Assessment) => string): number => {
  let n = 0;
  for (const item of items) if (decide(item) === 'recognised') n++;
  return n;
};

export function floorContender(w: Workload): Contender {
  const out = new Int32Array(GROUPS);
  const items = w.items;
  return {
    id: `floor@${w.id}`,
    label: 'floor: hand-written TypeScript',
    workload: w,
    check: async () => {},
    pass: {
      sync: () => {
        let n = 0;
        for (const item of items) if (floorDecide(item, out) === 'recognised') n++;
        return n;
      },
    },
  };
}

/**
 * The assessments as value arrays in the engine's slot layout (context attributes, then facts;
 * undefined = unknown), built once before timing: what a batch reader (CSV) can hand to
 * `decideSlots` without making an object per row.
 */
function slotRows(ruleset: CompiledRuleset, items: readonly Assessment[]): (number | boolean | string | undefined)[][] {
  const layout = ruleset.slotLayout;
  const contextCount = ruleset.context.length;
  return items.map((a) =>
    layout.map((id, i) => {
      const v = i < contextCount ? a.context[id] : a.facts[id];
      return v === null ? undefined : v;
    }),
  );
}

/** Ratio targets on one workload (none when absent). */
export interface EngineTargets {
  readonly decide?: number;
  readonly evaluate?: number;
}

export function engineContenders(
  ruleset: CompiledRuleset,
  w: Workload,
  where: string,
  targets: EngineTargets = {},
): Contender[] {
  const items = w.items;
  const rows = slotRows(ruleset, items);
  return [
    {
      id: `engine.decide@${w.id}`,
      label: `engine decide(), closures (${where})`,
      workload: w,
      ...(targets.decide !== undefined ? { maxRatio: targets.decide } : {}),
      check: async () => {
        items.forEach((a, i) => {
          const r = ruleset.decide(a);
          if (r.decision !== w.decisions[i]) disagree('decide()', w, i, `${r.decision} vs ${w.decisions[i]}`);
          checkPassed('decide()', w, i, (g) => r.passed[g] ?? -1);
        });
      },
      pass: {
        sync: () => {
          let n = 0;
          for (const item of items) if (ruleset.decide(item).decision === 'recognised') n++;
          return n;
        },
      },
    },
    {
      id: `engine.decideSlots@${w.id}`,
      label: `engine decideSlots(), values already in slot order (${where}; input path of a batch reader, no target)`,
      workload: w,
      check: async () => {
        rows.forEach((row, i) => {
          const r = ruleset.decideSlots(row);
          if (r.decision !== w.decisions[i]) disagree('decideSlots()', w, i, `${r.decision} vs ${w.decisions[i]}`);
          checkPassed('decideSlots()', w, i, (g) => r.passed[g] ?? -1);
        });
      },
      pass: {
        sync: () => {
          let n = 0;
          for (const item of rows) if (ruleset.decideSlots(item).decision === 'recognised') n++;
          return n;
        },
      },
    },
    {
      id: `engine.evaluate@${w.id}`,
      label: `engine evaluate(), full result with trace (${where})`,
      workload: w,
      ...(targets.evaluate !== undefined ? { maxRatio: targets.evaluate } : {}),
      check: async () => {
        items.forEach((a, i) => {
          const r = ruleset.evaluate(a);
          if (r.decision !== w.decisions[i]) disagree('evaluate()', w, i, `${r.decision} vs ${w.decisions[i]}`);
          checkPassed('evaluate()', w, i, (g) => r.standards[g]?.passed ?? -1);
        });
      },
      pass: {
        sync: () => {
          let n = 0;
          for (const item of items) if (ruleset.evaluate(item).decision === 'recognised') n++;
          return n;
        },
      },
    },
  ];
}

/**
 * The generated decide (`lcz build`'s module, loaded by `loadCompiledRuleset(text, { generated })`):
 * the same check against the floor, then timed like the closures' decide().
 */
export function generatedContender(ruleset: CompiledRuleset, w: Workload, where: string, maxRatio: number): Contender {
  const items = w.items;
  return {
    id: `engine.generated@${w.id}`,
    label: `engine decide(), generated code (${where})`,
    workload: w,
    maxRatio,
    check: async () => {
      items.forEach((a, i) => {
        const r = ruleset.decide(a);
        if (r.decision !== w.decisions[i]) disagree('generated decide()', w, i, `${r.decision} vs ${w.decisions[i]}`);
        checkPassed('generated decide()', w, i, (g) => r.passed[g] ?? -1);
      });
    },
    pass: {
      sync: () => {
        let n = 0;
        for (const item of items) if (ruleset.decide(item).decision === 'recognised') n++;
        return n;
      },
    },
  };
}

/**
 * The generated evaluate (the same module's `createEvaluate`): checked against the floor like
 * the closures' evaluate(), then timed like it.
 */
export function generatedEvaluateContender(
  ruleset: CompiledRuleset,
  w: Workload,
  where: string,
  maxRatio: number,
): Contender {
  const items = w.items;
  return {
    id: `engine.generatedEvaluate@${w.id}`,
    label: `engine evaluate(), full result with trace, generated code (${where})`,
    workload: w,
    maxRatio,
    check: async () => {
      items.forEach((a, i) => {
        const r = ruleset.evaluate(a);
        if (r.decision !== w.decisions[i]) disagree('generated evaluate()', w, i, `${r.decision} vs ${w.decisions[i]}`);
        checkPassed('generated evaluate()', w, i, (g) => r.standards[g]?.passed ?? -1);
      });
    },
    pass: {
      sync: () => {
        let n = 0;
        for (const item of items) if (ruleset.evaluate(item).decision === 'recognised') n++;
        return n;
      },
    },
  };
}

/** An anchor on complete assessments: sync, or async awaited one by one, or async batched. */
export function anchorContender(
  anchor: Anchor,
  w: Workload,
  mode: 'sync' | 'one-by-one' | 'batched',
  config: Pick<BenchConfig, 'zenChunk'>,
): Contender {
  const items = w.items;
  const id = `${anchor.name}${mode === 'sync' ? '' : `.${mode}`}`;
  const label = `${anchor.library}${mode === 'one-by-one' ? ', awaited one by one' : mode === 'batched' ? `, batched (Promise.all, chunks of ${config.zenChunk})` : ''}`;
  const check = async (): Promise<void> => {
    for (const [i, a] of items.entries()) {
      const d = anchor.decide ? anchor.decide(a) : await asyncDecide(anchor)(a);
      if (d !== w.decisions[i]) disagree(anchor.name, w, i, `${d} vs ${w.decisions[i]}`);
    }
  };
  if (mode === 'sync') {
    const decide = anchor.decide;
    if (decide === undefined) throw new Error(`${anchor.name} has no synchronous decide`);
    return { id, label, workload: w, note: anchor.threeValued, check, pass: { sync: () => countSync(items, decide) } };
  }
  const decideAsync = asyncDecide(anchor);
  if (mode === 'one-by-one') {
    return {
      id,
      label,
      workload: w,
      note: anchor.threeValued,
      check,
      pass: {
        async: async () => {
          let n = 0;
          for (const item of items) if ((await decideAsync(item)) === 'recognised') n++;
          return n;
        },
      },
    };
  }
  const chunk = config.zenChunk;
  return {
    id,
    label,
    workload: w,
    note: anchor.threeValued,
    check,
    pass: {
      async: async () => {
        let n = 0;
        for (let i = 0; i < items.length; i += chunk) {
          const ds = await Promise.all(items.slice(i, i + chunk).map(decideAsync));
          for (const d of ds) if (d === 'recognised') n++;
        }
        return n;
      },
    },
  };
}

/** An anchor's asynchronous decide (every anchor has decide, decideAsync or both). */
function asyncDecide(anchor: Anchor): NonNullable<Anchor['decideAsync']> {
  if (anchor.decideAsync === undefined) throw new Error(`${anchor.name} has no asynchronous decide`);
  return anchor.decideAsync;
}

/**
 * Names and values that would break generated code if any reached it unescaped: quotes,
 * backslashes, template `${`, comment ends, `</script>`, U+2028/U+2029, `__proto__`. Rule files
 * cannot declare such names (the schema's patterns refuse them), so the test renames a real
 * plan's facts, context attributes, values, levels, id and hash, generates its module, imports
 * it, and checks that it is valid, that nothing leaked out of a string literal, and that it
 * decides and evaluates (the full trace) renamed assessments exactly as the closures do the
 * originals. Also: integers past 2^53, where percentages take BigInt.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/compile/expression/ast.js';
import type { CompiledCondition, RulesetPlan } from '../../src/compile/plan.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { DecisionSummary, EvaluationResult } from '../../src/evaluate/result.js';
import { bindGeneratedDecide } from '../../src/generate/bind-generated.js';
import { generateModule } from '../../src/generate/module-code.js';
import { planModuleOf } from '../../src/generate/plan-module-code.js';
import { ENGINE_VERSION } from '../../src/compiled-rules-file.js';
import { loadPlanModule } from '../../src/load-plan-module.js';
import { stringLiteral } from '../../src/generate/literals.js';
import { planOf } from '../../src/generate/plan-of.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { importCode, loadBoth, outcomeOf, withDates } from './load-both.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const TABLES = 'packages/criteria-engine/test/fixtures/parameter-tables/ruleset.yaml';
const RUNS = propertyRuns(500);

// A template's `${`, written apart so it is plainly not a mistake in this file.
const HOSTILE = ['"\'\\`', '$', '{globalThis.x}*/</script><!--\u2028\u2029\n\r\0\ud800//'].join('');
const rename = (id: string) => `${id}${HOSTILE}`;
const renameValue = (v: string) => `${HOSTILE}${v}\\`;

/** `names` (facts, attributes and parameter tables) renamed; `values` (value ids) renamed as values, a table's name in a string as a name. */
function renameExpr(e: Expr, names: ReadonlySet<string>, values: ReadonlySet<string>): Expr {
  const again = (x: Expr) => renameExpr(x, names, values);
  switch (e.kind) {
    case 'name':
      return names.has(e.name) ? { ...e, name: rename(e.name) } : e;
    case 'string':
      // `at_least: table` leaves the table's name as a string (checker.ts numberByName).
      return values.has(e.value)
        ? { ...e, value: renameValue(e.value) }
        : names.has(e.value)
          ? { ...e, value: rename(e.value) }
          : e;
    case 'call':
      return { ...e, args: e.args.map(again) };
    case 'not':
    case 'negate':
      return { ...e, operand: again(e.operand) };
    case 'logical':
      return { ...e, operands: e.operands.map(again) };
    case 'arithmetic':
    case 'compare':
      return { ...e, left: again(e.left), right: again(e.right) };
    case 'in':
      return { ...e, value: again(e.value), list: e.list.map(again) };
    default:
      return e;
  }
}

/** The plan with every fact, attribute, value and level renamed; closures (read by slot) untouched. */
function hostilePlan(plan: RulesetPlan, exact?: { from: string; to: string }): RulesetPlan {
  const R = (id: string) => (exact && id === exact.from ? exact.to : rename(id));
  const tables = new Set(plan.parameterTables.map((t) => t.id));
  const names = new Set([...plan.contextSlots, ...plan.factSlots, ...tables]);
  const values = new Set([...plan.context, ...plan.facts].flatMap((x) => (x.values ?? []).map((v) => v.id)));
  const ex = (e: Expr | undefined) => (e ? renameExprWith(e) : undefined);
  const renameExprWith = (e: Expr): Expr => {
    const out = renameExpr(e, names, values);
    return exact
      ? JSON.parse(JSON.stringify(out).replaceAll(JSON.stringify(rename(exact.from)), JSON.stringify(exact.to)))
      : out;
  };
  // What each condition reads (the trace's lists of facts), renamed as the declarations are.
  const reads = (list: readonly string[]) => list.map((id) => (names.has(id) ? R(id) : id));
  const readsIn = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(readsIn)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x).map(([k, v]) => [k, k === 'reads' && Array.isArray(v) ? reads(v) : readsIn(v)]),
          )
        : x;
  const cond = (c: CompiledCondition): CompiledCondition => {
    const e = ex(c.expr);
    const info = { ...c.info, reads: reads(c.info.reads) };
    return e ? { ...c, info, expr: e } : { ...c, info };
  };
  const vals = (list?: readonly { id: string; label: never }[]) => list?.map((v) => ({ ...v, id: renameValue(v.id) }));
  return {
    ...plan,
    context: plan.context.map((a) => ({ ...a, id: R(a.id), ...(a.values ? { values: vals(a.values as never) } : {}) })),
    facts: plan.facts.map((f) => ({
      ...f,
      id: R(f.id),
      ...(f.values ? { values: vals(f.values as never) } : {}),
      ...(f.partOf ? { partOf: R(f.partOf) } : {}),
    })),
    contextSlots: plan.contextSlots.map(R),
    factSlots: plan.factSlots.map(R),
    criteria: plan.criteria.map((c) => ({
      ...c,
      ...(c.pointsInfo ? { pointsInfo: readsIn(c.pointsInfo) } : {}),
      ...(c.applicable ? { applicable: cond(c.applicable) } : {}),
      ...(c.condition ? { condition: cond(c.condition) } : {}),
      ...(c.variants
        ? {
            variants: c.variants.map((v) => {
              const when = ex(v.whenExpr);
              return {
                ...v,
                ...(when ? { whenExpr: when } : {}),
                whenReads: reads(v.whenReads),
                ...(v.pointsInfo ? { pointsInfo: readsIn(v.pointsInfo) } : {}),
                condition: cond(v.condition),
              };
            }),
          }
        : {}),
    })),
    disqualifiers: plan.disqualifiers.map((d) => ({ ...d, condition: cond(d.condition) })),
    // The selectors the plan module writes as closures (generate/plan-module-code.ts).
    contextRules: plan.contextRules.map((r) => {
      const when = ex(r.whenExpr);
      const require = ex(r.requireExpr);
      return { ...r, ...(when ? { whenExpr: when } : {}), ...(require ? { requireExpr: require } : {}) };
    }),
    requiredWhen: new Map([...plan.requiredWhen].map(([id, fn]) => [R(id), fn])),
    ...(plan.requiredWhenExprs
      ? {
          requiredWhenExprs: new Map([...plan.requiredWhenExprs].map(([id, e]) => [R(id), renameExprWith(e)] as const)),
        }
      : {}),
    ...(plan.definitionExprs
      ? { definitionExprs: new Map([...plan.definitionExprs].map(([id, e]) => [id, renameExprWith(e)] as const)) }
      : {}),
    ...(plan.levels ? { levels: plan.levels.map((l) => ({ ...l, id: rename(l.id) })) } : {}),
    // Tables: their names, their keys (attributes; `year` is no name) and the value ids in each cell's key.
    parameterTables: plan.parameterTables.map((t) => {
      const key = (k: string) => (k === 'year' ? k : R(k));
      return {
        ...t,
        id: rename(t.id),
        by: t.by.map(key),
        cells: t.cells.map((c) => ({
          ...c,
          key: Object.fromEntries(
            Object.entries(c.key).map(([k, v]) => [key(k), typeof v === 'string' ? renameValue(v) : v]),
          ),
        })),
      };
    }),
  } as RulesetPlan;
}

function renamedAssessment(
  a: Assessment,
  valueIds: ReadonlySet<string>,
  exact?: { from: string; to: string },
): unknown {
  const R = (id: string) => (exact && id === exact.from ? exact.to : rename(id));
  const section = (s: Record<string, unknown> | undefined) =>
    Object.fromEntries(
      Object.entries(s ?? {}).map(([k, v]) => [R(k), typeof v === 'string' && valueIds.has(v) ? renameValue(v) : v]),
    );
  // Through JSON text, as input arrives: `__proto__` there is an own key.
  return JSON.parse(
    JSON.stringify({ area: a.area, context: section(a.context as never), facts: section(a.facts as never) }),
  );
}

const wrongType = (): never => {
  throw new Error('wrong type');
};

async function hostileDecide(plan: RulesetPlan, exact?: { from: string; to: string }) {
  const renamed = hostilePlan(plan, exact);
  const hash = `sha256:${HOSTILE}`;
  const { code } = generateModule(renamed, { id: rename('ruleset'), hash, engine: HOSTILE });
  const module = await importCode(code);
  const identity = { id: rename('ruleset'), version: HOSTILE, hash };
  const bound = bindGeneratedDecide(module, renamed, { hash, engine: HOSTILE }, wrongType, identity);
  if (!('decide' in bound)) throw new Error(`refused: ${bound.refused}`);
  return { code, decide: bound.decide, evaluate: bound.evaluate };
}

/**
 * A generated evaluate's result on a renamed assessment, with every renamed name and value
 * (strings and keys) and the identity turned back, to compare with the closures' on the original.
 */
function namesBack(x: unknown, exact?: { from: string; to: string }): unknown {
  if (typeof x === 'string') {
    if (exact && x === exact.to) return exact.from;
    if (x.startsWith(HOSTILE) && x.endsWith('\\')) return x.slice(HOSTILE.length, -1);
    return x.endsWith(HOSTILE) ? x.slice(0, -HOSTILE.length) : x;
  }
  if (Array.isArray(x)) return x.map((v) => namesBack(v, exact));
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [namesBack(k, exact), namesBack(v, exact)]));
  return x;
}

/** The closures' result with the identity the hostile module was bound to. */
function withHostileIdentity(r: EvaluationResult): unknown {
  return { ...r, ruleset: namesBack({ id: rename('ruleset'), version: HOSTILE, hash: `sha256:${HOSTILE}` }) };
}

/**
 * The code with every string literal and the one comment line taken out: what remains must hold
 * nothing of the hostile text. The comment itself may hold only word characters and a few marks.
 */
function outsideStrings(code: string): string {
  const [comment = '', ...rest] = code.split('\n');
  expect(comment).toMatch(/^\/\/ [\w .,:@+-]*$/);
  return rest.join('\n').replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

describe('hostile names and values in generated code', () => {
  for (const rules of [
    'rules/lai-chau-2020-2025/ruleset.yaml',
    'rules/green-building-illustrative/ruleset.yaml',
    // Parameter tables: hostile table names, key attributes and key values (in the lookups' cases).
    TABLES,
  ]) {
    it(`stay inside string literals, and decide and evaluate as the closures do (${rules})`, async () => {
      const both = await loadBoth(root(rules));
      const plan = planOf(both.closures);
      if (!plan) throw new Error('no plan');
      const { code, decide, evaluate } = await hostileDecide(plan);
      // Every declared name reached the code, each as one escaped literal; so did each table cell's value id.
      for (const id of [...plan.contextSlots, ...plan.factSlots]) expect(code).toContain(stringLiteral(rename(id)));
      for (const value of plan.parameterTables.flatMap((t) => t.cells.flatMap((c) => Object.values(c.key))))
        if (typeof value === 'string') expect(code).toContain(`case ${stringLiteral(renameValue(value))}:`);
      // The renamed tables were found by their renamed names: no condition fell back to its closure.
      if (rules === TABLES) expect(code).not.toMatch(/\.condition\.fn|\.when;/);
      const rest = outsideStrings(code);
      for (const bad of ['</script>', '\u2028', '\u2029', '${', '*/', '<!--', '\0', 'globalThis.x'])
        expect(rest).not.toContain(bad);
      expect(code).not.toMatch(/[\u2028\u2029\0]/);
      const valueIds = new Set([...plan.context, ...plan.facts].flatMap((x) => (x.values ?? []).map((v) => v.id)));
      const levelBack = (r: DecisionSummary) =>
        r.level
          ? {
              ...r,
              level: {
                reached: r.level.reached?.slice(0, -HOSTILE.length) ?? null,
                possible: r.level.possible?.slice(0, -HOSTILE.length) ?? null,
              },
            }
          : r;
      let decided = 0;
      fc.assert(
        fc.property(
          withDates(
            fc.oneof(assessmentArbitrary(both.closures), assessmentArbitrary(both.closures, { unknownRate: 0.2 })),
          ),
          (a) => {
            const want = both.closures.decide(a);
            const input = renamedAssessment(a, valueIds) as Assessment;
            expect(levelBack(decide(input))).toEqual(want);
            // The full trace: every name in it (facts read, missing, needed, context, level) renamed back.
            expect(namesBack(evaluate(input))).toEqual(withHostileIdentity(both.closures.evaluate(a)));
            if (want.decision !== 'undetermined') decided++;
          },
        ),
        { seed: PROPERTY_SEED, numRuns: RUNS },
      );
      expect(decided).toBeGreaterThan(0);
    }, 120_000);
  }

  for (const rules of ['rules/lai-chau-2020-2025/ruleset.yaml', TABLES])
    it(`stay inside string literals in the plan module, which loads and evaluates as the closures do (${rules})`, async () => {
      const both = await loadBoth(root(rules));
      const plan = planOf(both.closures);
      if (!plan) throw new Error('no plan');
      const renamed = hostilePlan(plan);
      const hash = `sha256:${HOSTILE}`;
      const made = planModuleOf(
        renamed,
        { id: rename('ruleset'), version: HOSTILE, hash, engine: ENGINE_VERSION },
        { earlier: [], compile: [] },
      );
      if (!('code' in made)) throw new Error(`refused: ${made.refused}`);
      const { code } = made;
      const rest = outsideStrings(code);
      for (const bad of ['</script>', '\u2028', '\u2029', '${', '*/', '<!--', '\0', 'globalThis.x'])
        expect(rest).not.toContain(bad);
      expect(code).not.toMatch(/[\u2028\u2029\0]/);
      // The selectors' closures name their facts by slot; the data holds every renamed name, escaped.
      expect(code).toContain('export function createPlan(rt)');
      const loaded = loadPlanModule(await importCode(code), { hash });
      const ruleset = loaded.value;
      if (!ruleset) throw new Error(loaded.diagnostics.map((d) => d.code).join(', '));
      expect(ruleset.slotLayout).toEqual([...renamed.contextSlots, ...renamed.factSlots]);
      const valueIds = new Set([...plan.context, ...plan.facts].flatMap((x) => (x.values ?? []).map((v) => v.id)));
      fc.assert(
        fc.property(withDates(assessmentArbitrary(both.closures, { unknownRate: 0.2 })), (a) => {
          const input = renamedAssessment(a, valueIds) as Assessment;
          // The renamed assessment is valid for the renamed plan as the original is for the original.
          const checked = ruleset.validateAssessment(input);
          expect(checked.diagnostics.map((d) => d.code)).toEqual(
            both.closures.validateAssessment(a).diagnostics.map((d) => d.code),
          );
          expect(namesBack(ruleset.evaluate(input))).toEqual(withHostileIdentity(both.closures.evaluate(a)));
        }),
        { seed: PROPERTY_SEED, numRuns: 200 },
      );
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    }, 120_000);

  it("a fact named exactly __proto__ is read as the input's own key, and pollutes nothing", async () => {
    const both = await loadBoth(root('rules/lai-chau-2020-2025/ruleset.yaml'));
    const plan = planOf(both.closures);
    if (!plan) throw new Error('no plan');
    const from = plan.factSlots.find((id) => plan.facts.find((f) => f.id === id)?.type === 'integer') ?? '';
    const exact = { from, to: '__proto__' };
    const { code, decide, evaluate } = await hostileDecide(plan, exact);
    expect(code).toContain('f["__proto__"]');
    expect(code).toContain('$R("__proto__", ');
    const valueIds = new Set([...plan.context, ...plan.facts].flatMap((x) => (x.values ?? []).map((v) => v.id)));
    fc.assert(
      fc.property(assessmentArbitrary(both.closures), (a) => {
        // Complete assessments: an absent own `__proto__` would read the prototype (a wrong type).
        const input = renamedAssessment(a, valueIds, exact) as Assessment;
        expect(decide(input)).toEqual(both.closures.decide(a));
        expect(namesBack(evaluate(input), exact)).toEqual(withHostileIdentity(both.closures.evaluate(a)));
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  }, 120_000);

  it('integers past 2^53 decide the same both ways (percentages go to BigInt)', async () => {
    const both = await loadBoth(root('rules/lai-chau-2020-2025/ruleset.yaml'));
    const integers = both.closures.facts.filter((f) => f.type === 'integer').map((f) => f.id);
    const huge = fc.constantFrom(2 ** 53 - 1, 2 ** 53 + 2, 2 ** 60, 9_007_199_254_740_000, 3 * 2 ** 52 + 1, 0, 1);
    fc.assert(
      fc.property(
        assessmentArbitrary(both.closures),
        fc.array(huge, { minLength: integers.length, maxLength: integers.length }),
        (a, values) => {
          const facts: Record<string, unknown> = { ...a.facts };
          integers.forEach((id, i) => {
            facts[id] = values[i];
          });
          const input = JSON.parse(JSON.stringify({ ...a, facts }));
          expect(outcomeOf(both.generated, input)).toEqual(outcomeOf(both.closures, input));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: RUNS },
    );
  }, 120_000);
});

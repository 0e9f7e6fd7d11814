/**
 * The generated `evaluate` of one ruleset (the full result with its trace), written into the
 * same module as the generated decide (module-code.ts). It does what evaluate/trace.ts does for
 * this one plan, unrolled: every fact read once by its literal name, each criterion's outcome
 * computed by the very code the generated decide runs (decide-code.ts lends it), and each entry's
 * list of facts read written out with literal ids. The second half (standards, mandatory
 * criteria, total, levels, reasons: evaluate/trace-decision.ts) and the records themselves
 * (criterionRecord, disqualifierRecord) are the closures' own, called through the runtime, so
 * the two ways cannot count, judge or explain differently.
 *
 * Nothing from the rule file becomes an identifier: this file's locals are `$` and an index
 * (decide-code.ts never uses `$`), and ids pass through literals.ts.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { VARIANT_SHIFT } from '../evaluate/outcome.js';
import { type SlotList, slotList, slotsByName, tracedCriterion } from '../evaluate/trace.js';
import { type SharedCode, sharedDecideCode } from './decide-code.js';
import { indexLiteral, stringLiteral } from './literals.js';

interface EvaluateCode {
  /** The module's `createEvaluate(rt, plan)` function, as lines. */
  readonly lines: readonly string[];
}

export function generateEvaluateCode(plan: RulesetPlan): EvaluateCode {
  const shared = sharedDecideCode(plan);
  const reading = readingCode(plan);
  const body = [
    ...shared.readFacts(),
    ...reading.before,
    ...shared.impliedZeros(),
    ...fillSlots(plan),
    ...criteriaCode(plan, shared, reading.list),
    ...disqualifiersCode(plan, shared, reading.list),
    `return traceDecision(a, S, { criteria: [${plan.criteria.map((_, i) => `$r${i}`).join(', ')}], ` +
      `outcomes: [${plan.criteria.map((_, i) => `$o${i}`).join(', ')}], ` +
      `points: [${plan.criteria.map((_, i) => `$p${i}`).join(', ')}], ` +
      `disqualifiers: [${plan.disqualifiers.map((_, i) => `$d${i}`).join(', ')}] });`,
  ];
  const lines = [
    'export function createEvaluate(rt, plan) {',
    '  const compareProducts = rt.compareProducts;',
    '  const wrongType = rt.wrongType;',
    '  const traceDecision = rt.traceDecision;',
    '  const criterionRecord = rt.criterionRecord;',
    '  const criterionPoints = rt.criterionPoints;',
    '  const disqualifierRecord = rt.disqualifierRecord;',
    '  const earnedOf = rt.earnedOf;',
    '  const isArray = Array.isArray;',
    '  const E = Object.freeze({});',
    // Evaluation is synchronous and calls no user code: one scratch array serves every call.
    `  const S = new Array(${indexLiteral(plan.dateSlot + 1)}).fill(undefined);`,
    '  const $R = (id, v) => ({ id, value: v === undefined ? null : v });',
    '  const $Z = (id, whole) => ({ id, value: 0, implied_by: whole });',
    ...plan.criteria.map((_, i) => `  const $C${i} = plan.criteria[${indexLiteral(i)}];`),
    ...plan.disqualifiers.map((_, i) => `  const $D${i} = plan.disqualifiers[${indexLiteral(i)}];`),
    ...shared.setup.map((l) => `  ${l}`),
    '  return function evaluate(a) {',
    ...body.map((l) => `    ${l}`),
    '  };',
    '}',
    '',
  ];
  return { lines };
}

/**
 * How a list of facts read is written: `$R(id, v)`, or for a part of a whole (`part_of`) that
 * was not given and is 0 because its whole is, `$Z(id, whole)` (the closures' implied zeros).
 * `before`: what each part slot was before the implied zeros were filled in.
 */
function readingCode(plan: RulesetPlan): { before: string[]; list: (list: SlotList) => string } {
  const slotOf = slotsByName(plan);
  const wholeOf = new Map<number, string>();
  for (const fact of plan.facts) {
    const part = slotOf.get(fact.id);
    if (part === undefined || fact.partOf === undefined || !slotOf.has(fact.partOf)) continue;
    wholeOf.set(part, fact.partOf);
  }
  const slotValue = (slot: number) => (slot === plan.dateSlot ? `S[${indexLiteral(slot)}]` : `v${indexLiteral(slot)}`);
  const before = [...wholeOf.keys()].map((slot) => `const $u${slot} = v${indexLiteral(slot)} === undefined;`);
  const one = ([id, slot]: readonly [string, number]): string => {
    const plain = `$R(${stringLiteral(id)}, ${slotValue(slot)})`;
    const whole = wholeOf.get(slot);
    if (whole === undefined) return plain;
    return `($u${slot} && v${indexLiteral(slot)} === 0 ? $Z(${stringLiteral(id)}, ${stringLiteral(whole)}) : ${plain})`;
  };
  return { before, list: (list) => `[${list.map(one).join(', ')}]` };
}

/** The values in slot order, for the closures the code calls and the context the result shows. */
function fillSlots(plan: RulesetPlan): string[] {
  const count = plan.contextSlots.length + plan.factSlots.length;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`S[${i}] = v${i};`);
  out.push(`S[${indexLiteral(plan.dateSlot)}] = ${plan.readsDate ? 'rt.assessmentDate(a)' : 'undefined'};`);
  // The date a parameter table's lookup reads (decide-code.ts writes its tables' calls with `dt`).
  if (plan.parameterTables.some((t) => t.dated)) out.push(`const dt = S[${indexLiteral(plan.dateSlot)}];`);
  return out;
}

/** Each criterion: its outcome (decide's code), its points, its entry with the facts of the variant used. */
function criteriaCode(plan: RulesetPlan, shared: SharedCode, list: (l: SlotList) => string): string[] {
  const slotOf = slotsByName(plan);
  const scored = plan.tiers !== undefined;
  const out: string[] = [];
  plan.criteria.forEach((criterion, i) => {
    const traced = tracedCriterion(criterion, slotOf);
    const o = `$o${i}`;
    out.push(...shared.outcome(i, o));
    out.push(`const $p${i} = criterionPoints($C${i}, S, ${o});`);
    // The variant chosen is in the outcome's high bits (evaluate/outcome.ts): its index + 1.
    let facts = list(traced.noVariant);
    for (let v = traced.variants.length - 1; v >= 0; v--)
      facts = `(${o} >> ${indexLiteral(VARIANT_SHIFT)}) === ${indexLiteral(v + 1)} ? ${list(traced.variants[v] ?? [])} : ${facts}`;
    out.push(`const $r${i} = criterionRecord($C${i}, ${o}, ${facts}, ${scored ? `earnedOf($p${i})` : 'undefined'});`);
  });
  return out;
}

function disqualifiersCode(plan: RulesetPlan, shared: SharedCode, list: (l: SlotList) => string): string[] {
  const slotOf = slotsByName(plan);
  const out: string[] = [];
  plan.disqualifiers.forEach((dq, i) => {
    const value = `$v${i}`;
    out.push(...shared.condition(value, dq.condition.expr, `$D${i}.condition.fn`, dq.condition.info.reads));
    const facts = list(slotList(dq.condition.info.reads, slotOf));
    out.push(`const $d${i} = disqualifierRecord($D${i}.info.id, ${value}, ${facts});`);
  });
  return out;
}

/**
 * The plan module of a ruleset: one ES module that carries the checked plan, so a program that
 * starts often loads the ruleset with `import` and compiles nothing (load-plan-module.ts). It
 * holds the generated decide and evaluate (module-code.ts, every condition written inline), the
 * plan as they and the assessment check read it (JSON text, parsed at load: ids, types, bounds,
 * requirements, levels), the context rules' and required_when selectors as generated closures
 * over the slots (condition-code.ts), and the diagnostics the build found. It is kept small on
 * purpose: every byte of a module is scanned at import (about 25 µs per kB measured on Node 20,
 * docs/performance.md), so texts, labels and source positions stay in the compiled rules file.
 *
 * A plan with a construct condition-code.ts leaves to its closure (constant parameters, derived
 * quantities, counts, arithmetic, points rules, a parameter table inside a function's comparison)
 * gets no plan module; a parameter table compared with a fact or a number is written, its cells
 * in code (table-code.ts): the generator refuses and
 * says which part, and that ruleset loads from its compiled rules file. Nothing from the rule
 * file becomes an identifier: data passes through stringLiteral, numbers and indexes through
 * literals.ts.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Expr } from '../compile/expression/ast.js';
import type { RulesetPlan } from '../compile/plan.js';
import type { CompiledRulesFile } from '../compiled-rules-file.js';
import { type ConditionScope, conditionCode, type SlotName } from './condition-code.js';
import { directNames } from './decide-code.js';
import { PLAN_MODULE_FORMAT, PLAN_MODULE_FORMAT_VERSION } from './format.js';
import { indexLiteral, stringLiteral } from './literals.js';
import { generateModule } from './module-code.js';
import { planOf } from './plan-of.js';
import { type TableScope, tableScope } from './table-code.js';
import { unwrittenConstruct } from './unwritten-construct.js';
import {
  type GenerateRefusal,
  type GenerateRefusalSubject,
  GenerateRefused,
  refuse,
  refusedOutcome,
} from './refusal.js';

/** The module's code, or why there is none: `reason` as data, `refused` its English text. */
export type PlanModuleOutcome =
  | { readonly code: string }
  | { readonly refused: string; readonly reason: GenerateRefusal };

/**
 * What the module's data holds (its `createPlan(rt)` returns it with the plan's closures filled
 * in). Shared with the loader, which reads nothing else from the module.
 */
export interface PlanModuleData {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  /** The ruleset's languages and period, as its document says (absent: the defaults). */
  readonly languages?: unknown;
  readonly effective?: unknown;
  /** The plan as decide, evaluate and the assessment check read it (planData). */
  readonly plan: unknown;
  /** The warnings found before compiling, and compile's own (the compiled rules file's two lists). */
  readonly earlier: readonly unknown[];
  readonly compile: readonly unknown[];
}

/**
 * The plan module of `ruleset`, a ruleset loaded from `compiled` (as `lcz build` loads back the
 * compiled file it just made, so the module holds exactly the plan every later load compiles).
 */
export function generatePlanModule(
  ruleset: CompiledRuleset,
  compiled: CompiledRulesFile,
  engine: string,
): PlanModuleOutcome {
  const plan = planOf(ruleset);
  if (!plan) return refusedOutcome({ code: 'not_loaded', params: {} });
  if (compiled.hash !== ruleset.hash) return refusedOutcome({ code: 'compiled_mismatch', params: {} });
  const outcome = planModuleOf(
    plan,
    { id: ruleset.id, version: ruleset.version, hash: ruleset.hash, engine },
    { earlier: compiled.diagnostics, compile: compiled.compileDiagnostics },
  );
  if (!('reason' in outcome)) return outcome;
  // The part refused, located in its rule file when the ruleset can say where it is written.
  const at = partPath(ruleset, outcome.reason.params);
  const place = at === undefined ? undefined : ruleset.locate(at);
  return place === undefined
    ? outcome
    : refusedOutcome({
        ...outcome.reason,
        params: { ...outcome.reason.params, file: ruleset.file, line: place.line, column: place.column },
      });
}

/** Where a refused part is written in the rule file: its path in the document (criteria and disqualifiers). */
function partPath(
  ruleset: CompiledRuleset,
  params: Partial<GenerateRefusalSubject>,
): readonly (string | number)[] | undefined {
  if (params.part === 'disqualifier') {
    const di = ruleset.disqualifiers.findIndex((d) => d.id === params.id);
    return di < 0 ? undefined : ['disqualifiers', di, 'condition'];
  }
  const gi = ruleset.groups.findIndex((g) => g.criteria.some((c) => c.id === params.id));
  const criteria = ruleset.groups[gi]?.criteria ?? [];
  const ci = criteria.findIndex((c) => c.id === params.id);
  if (ci < 0) return undefined;
  const at = ['groups', gi, 'criteria', ci];
  const vi = criteria[ci]?.variants?.findIndex((v) => v.id === params.variant) ?? -1;
  switch (params.part) {
    case 'criterion':
      return [...at, 'condition'];
    case 'applicable':
      return [...at, 'applicable_when'];
    case 'variant':
      return vi < 0 ? undefined : [...at, 'variants', vi, 'condition'];
    case 'variant_when':
      return vi < 0 ? undefined : [...at, 'variants', vi, 'when'];
    default:
      return undefined;
  }
}

/** The plan module of a checked plan, for the ruleset `identity` names (generatePlanModule's work). */
export function planModuleOf(
  plan: RulesetPlan,
  identity: { readonly id: string; readonly version: string; readonly hash: string; readonly engine: string },
  diagnostics: { readonly earlier: readonly unknown[]; readonly compile: readonly unknown[] },
): PlanModuleOutcome {
  try {
    const closures = closuresCode(plan);
    const data: PlanModuleData = {
      id: identity.id,
      version: identity.version,
      hash: identity.hash,
      ...(plan.document.languages ? { languages: plan.document.languages } : {}),
      ...(plan.document.effective ? { effective: plan.document.effective } : {}),
      plan: planData(plan),
      earlier: diagnostics.earlier,
      compile: diagnostics.compile,
    };
    const text = JSON.stringify(data);
    // What does not survive JSON (a bigint, NaN, ±∞, -0) would load as something else: refuse it.
    if (!sameData(JSON.parse(text), data)) refuse('not_json');
    // No decideSlots (the batch reader's path loads the compiled rules file): bytes cost at import.
    const decide = generateModule(plan, { id: identity.id, hash: identity.hash, engine: identity.engine }, false);
    if (decide.closures > 0) refuse('closure_kept');
    const code = [
      decide.code,
      `export const planFormat = ${stringLiteral(PLAN_MODULE_FORMAT)};`,
      `export const planFormatVersion = ${indexLiteral(PLAN_MODULE_FORMAT_VERSION)};`,
      // JSON text in one string literal: parsed when a ruleset is loaded, each load its own copy.
      `const DATA = ${stringLiteral(text)};`,
      'export function createPlan(rt) {',
      '  const compareProducts = rt.compareProducts;',
      '  const D = JSON.parse(DATA);',
      '  const P = D.plan;',
      ...closures.map((l) => `  ${l}`),
      '  return D;',
      '}',
      '',
    ]
      // Without indentation: a module's every byte is scanned at import. No line of generated code
      // starts inside a string literal (literals.ts escapes line ends), so this changes no value.
      .join('\n')
      .split('\n')
      .map((line) => line.trimStart())
      .join('\n');
    return { code };
  } catch (e) {
    if (e instanceof GenerateRefused) return refusedOutcome(e.reason);
    // JSON.stringify's own refusal (a bigint): its text is the runtime's, so only the code is kept.
    if (e instanceof TypeError) return refusedOutcome({ code: 'not_json', params: {} });
    throw e;
  }
}

/**
 * The plan as the generated decide and evaluate and the assessment check read it, and no more:
 * ids, types, bounds, slots, requirements, levels, points; no texts, labels, condition infos or
 * document (what a tool shows or locates is in the compiled rules file). Closures and the
 * compiler's trees are left out; the context rules' and required_when closures are written as
 * code (closuresCode). Anything that is not data (a function, a Map) is refused, never lost.
 */
function planData(plan: RulesetPlan): unknown {
  for (const c of plan.criteria)
    if (c.pointsRule || c.pointsShape || c.variants?.some((v) => v.pointsRule || v.pointsShape))
      refuse('points_rule', { criterion: c.info.id });
  if (plan.derived.length > 0) refuse('derived');
  const values = (list: readonly { readonly id: string }[] | undefined) =>
    list ? { values: list.map((v) => ({ id: v.id })) } : {};
  const data = {
    // What validation reads of the document: the period an assessment's date must fall in.
    document: plan.document.effective ? { effective: plan.document.effective } : {},
    context: plan.context.map((a) => ({ id: a.id, type: a.type, ...values(a.values) })),
    facts: plan.facts.map((f) => ({
      id: f.id,
      type: f.type,
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.decimals !== undefined ? { decimals: f.decimals } : {}),
      ...(f.partOf !== undefined ? { partOf: f.partOf } : {}),
      ...values(f.values),
    })),
    groups: plan.groups.map((g) => ({ info: { id: g.info.id }, requirement: g.requirement, criteria: g.criteria })),
    criteria: plan.criteria.map((c) => ({
      info: { id: c.info.id, group: c.info.group },
      groupIndex: c.groupIndex,
      ...(c.variants
        ? { variants: c.variants.map((v) => ({ id: v.id, ...(v.points !== undefined ? { points: v.points } : {}) })) }
        : {}),
      noVariant: c.noVariant,
      notApplicable: c.notApplicable,
      points: c.points,
      mandatory: c.mandatory,
      ...(c.ruled !== undefined ? { ruled: c.ruled } : {}),
      ...(c.maxPoints !== undefined ? { maxPoints: c.maxPoints } : {}),
      ...(c.fromLevel !== undefined ? { fromLevel: c.fromLevel } : {}),
    })),
    disqualifiers: plan.disqualifiers.map((d) => ({
      info: { id: d.info.id },
      ...(d.fromLevel !== undefined ? { fromLevel: d.fromLevel } : {}),
    })),
    parameterTables: plan.parameterTables.map((t) => ({
      id: t.id,
      ...(t.earliest !== undefined ? { earliest: t.earliest } : {}),
    })),
    mandatory: plan.mandatory,
    ...(plan.totalRequirement ? { totalRequirement: plan.totalRequirement } : {}),
    contextRules: plan.contextRules.map((r) => ({ rule: { message: r.rule.message }, index: r.index })),
    dateSlot: plan.dateSlot,
    readsDate: plan.readsDate,
    contextSlots: plan.contextSlots,
    factSlots: plan.factSlots,
    ...(plan.tiers ? { tiers: plan.tiers } : {}),
    ...(plan.levels ? { levels: plan.levels } : {}),
    ...(plan.scored !== undefined ? { scored: plan.scored } : {}),
  };
  const check = (value: unknown): void => {
    if (typeof value === 'function' || typeof value === 'bigint' || value instanceof Map || value instanceof Set)
      refuse('not_data');
    if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) check(v);
  };
  check(data);
  return data;
}

/** Each condition of the plan as a closure over the slots: `P.<path>.fn = function (S) { … };`. */
function closuresCode(plan: RulesetPlan): string[] {
  const names = directNames(plan);
  // The tables' lookups these closures call, defined once before them; the date is the slot's.
  const lookups: string[] = [];
  const date = `S[${indexLiteral(plan.dateSlot)}]`;
  const tables = tableScope(plan.parameterTables, date, (statement) => lookups.push(statement));
  // The parts only checked here (the generated decide writes them) define no lookup in createPlan.
  const unused = tableScope(plan.parameterTables, date, () => undefined);
  const out: string[] = [];
  const code = (expr: Expr, what: GenerateRefusalSubject, scope = tables) =>
    closureCode(expr, names, plan.definitionExprs, what, scope);
  const closure = (target: string, expr: Expr | undefined, what: GenerateRefusalSubject) => {
    if (!expr) refuse('no_tree', what);
    out.push(`${target} = ${code(expr, what)};`);
  };
  // The criteria's and disqualifiers' conditions are written inline in the generated decide and
  // evaluate (generatePlanModule refuses a plan where one is not); still, each must be writable.
  const check = (expr: Expr | undefined, what: GenerateRefusalSubject) => {
    if (!expr) refuse('no_tree', what);
    code(expr, what, unused);
  };
  plan.criteria.forEach((c) => {
    const id = c.info.id;
    if (c.applicable) check(c.applicable.expr, { part: 'applicable', id });
    if (c.condition) check(c.condition.expr, { part: 'criterion', id });
    for (const v of c.variants ?? []) {
      check(v.whenExpr, { part: 'variant_when', id, variant: v.id });
      check(v.condition.expr, { part: 'variant', id, variant: v.id });
    }
  });
  for (const d of plan.disqualifiers) check(d.condition.expr, { part: 'disqualifier', id: d.info.id });
  plan.contextRules.forEach((r, i) => {
    const ref = `P.contextRules[${indexLiteral(i)}]`;
    closure(`${ref}.when`, r.whenExpr, { part: 'context_when', rule: r.index + 1 });
    closure(`${ref}.require`, r.requireExpr, { part: 'context_require', rule: r.index + 1 });
  });
  const required: string[] = [];
  for (const id of plan.requiredWhen.keys()) {
    const expr = plan.requiredWhenExprs?.get(id);
    const what: GenerateRefusalSubject = { part: 'required_when', id };
    if (!expr) refuse('no_tree', what);
    required.push(`[${stringLiteral(id)}, ${code(expr, what)}]`);
  }
  out.push(`P.requiredWhen = new Map([${required.join(', ')}]);`);
  return [...lookups, ...out];
}

/** One condition as `function (S) { … }`: the slots it reads into locals, then condition-code.ts's expression. */
function closureCode(
  expr: Expr,
  names: ReadonlyMap<string, SlotName>,
  definitions: ReadonlyMap<string, Expr> | undefined,
  what: GenerateRefusalSubject,
  tables: TableScope,
): string {
  const read = new Set<number>();
  // The names the expression reads, recorded as condition-code.ts looks them up.
  const recording = new Map(names);
  recording.get = (name: string) => {
    const n = names.get(name);
    if (n) read.add(n.slot);
    return n;
  };
  let temps = 0;
  const prelude: string[] = [];
  const scope: ConditionScope = { names: recording, prelude, fresh: () => `t${temps++}`, definitions, tables };
  const code = conditionCode(expr, scope);
  if (code === undefined) refuse('construct', { ...what, ...unwrittenConstruct(expr, names, definitions, tables) });
  const locals = [...read]
    .sort((a, b) => a - b)
    .map((slot) => `const v${indexLiteral(slot)} = S[${indexLiteral(slot)}];`);
  return `function (S) { ${[...locals, ...prelude, `return ${code};`].join(' ')} }`;
}

/** Deep equality as the data's own values: Object.is for leaves (so -0 and NaN are seen), same keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

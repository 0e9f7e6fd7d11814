/**
 * The parts of the official table that only some schemes have: a points column (fixed points, a
 * step table with its cap, the best of options), the recognition levels with what each requires,
 * parameter tables (one row per context, one column per `from:` date), derived quantities with
 * their formula and `if_zero`, and, on a filled table, the values of one area ("57.2 → cần ≥ 58",
 * the minimum income in force for its region and date, the level reached and the points). A
 * scheme without them prints as before: each part is empty or null.
 */
import { shownBeside } from '../derived-shown.js';
import { SYMBOL } from '../../compile/expression/compare-ops.js';
import type { CriterionInfo, GroupInfo } from '../../compile/compiled-ruleset.js';
import { type ParameterTableInfo, YEAR } from '../../compile/parameter-table.js';
import type { PointsOptionInfo, PointsRuleInfo } from '../../compile/points.js';
import type { Assessment } from '../../evaluate/assessment.js';
import type { CriterionResult, EvaluationResult, FactValue, GroupResult, Requirement } from '../../evaluate/result.js';
import type { LocalizedText, ParameterDeclaration, RequirementDocument } from '../../validate/ruleset-document.js';
import { formatReportNumber } from '../report-number.js';
import { shortDate, writtenDate } from './letterhead.js';
import type { TableMessageKey, TableMessages } from './messages/en.js';
import type { TableField, TableLang, TableMark, TableRuleset } from './official-table.js';
import { declaredParameter, declaredParameters } from '../declared-parameters.js';
import { levelStanding } from '../text-tools.js';
import { excluded, type KindShare } from './kind-totals.js';

export type Say = (key: TableMessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** What every part reads: the language, the words, the ruleset and (filled) the evaluation. */
export interface TableContext {
  readonly lang: TableLang;
  readonly m: TableMessages;
  readonly say: Say;
  readonly ruleset: TableRuleset;
  readonly result: EvaluationResult | undefined;
  /** Blank: each standard's totals per kind of unit (kind-totals.ts); undefined when they cannot be listed. */
  readonly kinds?: ReadonlyMap<string, readonly KindShare[]> | undefined;
}

/** The recognition levels, lowest first, after a row for what every level needs. */
export interface TableLevels {
  readonly heading: string;
  readonly columns: { readonly level: string; readonly requirements: string; readonly result: string };
  readonly rows: readonly {
    readonly id: string | null;
    readonly label: string;
    readonly lines: readonly string[];
    readonly mark: TableMark | null;
    readonly remark: string;
  }[];
}

/** One parameter table (or, with a null title, the constants), as rows of cells. */
export interface TableParameter {
  readonly title: string | null;
  readonly note: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface TableDerived {
  readonly heading: string;
  readonly items: readonly { readonly id: string; readonly lines: readonly string[] }[];
}

const t = (text: LocalizedText, lang: TableLang) => text[lang];
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

// ── points ──────────────────────────────────────────────────────────────────────────────────

/** Whether the table prints a points column: some criterion earns other than 1, or a requirement counts points. */
export function hasPoints(ruleset: Pick<TableRuleset, 'groups' | 'document'>): boolean {
  const criteria = ruleset.groups.flatMap((g) => g.criteria);
  const earns = criteria.some(
    (c) =>
      c.points !== 1 ||
      c.pointsRule !== undefined ||
      (c.variants ?? []).some((v) => v.points !== undefined || v.pointsRule !== undefined),
  );
  const requirements: (RequirementDocument | Requirement | undefined)[] = [
    ruleset.document.recognition.group_requirement,
    ruleset.document.recognition.total_requirement,
    ...ruleset.groups.map((g) => g.requirement),
    ...(ruleset.document.levels ?? []).flatMap((l) => [
      l.group_requirement,
      l.total_requirement,
      ...Object.values(l.groups ?? {}),
    ]),
    ...(ruleset.document.recognition.requirements ?? []),
  ];
  return earns || requirements.some((r) => r !== undefined && 'at_least_points' in r);
}

/** The most a criterion can earn (its rule's, else its fixed points). */
export function most(c: CriterionInfo): number {
  return Math.max(c.pointsRule?.max ?? c.points, ...(c.variants ?? []).map((v) => v.pointsRule?.max ?? v.points ?? 0));
}

/** Blank: "3" or "0–5"; filled: what it earned of the most ("3/5", "0–3/5" while unknown). */
export function criterionPoints(c: CriterionInfo, r: CriterionResult | undefined, lang: TableLang): string {
  const n = (x: number) => formatReportNumber(x, lang);
  const top = most(c);
  const ranged = c.pointsRule !== undefined || (c.variants ?? []).some((v) => v.pointsRule !== undefined);
  if (r === undefined) return ranged ? `${n(0)}–${n(top)}` : n(top);
  const earned = r.earned ?? (r.status === 'pass' ? { least: r.points, most: r.points } : { least: 0, most: 0 });
  const got = earned.least === earned.most ? n(earned.least) : `${n(earned.least)}–${n(earned.most)}`;
  return `${got}/${n(top)}`;
}

/**
 * A standard's row: the most its criteria can earn, per kind of unit when the kinds differ
 * ("31 (kind A; kind B), 41 (kind C)"); filled, its total of the most its criteria that count
 * for this unit can earn (a criterion left out of the standard is not in it).
 */
export function groupPoints(
  group: GroupInfo,
  g: GroupResult | undefined,
  ctx: TableContext,
  results: ReadonlyMap<string, CriterionResult>,
): string {
  const n = (x: number) => formatReportNumber(x, ctx.lang);
  const total = g?.points_total;
  if (g === undefined) {
    const shares = ctx.kinds?.get(group.id);
    if (shares !== undefined && shares.length > 1)
      return shares.map((s) => ctx.say('kind_total', { kinds: s.kinds, total: n(s.points) })).join(', ');
    return n(shares?.[0]?.points ?? group.criteria.reduce((sum, c) => sum + most(c), 0));
  }
  if (total === undefined) return '';
  const top = group.criteria.reduce((sum, c) => {
    const r = results.get(c.id);
    return r !== undefined && excluded(r) ? sum : sum + most(c);
  }, 0);
  const got = total.least === total.most ? n(total.least) : `${n(total.least)}–${n(total.most)}`;
  return `${got}/${n(top)}`;
}

/** The lines under a criterion's text that say how a step table or best_of gives its points. */
export function pointsLines(c: CriterionInfo, ctx: TableContext): string[] {
  const rules = [c.pointsRule, ...(c.variants ?? []).map((v) => v.pointsRule)].filter(
    (r): r is PointsRuleInfo => r !== undefined,
  );
  return rules.map((rule) => {
    if (rule.kind === 'steps') return stepsWords(rule.options[0] ?? {}, ctx);
    const options = rule.options.map((o) => {
      const earns = o.steps !== undefined ? stepsWords(o, ctx, false) : formatReportNumber(o.points ?? 0, ctx.lang);
      return o.condition === undefined
        ? earns
        : ctx.say('points_when', { points: earns, condition: conditionWords(o.condition.expression, ctx) });
    });
    return ctx.say('points_best_of', { options: options.join('; ') });
  });
}

function stepsWords(o: PointsOptionInfo, ctx: TableContext, sentence = true): string {
  const n = (x: number) => formatReportNumber(x, ctx.lang);
  const bands = (o.steps?.bands ?? [])
    .map((b) => ctx.say('points_band', { at_least: n(b.at_least), points: n(b.points) }))
    .join('; ');
  const of = nameOf(o.steps?.of ?? '', ctx);
  const words = sentence ? ctx.say('points_steps', { of, bands }) : `${of}: ${bands}`;
  return o.cap === undefined || !Number.isFinite(o.cap)
    ? words
    : `${words}; ${ctx.say('points_cap', { cap: n(o.cap) })}`;
}

/**
 * An option's condition as a printed form reads it: a yes/no fact by its label (not
 * "<fact id> == true"); any other expression as written.
 */
function conditionWords(expression: string, ctx: TableContext): string {
  const fact = /^([A-Za-z_][A-Za-z0-9_]*)(?: == true)?$/.exec(expression)?.[1];
  return fact === undefined ? expression : `"${nameOf(fact, ctx)}"`;
}

/**
 * A fact, derived quantity or parameter by its label; a share `percent(part, whole, …)` in words;
 * any other expression as written.
 */
function nameOf(id: string, ctx: TableContext): string {
  const share = /^percent\(([A-Za-z_][A-Za-z0-9_]*), ([A-Za-z_][A-Za-z0-9_]*), [0-9.]+\)$/.exec(id);
  if (share?.[1] !== undefined && share[2] !== undefined)
    return ctx.say('points_share', { part: nameOf(share[1], ctx), whole: nameOf(share[2], ctx) });
  const r = ctx.ruleset;
  const label =
    r.facts?.find((f) => f.id === id)?.label ??
    r.derived?.find((d) => d.id === id)?.label ??
    declaredParameter(r, id)?.label ??
    r.parameterTables?.find((p) => p.id === id)?.label;
  return label === undefined ? id : flat(t(label, ctx.lang));
}

// ── thresholds that name a parameter, and derived values ──────────────────────────────────────

/** The names an expression uses (identifiers, including a parameter written as a threshold value). */
function namesIn(expression: string): Set<string> {
  return new Set(expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

function expressionsOf(c: CriterionInfo): string[] {
  const rules = [c.pointsRule, ...(c.variants ?? []).map((v) => v.pointsRule)];
  return [
    c.condition?.expression ?? '',
    ...(c.variants ?? []).map((v) => v.condition.expression),
    ...rules.flatMap((r) => (r?.options ?? []).flatMap((o) => [o.condition?.expression ?? '', o.steps?.of ?? ''])),
  ];
}

/**
 * A line per variant that has its own wording (`variants[].text`): on a blank table every such
 * variant, with its label when it has one; on a filled one only the variant that applied, when one
 * did, and none the criterion's text already says. The criterion's own text comes first (the
 * caller prints it).
 */
export function variantLines(c: CriterionInfo, ctx: TableContext): string[] {
  // A wording the criterion's text already carries (Lai Châu's 2.3 lists both kinds of unit) is
  // not printed twice.
  const own = flat(c.text[ctx.lang]);
  const worded = (c.variants ?? []).filter((v) => v.text !== undefined && !own.includes(flat(v.text[ctx.lang])));
  if (worded.length === 0) return [];
  const applied = ctx.result?.criteria.find((r) => r.id === c.id)?.variant ?? null;
  const shown = applied === null ? worded : worded.filter((v) => v.id === applied);
  return shown.map((v) => {
    const text = flat(v.text?.[ctx.lang] ?? '');
    return v.label === undefined
      ? ctx.say('variant_text', { text })
      : ctx.say('variant_named_text', { name: flat(v.label[ctx.lang]), text });
  });
}

/**
 * A line per parameter the criterion's thresholds name: a constant with its value, a table by
 * name (printed below), or on a filled table the value in force for this area.
 */
export function parameterLines(c: CriterionInfo, ctx: TableContext): string[] {
  const used = new Set(expressionsOf(c).flatMap((e) => [...namesIn(e)]));
  return namedParameters(ctx)
    .filter(([id]) => used.has(id))
    .map(([id, p]) => {
      const name = `${p.label === undefined ? id : flat(t(p.label, ctx.lang))} (${id})`;
      const unit = p.unit === undefined ? '' : ` ${t(p.unit, ctx.lang)}`;
      if (p.value !== undefined)
        return ctx.say('param_constant', { name, value: `${formatReportNumber(p.value, ctx.lang)}${unit}` });
      const value = ctx.result === undefined ? undefined : parameterValue(id, ctx);
      return value === undefined
        ? ctx.say('param_table', { name, id })
        : ctx.say('param_table_value', { name, value: `${formatReportNumber(value, ctx.lang)}${unit}` });
    });
}

/**
 * The parameters of the rule file and its fragments, then any table only `parameterTables` names
 * (a description made before the compiled ruleset held every parameter).
 */
function namedParameters(ctx: TableContext): [string, Pick<ParameterDeclaration, 'label' | 'unit' | 'value'>][] {
  const own = Object.entries(declaredParameters(ctx.ruleset));
  const named = new Set(own.map(([id]) => id));
  const shared = (ctx.ruleset.parameterTables ?? []).filter((p) => !named.has(p.id));
  return [
    ...own,
    ...shared.map((p): [string, Pick<ParameterDeclaration, 'label' | 'unit'>] => [
      p.id,
      { ...(p.label !== undefined ? { label: p.label } : {}), ...(p.unit !== undefined ? { unit: p.unit } : {}) },
    ]),
  ];
}

/** A parameter's value for the evaluated area: its constant, or its table's cell in force on its date. */
function parameterValue(id: string, ctx: TableContext): number | undefined {
  const constant = declaredParameter(ctx.ruleset, id)?.value;
  if (constant !== undefined) return constant;
  const table = ctx.ruleset.parameterTables?.find((p) => p.id === id);
  return table === undefined || ctx.result === undefined ? undefined : cellValue(table, ctx.result);
}

/** The row of the area's cell with the latest `from` on or before its date (none: unknown, never a default). */
function cellValue(table: ParameterTableInfo, result: EvaluationResult): number | undefined {
  const date = result.area.date;
  const year = date === undefined ? undefined : Number(date.slice(0, 4));
  const rows = table.cells.filter((c) =>
    table.by.every((k) => (k === 'year' ? c.key[k] === year : c.key[k] === result.context[k])),
  );
  if (rows.every((r) => r.from === undefined)) return rows[0]?.value;
  if (date === undefined) return undefined;
  const inForce = rows.filter((r) => r.from !== undefined && r.from <= date);
  inForce.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
  return inForce[inForce.length - 1]?.value;
}

/**
 * Filled: the derived quantities a criterion reads, with their value, against the threshold when
 * the condition compares one: "Thu nhập bình quân đầu người: 57.2 → cần ≥ 58".
 */
export function derivedRemarks(c: CriterionInfo, r: CriterionResult | undefined, ctx: TableContext): string[] {
  const derived = ctx.ruleset.derived ?? [];
  const valuesOf = ctx.ruleset.derivedValues;
  if (r === undefined || ctx.result === undefined || derived.length === 0 || valuesOf === undefined) return [];
  const used = new Set(expressionsOf(c).flatMap((e) => [...namesIn(e)]));
  const reads = derived.filter((d) => used.has(d.id));
  if (reads.length === 0) return [];
  const values = valuesOf(assessmentOf(ctx.result));
  const exactValues = ctx.ruleset.derivedExact?.(assessmentOf(ctx.result));
  const variant = r.variant === null ? undefined : c.variants?.find((v) => v.id === r.variant);
  const thresholds = (variant?.condition ?? c.condition)?.thresholds ?? [];
  return reads.flatMap((d) => {
    const shownText = values.get(d.id);
    if (shownText === undefined) return [];
    const value = decimalIn(shownText, ctx.lang);
    const unit = d.unit === undefined ? '' : ` ${t(d.unit, ctx.lang)}`;
    const label = flat(t(d.label, ctx.lang));
    const compared = thresholds.find((x) => x.kind === 'compare' && x.fact === d.id);
    if (compared?.kind !== 'compare') return [ctx.say('derived_plain', { label, value: `${value}${unit}` })];
    // A threshold naming a parameter is shown as the value in force for this area.
    const threshold = typeof compared.value === 'string' ? parameterValue(compared.value, ctx) : compared.value;
    if (threshold === undefined || typeof threshold === 'boolean')
      return [ctx.say('derived_plain', { label, value: `${value}${unit}` })];
    // Never rounded onto or across the threshold it is compared with (derived-shown.ts).
    const beside =
      typeof threshold === 'number' ? shownBeside(shownText, exactValues?.get(d.id), threshold) : shownText;
    return [
      ctx.say('derived_compare', {
        label,
        value: `${decimalIn(beside, ctx.lang)}${unit}`,
        op: SYMBOL[compared.op],
        threshold: formatReportNumber(threshold, ctx.lang),
      }),
    ];
  });
}

/** The assessment behind a result, as far as derived quantities need it: the facts read, the context, the date. */
function assessmentOf(result: EvaluationResult): Assessment {
  const facts: Record<string, FactValue> = {};
  for (const item of [...result.criteria, ...result.disqualifiers])
    for (const f of item.facts) if (f.value !== null) facts[f.id] = f.value;
  const context: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(result.context)) if (typeof v !== 'number') context[k] = v;
  const date = result.area.date;
  return { ...(date !== undefined ? { area: { date } } : {}), context, facts };
}

// ── levels ──────────────────────────────────────────────────────────────────────────────────

export function levelsPart(ctx: TableContext): TableLevels | null {
  const levels = ctx.ruleset.document.levels ?? [];
  if (levels.length === 0) return null;
  const { m, say, result } = ctx;
  const status = result?.level
    ? levelStanding(
        levels.map((l) => l.id),
        result.level,
      )
    : new Map<string, string>();
  const rows: TableLevels['rows'][number][] = [
    { id: null, label: m.level_base, lines: baseLines(ctx), mark: null, remark: '' },
  ];
  levels.forEach((level, i) => {
    const lines: string[] = [];
    const below = levels[i - 1];
    if (below !== undefined) lines.push(say('level_implies', { below: flat(t(below.label, ctx.lang)) }));
    const own = [
      // A standard with its own `requirement:`, or one this level names in `groups:`, is not held
      // to the level's `group_requirement` (compile/levels.ts): the line must say so.
      ...(level.group_requirement
        ? groupDefaultLine(ctx, level.group_requirement, Object.keys(level.groups ?? {}))
        : []),
      ...Object.entries(level.groups ?? {}).map(([group, r]) =>
        say('req_group', { group, requirement: requirementWords(r, ctx) }),
      ),
      ...(level.total_requirement
        ? [say('req_total', { requirement: requirementWords(level.total_requirement, ctx) })]
        : []),
      ...(level.requirements ?? []).map((r) =>
        say('req_of', { of: r.of.join(', '), requirement: requirementWords(r, ctx) }),
      ),
      ...((level.mandatory ?? []).length > 0
        ? [say('req_mandatory', { ids: (level.mandatory ?? []).join(', ') })]
        : []),
      ...casesLine(ctx, level.id, level.disqualifiers ?? []),
      ...fromLevelLine(ctx, level.id),
    ];
    lines.push(...(own.length > 0 ? own : [m.level_nothing_more]));
    const s = status.get(level.id);
    rows.push({
      id: level.id,
      label: flat(t(level.label, ctx.lang)),
      lines,
      mark: s === 'met' ? 'pass' : s === 'not_met' ? 'fail' : null,
      remark: s === 'unknown' ? m.remark_unknown : '',
    });
  });
  return {
    heading: m.section_levels,
    columns: { level: m.column_level, requirements: m.column_requirements, result: m.column_result },
    rows,
  };
}

/** What every level needs: the recognition rule. */
function baseLines(ctx: TableContext): string[] {
  const { say, ruleset } = ctx;
  const rec = ruleset.document.recognition;
  const lines = [
    ...groupDefaultLine(ctx, rec.group_requirement, []),
    ...ruleset.document.groups.flatMap((g) =>
      g.requirement === undefined
        ? []
        : [say('req_group', { group: g.id, requirement: requirementWords(g.requirement, ctx) })],
    ),
  ];
  if (rec.total_requirement !== undefined)
    lines.push(say('req_total', { requirement: requirementWords(rec.total_requirement, ctx) }));
  for (const r of rec.requirements ?? [])
    lines.push(say('req_of', { of: r.of.join(', '), requirement: requirementWords(r, ctx) }));
  if ((rec.mandatory ?? []).length > 0) lines.push(say('req_mandatory', { ids: (rec.mandatory ?? []).join(', ') }));
  if (rec.disqualifiers === 'block') {
    const all = ruleset.document.disqualifiers ?? [];
    const every = all.filter((d) => d.from_level === undefined);
    if (every.length === all.length && all.length > 0) lines.push(ctx.m.req_no_case);
    else if (every.length > 0)
      lines.push(
        say('req_cases', {
          numbers: numbersOf(
            ctx,
            every.map((d) => d.id),
          ),
        }),
      );
  }
  return lines;
}

/**
 * The default requirement's line: "each standard" only when it holds for each; otherwise it names
 * the standards it leaves out (their own `requirement:` or a level's `groups:` entry rules them),
 * and says nothing when it holds for none.
 */
function groupDefaultLine(
  ctx: TableContext,
  requirement: RequirementDocument | Requirement,
  named: readonly string[],
): string[] {
  const except = ctx.ruleset.document.groups
    .filter((g) => g.requirement !== undefined || named.includes(g.id))
    .map((g) => g.id);
  if (except.length === ctx.ruleset.document.groups.length) return [];
  const words = requirementWords(requirement, ctx);
  return except.length === 0
    ? [ctx.say('req_group_default', { requirement: words })]
    : [ctx.say('req_group_except', { groups: except.join(', '), requirement: words })];
}

/** The cases that block from this level: listed under the level, or given `from_level` on the case. */
function casesLine(ctx: TableContext, level: string, listed: readonly string[]): string[] {
  const from = (ctx.ruleset.document.disqualifiers ?? []).filter((d) => d.from_level === level).map((d) => d.id);
  const ids = [...new Set([...listed, ...from])];
  return ids.length === 0 ? [] : [ctx.say('req_cases', { numbers: numbersOf(ctx, ids) })];
}

function fromLevelLine(ctx: TableContext, level: string): string[] {
  const ids = ctx.ruleset.groups
    .flatMap((g) => g.criteria)
    .filter((c) => c.fromLevel === level)
    .map((c) => c.id);
  return ids.length === 0 ? [] : [ctx.say('req_from_level', { ids: ids.join(', ') })];
}

/** Section II numbers its cases 1, 2, …: a case is named by its number there. */
function numbersOf(ctx: TableContext, ids: readonly string[]): string {
  return ids.map((id) => String(ctx.ruleset.disqualifiers.findIndex((d) => d.id === id) + 1)).join(', ');
}

function requirementWords(r: RequirementDocument | Requirement, ctx: TableContext): string {
  if ('at_least_percent' in r) return ctx.say('req_percent', { n: formatReportNumber(r.at_least_percent, ctx.lang) });
  if ('at_least_count' in r) return ctx.say('req_count', { n: r.at_least_count });
  return ctx.say('req_points', { n: r.at_least_points });
}

// ── parameters and derived quantities ─────────────────────────────────────────────────────────

/** Each parameter table pivoted (a row per context, a column per `from:` date), then the constants. */
export function parametersPart(ctx: TableContext): TableParameter[] {
  const parameters = declaredParameters(ctx.ruleset);
  const out: TableParameter[] = [];
  for (const table of ctx.ruleset.parameterTables ?? []) out.push(parameterTable(table, ctx));
  const constants = Object.entries(parameters).filter(([, p]) => p.value !== undefined);
  if (constants.length > 0)
    out.push({
      title: null,
      note: null,
      columns: [ctx.m.column_parameter, ctx.m.column_value],
      rows: constants.map(([id, p]) => [
        `${p.label === undefined ? id : flat(t(p.label, ctx.lang))} (${id})`,
        `${formatReportNumber(p.value ?? 0, ctx.lang)}${p.unit === undefined ? '' : ` ${t(p.unit, ctx.lang)}`}`,
      ]),
    });
  return out;
}

function parameterTable(table: ParameterTableInfo, ctx: TableContext): TableParameter {
  const { m, say, lang } = ctx;
  const keyLabel = (k: string) => {
    const attribute = ctx.ruleset.context.find((c) => c.id === k);
    // A key that is no context attribute is the assessment's year (`by: [region, year]`).
    return attribute === undefined ? m.column_year : flat(t(attribute.label, lang));
  };
  const valueLabel = (k: string, v: string | boolean | number | undefined) => {
    if (typeof v === 'boolean') return v ? m.yes : m.no;
    const value = ctx.ruleset.context.find((c) => c.id === k)?.values?.find((x) => x.id === v);
    return value === undefined ? String(v) : flat(t(value.label, lang));
  };
  const dates = [...new Set(table.cells.flatMap((c) => (c.from === undefined ? [] : [c.from])))].sort();
  const undated = table.cells.some((c) => c.from === undefined);
  const columns = [
    ...table.by.map(keyLabel),
    ...(undated || dates.length === 0 ? [m.column_value] : []),
    ...dates.map((d) => say('column_from', { date: dateText(d, lang) })),
  ];
  const keys = new Map<string, (typeof table.cells)[number]['key']>();
  for (const c of table.cells) keys.set(JSON.stringify(table.by.map((k) => c.key[k])), c.key);
  const rows = [...keys.entries()].map(([json, key]) => {
    const cells = table.cells.filter((c) => JSON.stringify(table.by.map((k) => c.key[k])) === json);
    // A date column without a row of its own keeps the value before it: said so, since a blank
    // cell reads as "no value"; before the row's first value there is none (unknown, no default).
    let before = false;
    // A row keyed by a year holds in that year only: a date of another year is none of its own.
    const year = table.by.includes(YEAR) ? key[YEAR] : undefined;
    const at = (from: string | undefined) => {
      const cell = cells.find((c) => c.from === from);
      if (cell !== undefined) {
        before = true;
        return formatReportNumber(cell.value, lang);
      }
      if (from !== undefined && year !== undefined && from.slice(0, 4) !== String(year)) return '';
      return from === undefined ? '' : before ? m.param_cell_unchanged : m.param_cell_none;
    };
    return [
      ...table.by.map((k) => valueLabel(k, key[k])),
      ...(undated || dates.length === 0 ? [at(undefined)] : []),
      ...dates.map(at),
    ];
  });
  const title = say('param_heading', {
    label: table.label === undefined ? table.id : flat(t(table.label, lang)),
    id: table.id,
  });
  return {
    title,
    note: table.unit === undefined ? null : say('param_unit', { unit: t(table.unit, lang) }),
    columns,
    rows,
  };
}

/** Each derived quantity: its formula with the names of what it reads, if_zero, decimals; filled, its value. */
export function derivedPart(ctx: TableContext): TableDerived | null {
  const derived = ctx.ruleset.derived ?? [];
  if (derived.length === 0) return null;
  const { say, m, lang } = ctx;
  const values =
    ctx.result === undefined || ctx.ruleset.derivedValues === undefined
      ? undefined
      : ctx.ruleset.derivedValues(assessmentOf(ctx.result));
  return {
    heading: m.section_derived,
    items: derived.map((d) => {
      const unit = d.unit === undefined ? '' : ` ${t(d.unit, lang)}`;
      const formula = d.expression.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) =>
        nameOf(name, ctx) === name ? name : `[${nameOf(name, ctx)}]`,
      );
      const lines = [say('derived_formula', { label: `${flat(t(d.label, lang))} (${d.id})`, formula })];
      const details: string[] = [];
      if (d.ifZero !== undefined)
        details.push(
          say('derived_if_zero', {
            value: d.ifZero === 'unknown' ? m.derived_unknown : formatReportNumber(d.ifZero, lang),
          }),
        );
      if (d.decimals !== undefined) details.push(say('derived_decimals', { n: d.decimals }));
      if (d.unit !== undefined) details.push(say('param_unit', { unit: t(d.unit, lang) }));
      if (details.length > 0) lines.push(details.join('; '));
      const value = values?.get(d.id);
      if (value !== undefined) lines.push(say('derived_value', { value: `${decimalIn(value, lang)}${unit}` }));
      return { id: d.id, lines };
    }),
  };
}

/** Filled: the level reached (and the highest still possible) and the total points, under the decision. */
export function summaryFields(ctx: TableContext, points: boolean): TableField[] {
  const { result, m, say, lang } = ctx;
  if (result === undefined) return [];
  const out: TableField[] = [];
  const label = (id: string) => {
    const level = ctx.ruleset.document.levels?.find((l) => l.id === id);
    return level === undefined ? id : flat(t(level.label, lang));
  };
  if (result.level !== undefined) {
    const { reached, possible } = result.level;
    out.push({ label: m.summary_level, value: reached === null ? m.summary_level_none : label(reached) });
    if (possible !== null && possible !== reached) out.push({ label: m.summary_possible, value: label(possible) });
  }
  const total = result.points_total;
  if (points && total !== undefined) {
    const n = (x: number) => formatReportNumber(x, lang);
    out.push({
      label: m.summary_points,
      value:
        total.least === total.most
          ? n(total.least)
          : say('summary_points_range', { least: n(total.least), most: n(total.most) }),
    });
  }
  return out;
}

/** A derived value's decimal text ("57.2") as the language writes it: 57,2 in Vietnamese. */
function decimalIn(text: string, lang: TableLang): string {
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** 2024-01-01 as 01/01/2024 in Vietnamese, 1 January 2024 in English (as the table's other dates). */
function dateText(iso: string, lang: TableLang): string {
  return lang === 'vi' ? shortDate(iso) : writtenDate(iso, lang);
}

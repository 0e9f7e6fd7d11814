/**
 * A criterion's or variant's `points`: a fixed number, a step table (value bands → points, with a
 * cap) or the best of options. A table or `best_of` compiles to one closure giving the points as
 * an interval [least, most] over what is unknown, packed in one number (`packPoints`) so the
 * decision path allocates nothing. Each band is the comparison `of >= at_least`, checked by the
 * same checker as every condition, so it is exact (integers, or cross-multiplication for percent)
 * and tools see its threshold.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { PointStepsDocument, PointsDocument, PointsOptionDocument } from '../validate/ruleset-document.js';
import type { ConditionInfo } from './compiled-ruleset.js';
import type { YamlPath } from './conditions.js';
import type { Expr } from './expression/ast.js';
import type { Typed } from './typed.js';
import type { Closure, Slots } from './types.js';

/** Points never exceed 10,000 (the schema's bound), so least + most × SPAN is an exact integer. */
const POINTS_SPAN = 16384;

export function packPoints(least: number, most: number): number {
  return least + most * POINTS_SPAN;
}
export function leastPoints(packed: number): number {
  return packed % POINTS_SPAN;
}
export function mostPoints(packed: number): number {
  return Math.floor(packed / POINTS_SPAN);
}

/** The points closure: a packed [least, most] interval from the slots. */
export type PointsClosure = (s: Slots) => number;

/** What tools read about a step table or best_of: each band's threshold, printed. */
export interface PointsRuleInfo {
  readonly kind: 'steps' | 'best_of';
  /** The most this can earn (after caps). */
  readonly max: number;
  readonly options: readonly PointsOptionInfo[];
}

export interface PointsOptionInfo {
  readonly condition?: ConditionInfo;
  readonly points?: number;
  readonly steps?: {
    readonly of: string;
    readonly bands: readonly {
      readonly at_least: number;
      readonly points: number;
      readonly condition: ConditionInfo;
    }[];
  };
  readonly cap?: number;
}

/** Every fact a points rule reads (its options' conditions and its bands), in first-read order. */
export function pointsReads(info: PointsRuleInfo | undefined): string[] {
  const out: string[] = [];
  const add = (reads: readonly string[]) => {
    for (const r of reads) if (!out.includes(r)) out.push(r);
  };
  for (const o of info?.options ?? []) {
    if (o.condition) add(o.condition.reads);
    for (const b of o.steps?.bands ?? []) add(b.condition.reads);
  }
  return out;
}

export interface CompiledPoints {
  /** Fixed points, or the most a rule can earn. */
  readonly max: number;
  readonly rule?: PointsClosure;
  readonly info?: PointsRuleInfo;
}

/** What compiling points needs from the ruleset compiler (its parser, checker and reporter). */
export interface PointsCompiler {
  parse(text: string, path: YamlPath): Expr | undefined;
  /** Type-check an expression; reports problems; returns undefined when it had any. */
  numeric(expr: Expr, path: YamlPath): Typed | undefined;
  /** A compiled boolean comparison (the band `of >= at_least`) with its info. */
  comparison(expr: Expr, path: YamlPath): { fn: Closure; info: ConditionInfo };
  condition(doc: NonNullable<PointsOptionDocument['condition']>, path: YamlPath): { fn: Closure; info: ConditionInfo };
  rangeOf(path: YamlPath): Range | undefined;
  bandsOrder(path: YamlPath, value: number, previous: number): void;
}

export function compilePoints(doc: PointsDocument, path: YamlPath, c: PointsCompiler): CompiledPoints {
  if (typeof doc === 'number') return { max: doc };
  if ('best_of' in doc) {
    const options = doc.best_of.map((o, i) => compileOption(o, [...path, 'best_of', i], c));
    const rules = options.map((o) => o.rule);
    const max = Math.max(0, ...options.map((o) => o.max));
    const rule: PointsClosure = (s) => {
      let least = 0;
      let most = 0;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i];
        if (r === undefined) continue;
        const p = r(s);
        const l = leastPoints(p);
        const m = mostPoints(p);
        if (l > least) least = l;
        if (m > most) most = m;
      }
      return packPoints(least, most);
    };
    return { max, rule, info: { kind: 'best_of', max, options: options.map((o) => o.info) } };
  }
  const option = compileOption({ steps: doc.steps, ...(doc.cap !== undefined ? { cap: doc.cap } : {}) }, path, c);
  return { max: option.max, rule: option.rule, info: { kind: 'steps', max: option.max, options: [option.info] } };
}

interface CompiledOption {
  readonly max: number;
  readonly rule: PointsClosure;
  readonly info: PointsOptionInfo;
}

function compileOption(doc: PointsOptionDocument, path: YamlPath, c: PointsCompiler): CompiledOption {
  const cond = doc.condition !== undefined ? c.condition(doc.condition, [...path, 'condition']) : undefined;
  const cap = doc.cap ?? Number.POSITIVE_INFINITY;
  let inner: { max: number; rule: PointsClosure; steps?: PointsOptionInfo['steps'] };
  if (doc.steps !== undefined) inner = compileSteps(doc.steps, [...path, 'steps'], cap, c);
  else {
    const n = Math.min(doc.points ?? 0, cap);
    const fixed = packPoints(n, n);
    inner = { max: n, rule: () => fixed };
  }
  const info: PointsOptionInfo = {
    ...(cond ? { condition: cond.info } : {}),
    ...(doc.points !== undefined ? { points: doc.points } : {}),
    ...(inner.steps ? { steps: inner.steps } : {}),
    ...(doc.cap !== undefined ? { cap: doc.cap } : {}),
  };
  if (!cond) return { max: inner.max, rule: inner.rule, info };
  const when = cond.fn;
  const body = inner.rule;
  // The option counts only when its condition holds: false earns 0, unknown earns [0, most].
  const rule: PointsClosure = (s) => {
    const v = when(s);
    if (v === false) return 0;
    const p = body(s);
    return v === true ? p : packPoints(0, mostPoints(p));
  };
  return { max: inner.max, rule, info };
}

function compileSteps(
  doc: PointStepsDocument,
  path: YamlPath,
  cap: number,
  c: PointsCompiler,
): { max: number; rule: PointsClosure; steps: NonNullable<PointsOptionInfo['steps']> } {
  const points = doc.bands.map((b) => Math.min(b.points, cap));
  const max = Math.max(0, ...points);
  const of = c.parse(doc.of, [...path, 'of']);
  const typed = of ? c.numeric(of, [...path, 'of']) : undefined;
  doc.bands.forEach((b, i) => {
    const previous = doc.bands[i - 1];
    if (previous !== undefined && !(b.at_least > previous.at_least)) {
      c.bandsOrder([...path, 'bands', i, 'at_least'], b.at_least, previous.at_least);
    }
  });
  const unknown = packPoints(0, max);
  if (!of || !typed) {
    return { max, rule: () => unknown, steps: { of: doc.of, bands: [] } };
  }
  const bands = doc.bands.map((b, i) => {
    const bandPath = [...path, 'bands', i, 'at_least'];
    const range = c.rangeOf(bandPath) ?? of.range;
    const expr: Expr = {
      kind: 'compare',
      op: '>=',
      left: of,
      right: { kind: 'number', value: b.at_least, text: String(b.at_least), range },
      range: of.range,
    };
    return { band: b, compared: c.comparison(expr, bandPath) };
  });
  const fns = bands.map((b) => b.compared.fn);
  const rule: PointsClosure = (s) => {
    // The band reached lies between the highest band certainly reached (lo) and the highest not
    // certainly missed (hi); -1 is "below every band" (0 points). Points need not grow with the
    // bands, so the interval is the least and the most over that stretch.
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < fns.length; i++) {
      const v = fns[i]?.(s);
      if (v === true) lo = i;
      if (v !== false) hi = i;
    }
    let least = lo < 0 ? 0 : (points[lo] ?? 0);
    let most = least;
    for (let i = lo + 1; i <= hi; i++) {
      const p = points[i] ?? 0;
      if (p < least) least = p;
      if (p > most) most = p;
    }
    return packPoints(least, most);
  };
  return {
    max,
    rule,
    steps: {
      of: doc.of,
      bands: bands.map(({ band, compared }) => ({
        at_least: band.at_least,
        points: band.points,
        condition: compared.info,
      })),
    },
  };
}

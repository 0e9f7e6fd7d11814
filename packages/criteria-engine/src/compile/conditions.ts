/**
 * Structured YAML conditions (`{fact, at_least}`, `{percent, at_least, if_whole_zero}`, `all`,
 * `any`, `not`) desugar into the expression tree, with the ranges of their YAML nodes, so the
 * checker, closures, thresholds and printer treat them exactly like written expressions.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../diagnostics/params.js';
import type { ParsedDocument } from '../parse/index.js';
import type { ConditionDocument } from '../validate/ruleset-document.js';
import type { CompareOp, Expr } from './expression/ast.js';
import { isExactLiteral, parseExpression, type ExpressionLimits, type ParseError } from './expression/parser.js';

export type YamlPath = readonly (string | number)[];

export interface DesugarContext {
  readonly parsed: ParsedDocument;
  readonly limits: ExpressionLimits;
  reportParseError(error: ParseError): void;
  reportThreshold(range: Range, params: DiagnosticParams<'threshold_range'>): void;
}

/** Parse an expression held in the YAML scalar at `path`, with absolute offsets. */
export function parseScalarExpression(text: string, path: YamlPath, ctx: DesugarContext): Expr | undefined {
  const outcome = parseExpression(text, ctx.parsed.scalarContentOffset(path, text), ctx.limits);
  if (outcome.ok) return outcome.expr;
  ctx.reportParseError(outcome.error);
  return undefined;
}

const COMPARATORS: readonly (readonly [key: 'at_least' | 'at_most' | 'equals', op: CompareOp])[] = [
  ['at_least', '>='],
  ['at_most', '<='],
  ['equals', '=='],
];

export function desugarCondition(doc: ConditionDocument, path: YamlPath, ctx: DesugarContext): Expr | undefined {
  if (typeof doc === 'string') return parseScalarExpression(doc, path, ctx);
  const range = ctx.parsed.rangeOf(path) ?? [0, 0];
  if ('all' in doc || 'any' in doc) {
    const key = 'all' in doc ? 'all' : 'any';
    const items = 'all' in doc ? doc.all : doc.any;
    const desugared = items.map((item, i) => desugarCondition(item, [...path, key, i], ctx));
    const operands = desugared.filter(isExpr);
    if (operands.length < desugared.length) return undefined;
    if (operands.length === 1) return operands[0];
    return { kind: 'logical', op: key === 'all' ? 'and' : 'or', operands, range };
  }
  if ('not' in doc) {
    const operand = desugarCondition(doc.not, [...path, 'not'], ctx);
    return operand && { kind: 'not', operand, range };
  }
  if ('of' in doc) return desugarCount(doc, path, range, ctx);
  if ('percent' in doc) return desugarPercent(doc, path, range, ctx);
  if ('fact' in doc) {
    const name: Expr = { kind: 'name', name: doc.fact, range: ctx.parsed.rangeOf([...path, 'fact']) ?? range };
    if ('is' in doc) {
      return { kind: 'compare', op: '==', left: name, right: literal(doc.is, [...path, 'is'], ctx, range), range };
    }
    for (const [key, op] of COMPARATORS) {
      const value = comparedValue(doc, key);
      if (value !== undefined) {
        return { kind: 'compare', op, left: name, right: literal(value, [...path, key], ctx, range), range };
      }
    }
  }
  return undefined; // the schema has already reported the shape
}

/** `{ at_least: k, of: [ … ] }` is `count(…) >= k`: one definition of "at least k of n". */
function desugarCount(
  doc: Extract<ConditionDocument, { of: unknown }>,
  path: YamlPath,
  range: Range,
  ctx: DesugarContext,
): Expr | undefined {
  const desugared = doc.of.map((item, i) => desugarCondition(item, [...path, 'of', i], ctx));
  const args = desugared.filter(isExpr);
  if (args.length < desugared.length) return undefined;
  const kRange = ctx.parsed.rangeOf([...path, 'at_least']) ?? range;
  const call: Expr = {
    kind: 'call',
    name: 'count',
    nameRange: ctx.parsed.rangeOf([...path, 'of']) ?? range,
    range,
    args,
  };
  const k: Expr = { kind: 'number', value: doc.at_least, text: String(doc.at_least), range: kRange };
  return { kind: 'compare', op: '>=', left: call, right: k, range };
}

function desugarPercent(
  doc: Extract<ConditionDocument, { percent: unknown }>,
  path: YamlPath,
  range: Range,
  ctx: DesugarContext,
): Expr | undefined {
  const atLeast = doc.at_least !== undefined;
  const threshold = atLeast ? doc.at_least : doc.at_most;
  if (threshold === undefined) return undefined; // schema reports it
  const thresholdPath = [...path, atLeast ? 'at_least' : 'at_most'];
  const thresholdRange = ctx.parsed.rangeOf(thresholdPath) ?? range;
  if (threshold < 0 || threshold > 100) {
    ctx.reportThreshold(thresholdRange, { value: threshold, min: 0, max: 100 });
    return undefined;
  }
  // The empty-whole policy becomes the percent value taken when the whole is 0: a value that
  // makes the comparison hold (pass) or not (fail). "At least 0%" cannot fail, "at most 100%"
  // cannot fail either: such a threshold with `if_whole_zero: fail` is a mistake worth reporting.
  const pass = doc.if_whole_zero === 'pass';
  let ifZero: number;
  if (atLeast) ifZero = pass ? 100 : 0;
  else ifZero = pass ? 0 : 100;
  if (!pass && ((atLeast && threshold === 0) || (!atLeast && threshold === 100))) {
    ctx.reportThreshold(thresholdRange, { value: threshold, min: atLeast ? 1 : 0, max: atLeast ? 100 : 99 });
    return undefined;
  }
  const partRange = ctx.parsed.rangeOf([...path, 'percent', 'part']) ?? range;
  const wholeRange = ctx.parsed.rangeOf([...path, 'percent', 'whole']) ?? range;
  const zeroRange = ctx.parsed.rangeOf([...path, 'if_whole_zero']) ?? range;
  const call: Expr = {
    kind: 'call',
    name: 'percent',
    nameRange: ctx.parsed.rangeOf([...path, 'percent']) ?? range,
    range,
    args: [
      { kind: 'name', name: doc.percent.part, range: partRange },
      { kind: 'name', name: doc.percent.whole, range: wholeRange },
      { kind: 'number', value: ifZero, text: String(ifZero), range: zeroRange },
    ],
  };
  return {
    kind: 'compare',
    op: atLeast ? '>=' : '<=',
    left: call,
    right: numberLiteral(threshold, thresholdRange, ctx),
    range,
  };
}

/**
 * A number written in YAML (`at_least: 29.5`), as the expression tree's literal. Its text is the
 * one the file holds: a YAML number with more than 15 significant digits was rounded when read,
 * so it is refused as an expression's literal would be (expr_number_inexact), never compared
 * rounded.
 */
function numberLiteral(value: number, range: Range, ctx: DesugarContext): Expr {
  const written = ctx.parsed.source.text.slice(range[0], range[1]).trim();
  if (/^-?\d+\.\d+$/.test(written) && !isExactLiteral(written.replace(/^-/, '')))
    ctx.reportParseError({ code: 'expr_number_inexact', range, value: written, max: Number.MAX_SAFE_INTEGER });
  return { kind: 'number', value, text: String(value), range };
}

function literal(value: number | string | boolean, path: YamlPath, ctx: DesugarContext, fallback: Range): Expr {
  const range = ctx.parsed.rangeOf(path) ?? fallback;
  if (typeof value === 'number') return numberLiteral(value, range, ctx);
  if (typeof value === 'boolean') return { kind: 'boolean', value, range };
  return { kind: 'string', value, range };
}

function isExpr(e: Expr | undefined): e is Expr {
  return e !== undefined;
}

/** What a `fact:` condition compares with under `key` (at_least, at_most, equals), if it has that key. */
function comparedValue(
  doc: Extract<ConditionDocument, { fact: string }>,
  key: (typeof COMPARATORS)[number][0],
): number | string | boolean | undefined {
  if (key === 'at_least') return 'at_least' in doc ? doc.at_least : undefined;
  if (key === 'at_most') return 'at_most' in doc ? doc.at_most : undefined;
  return 'equals' in doc ? doc.equals : undefined;
}

/**
 * Compares two compiled conditions. When they differ only in threshold values (98 → 95, an
 * ordinal floor, the empty-whole policy), the change is reported as threshold changes a policy
 * officer can read ("≥ 98% → ≥ 95% of items"); anything else as the canonical expressions
 * before and after.
 */
import type { ConditionInfo, Threshold } from '../../compile/compiled-ruleset.js';
import { thresholdHooks, thresholdShape } from '../../compile/functions/index.js';
import type { ConditionChange, ThresholdValue } from './ruleset-diff.js';

export function compareConditions(before: ConditionInfo, after: ConditionInfo): ConditionChange | undefined {
  if (before.expression === after.expression) return undefined;
  const thresholds = thresholdChanges(before, after);
  if (thresholds !== undefined && thresholds.length > 0) return { kind: 'thresholds', changes: thresholds };
  return { kind: 'expression', before: before.expression, after: after.expression };
}

export function thresholdValue(t: Threshold): ThresholdValue {
  if (t.kind === 'compare') return { kind: 'compare', fact: t.fact, op: t.op, value: t.value };
  // A function's threshold: its own values, under its kind (compile/functions/).
  const hooks = thresholdHooks(t.kind);
  // cast: the function declares the shape ruleset-diff.ts types for its kind; TypeScript cannot tie the two
  return { kind: t.kind, ...hooks?.diffValue(t) } as ThresholdValue;
}

/**
 * The threshold pairs that differ, when the two conditions have the same shape (the same
 * expression once literals and comparison operators are masked) and their thresholds compare the
 * same subjects in the same order; otherwise undefined.
 */
function thresholdChanges(
  before: ConditionInfo,
  after: ConditionInfo,
): { before: ThresholdValue; after: ThresholdValue }[] | undefined {
  if (shape(before) !== shape(after)) return undefined;
  if (before.thresholds.length !== after.thresholds.length) return undefined;
  const changes: { before: ThresholdValue; after: ThresholdValue }[] = [];
  for (const [i, a] of before.thresholds.entries()) {
    const b = after.thresholds[i];
    if (b === undefined || subject(a) !== subject(b)) return undefined;
    const va = thresholdValue(a);
    const vb = thresholdValue(b);
    if (JSON.stringify(va) !== JSON.stringify(vb)) changes.push({ before: va, after: vb });
  }
  return changes;
}

const LITERALS = /'[^']*'|"[^"]*"|\b\d+(?:\.\d+)?\b|\btrue\b|\bfalse\b|>=|<=|==|!=|>|</g;

/**
 * The expression with its threshold values masked: literals, and the bare name of a parameter a
 * threshold compares with (`{ fact: income, at_least: income_min }` prints `income >= income_min`;
 * `percent(part, whole, 0) <= limit`), so a parameter replaced by a number, or another
 * parameter, is a threshold change.
 */
function shape(condition: ConditionInfo): string {
  let masked = condition.expression.replace(LITERALS, '#');
  for (const t of condition.thresholds) {
    const value = t.kind === 'compare' ? t.value : thresholdShape(t)?.value;
    if (typeof value !== 'string' || !NAME.test(value)) continue;
    masked = masked.replace(new RegExp(`(?<![\\w'"])${value}(?![\\w'"])`, 'g'), '#');
  }
  return masked;
}

/** A name as expressions write it (compile/expression/lexer.ts): safe inside a regular expression. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function subject(t: Threshold): string {
  return t.kind === 'compare' ? `compare:${t.fact}` : (thresholdHooks(t.kind)?.subject(t) ?? t.kind);
}

/**
 * Reads the thresholds out of a condition's tree, so docs, diffs and test generators can say
 * "1.3: ≥ 98% of items" without knowing how the condition was written.
 */
import type { CompareOp, Expr } from './expression/ast.js';
import { FLIP } from './expression/compare-ops.js';
import { FUNCTIONS } from './functions/index.js';
import type { Threshold } from './compiled-ruleset.js';

/**
 * The values a parameter of the rule file (or of a fragment it includes) may take: a constant's
 * value, or every cell of a table; undefined for a name that is no parameter. A comparison with a
 * parameter is a threshold too, its value the parameter's name (`percent(a, b, 0) <= poverty_max`).
 */
export type ParameterValues = (name: string) => readonly number[] | undefined;

const NO_PARAMETERS: ParameterValues = () => undefined;

export function extractThresholds(expr: Expr, parameters: ParameterValues = NO_PARAMETERS): Threshold[] {
  const out: Threshold[] = [];
  eachThreshold(expr, (t) => out.push(t), parameters);
  return out;
}

/**
 * Each threshold of a condition's own tree with the constant it is compared with, whose range
 * is where the threshold is written (`at_least: 60`, or `60` inside an expression).
 */
export function eachThreshold(
  e: Expr,
  found: (t: Threshold, constant: Expr) => void,
  parameters: ParameterValues = NO_PARAMETERS,
): void {
  switch (e.kind) {
    case 'compare': {
      const fromLeft = threshold(e.op, e.left, e.right, parameters);
      const fromRight = fromLeft ? undefined : threshold(FLIP[e.op], e.right, e.left, parameters);
      if (fromLeft) found(fromLeft, e.right);
      else if (fromRight) found(fromRight, e.left);
      return;
    }
    case 'logical':
      for (const o of e.operands) eachThreshold(o, found, parameters);
      return;
    case 'not':
      eachThreshold(e.operand, found, parameters);
      return;
    default:
      return;
  }
}

function constantOf(e: Expr): number | string | boolean | undefined {
  if (e.kind === 'number' || e.kind === 'string' || e.kind === 'boolean') return e.value;
  if (e.kind === 'negate' && e.operand.kind === 'number') return -e.operand.value;
  return undefined;
}

function threshold(op: CompareOp, subject: Expr, other: Expr, parameters: ParameterValues): Threshold | undefined {
  if (other.kind === 'name') {
    // A parameter's name stands for its value, as a structured condition's `at_least: name` does.
    const values = parameters(other.name);
    if (values === undefined) return undefined;
    if (subject.kind === 'name')
      return parameters(subject.name) === undefined
        ? { kind: 'compare', fact: subject.name, op, value: other.name }
        : undefined;
    if (subject.kind === 'call') return FUNCTIONS.get(subject.name)?.thresholds?.from(subject, op, other.name, values);
    return undefined;
  }
  const value = constantOf(other);
  if (value === undefined) return undefined;
  if (subject.kind === 'name') return { kind: 'compare', fact: subject.name, op, value };
  // A function's call compared with a number reads as a threshold the function itself declares.
  if (subject.kind === 'call' && typeof value === 'number')
    return FUNCTIONS.get(subject.name)?.thresholds?.from(subject, op, value);
  return undefined;
}

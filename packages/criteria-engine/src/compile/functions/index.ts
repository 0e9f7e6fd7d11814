/** The function registry: the checker, the evaluator and the docs walk this list. */
import type { FunctionDefinition } from './function-definition.js';
import type { ThresholdHooks } from './threshold-hooks.js';
import { count } from './count.js';
import { known } from './known.js';
import { max, min } from './min-max.js';
import { percent } from './percent.js';

export const FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = new Map(
  [percent, known, min, max, count].map((f) => [f.name, f]),
);

/** The hooks of the function a threshold comes from (its `kind` is the function's name). */
export function thresholdHooks(kind: string): ThresholdHooks | undefined {
  return FUNCTIONS.get(kind)?.thresholds;
}

export type { FunctionDefinition, CheckContext } from './function-definition.js';
export type { ThresholdHooks, ThresholdPoint } from './threshold-hooks.js';

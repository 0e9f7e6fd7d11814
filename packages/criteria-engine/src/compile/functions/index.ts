/** The function registry: the checker, the evaluator and the docs walk this list. */
import type { FunctionDefinition } from './function-definition.js';
import type { ThresholdHooks, ThresholdShape } from './threshold-hooks.js';
import type { FunctionThreshold } from './threshold-kinds.js';
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

/** How a function's threshold reads (its unit, the ratio it measures), as its hooks say. */
export function thresholdShape(t: FunctionThreshold): ThresholdShape | undefined {
  const hooks = thresholdHooks(t.kind);
  return hooks?.shape(hooks.diffValue(t));
}

export type { FunctionDefinition, CheckContext } from './function-definition.js';
export type { RatioThreshold, ThresholdHooks, ThresholdPoint } from './threshold-hooks.js';

/** The function registry: the checker, the evaluator and the docs walk this list. */
import type { FunctionDefinition } from './function-definition.js';
import { known } from './known.js';
import { max, min } from './min-max.js';
import { percent } from './percent.js';

export const FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = new Map(
  [percent, known, min, max].map((f) => [f.name, f]),
);

export type { FunctionDefinition, CheckContext } from './function-definition.js';

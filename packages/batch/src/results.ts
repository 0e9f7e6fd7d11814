/**
 * One line of a results file (JSON Lines): a row's result, its decision only, or its problems.
 * Every row of the input has a line, bad rows included, so nothing is lost between input and
 * output; `row` ties each line back to the input.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Decision, Diagnostic, EvaluationResult } from '@lcz/criteria-engine';
import { asError } from './errors.js';
import type { BatchArea } from './record.js';

export type BatchResultLine =
  | { readonly row: number; readonly area: BatchArea; readonly status: 'evaluated'; readonly result: EvaluationResult }
  | {
      readonly row: number;
      readonly area: BatchArea;
      readonly status: 'decided';
      readonly decision: Decision;
      /** For a scheme with levels: the highest level certainly reached, and the highest still possible (ids, or null). */
      readonly level?: { readonly reached: string | null; readonly possible: string | null };
      /** Passed criteria per standard, in the rule file's order. */
      readonly standards: readonly { readonly id: string; readonly passed: number }[];
    }
  | {
      readonly row: number;
      readonly area: BatchArea;
      readonly status: 'invalid';
      readonly diagnostics: readonly Diagnostic[];
      /** Each diagnostic as `file:line:column: … → hint`, in both languages. */
      readonly messages: { readonly vi: readonly string[]; readonly en: readonly string[] };
    };

/**
 * The lines of a results file, in order. A line that is not JSON, or not a results line (its row,
 * area and status, and what that status carries), throws, naming its number.
 */
export function readResultLines(path: string): AsyncIterable<BatchResultLine> {
  return {
    async *[Symbol.asyncIterator]() {
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        n += 1;
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch (error) {
          throw new Error(`${path}:${n}: not a results line (${asError(error).message})`);
        }
        if (!isResultLine(parsed)) throw new Error(`${path}:${n}: not a results line (no row, area and status)`);
        yield parsed;
      }
    },
  };
}

/**
 * The shape of a line evaluateBatch writes: its row, its area and, by its status, the result, the
 * decision or the problems. What these hold is the engine's and evaluateBatch's, not checked again.
 */
function isResultLine(value: unknown): value is BatchResultLine {
  if (!isRecord(value) || typeof value['row'] !== 'number' || !isRecord(value['area'])) return false;
  switch (value['status']) {
    case 'evaluated':
      return isRecord(value['result']);
    case 'decided':
      return typeof value['decision'] === 'string' && Array.isArray(value['standards']);
    case 'invalid':
      return Array.isArray(value['diagnostics']) && isRecord(value['messages']);
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** The lines of a results file, in order. A line that is not JSON throws, naming its number. */
export function readResultLines(path: string): AsyncIterable<BatchResultLine> {
  return {
    async *[Symbol.asyncIterator]() {
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        n += 1;
        if (line.trim() === '') continue;
        try {
          // cast: the lines are the ones evaluateBatch wrote; JSON.parse types them `any`.
          yield JSON.parse(line) as BatchResultLine;
        } catch (error) {
          throw new Error(`${path}:${n}: not a results line (${asError(error).message})`);
        }
      }
    },
  };
}

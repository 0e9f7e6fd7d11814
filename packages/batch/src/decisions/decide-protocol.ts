/**
 * The messages between the main thread (decide-workers.ts) and a decide worker
 * (decide-worker.ts). Everything in them is structured-cloneable data.
 */
import type { CompiledRulesFile } from '@lcz/criteria-engine/tools';
import type { CsvSyntaxError } from '../formats/csv-fast.js';
import type { DecisionItem, SheetHeader } from './csv-decision-reader.js';

/** What a batch's blocks are read with. */
export interface BatchSetup {
  /** The ruleset as a compiled rules file (the worker checks its loaded ruleset has its hash). */
  readonly compiled: CompiledRulesFile;
  /** The input's name, for diagnostics. */
  readonly file: string;
  readonly delimiter: string;
  /** Whether result lines are wanted. */
  readonly lines: boolean;
  readonly header: SheetHeader;
  /**
   * The URL of the generated decide module the main thread's ruleset runs (`lcz build`'s
   * .decide.mjs, engine generatedModuleUrl), for the worker to import and decide with too.
   */
  readonly generated?: string;
}

export type ToWorker =
  | ({ readonly kind: 'batch'; readonly batch: number } & BatchSetup)
  | {
      readonly kind: 'block';
      readonly batch: number;
      readonly block: number;
      /** Whole records (the last block: up to the end of the file). */
      readonly bytes: Uint8Array;
      /** The spreadsheet row of the record before the block, and the line the block starts on. */
      readonly row: number;
      readonly line: number;
      /**
       * Memory of result lines already written to the output, moved back for the worker to put
       * the next lines in (BlockReply.items): new memory per block was paged in each time and
       * made the garbage collector run for it, on both threads.
       */
      readonly spare?: readonly ArrayBuffer[];
    }
  | { readonly kind: 'end'; readonly batch: number };

export interface BlockReply {
  readonly kind: 'block';
  readonly block: number;
  /** In file order; the header problems and file problems never come from a worker. */
  readonly items: readonly DecisionItem[];
  /** The spreadsheet row of the block's last record, and the line after it. */
  readonly row: number;
  readonly line: number;
  /** Whether the worker decided with a generated decide module (BatchSetup.generated) or with the closures. */
  readonly generatedDecide: boolean;
  /** The block's first syntax error: reading the file stops there. */
  readonly error?: CsvSyntaxError;
  /**
   * The memory the block came in, moved back once read (the reader copies what it keeps), for the
   * main thread to read the next blocks into: a new 512 KiB array per block, zero-filled and
   * paged in, cost the main thread as much as reading the choice cells.
   */
  readonly spent?: ArrayBuffer;
}

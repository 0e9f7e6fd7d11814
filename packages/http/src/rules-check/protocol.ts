/**
 * What goes between the HTTP thread and the rules worker (rules-worker.ts): a rule text to check,
 * and what the check found. Plain data only: diagnostics are structured-cloned, and the compiled
 * ruleset never leaves the worker (only its summary does).
 */
import type { Diagnostic } from '@lcz/criteria-engine';
import type { rulesetSummary } from '../handlers/summary.js';

export interface CheckJob {
  readonly job: number;
  readonly text: string;
  readonly file: string;
}

export interface CheckReply {
  readonly job: number;
  /** The diagnostics to show, already capped per file and per row (capDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** Every diagnostic counted, capped or not. */
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** When the text loaded without errors: what it is (id, version, title, counts). */
  readonly summary?: ReturnType<typeof rulesetSummary>;
}

/** What the worker sends: 'ready' once, when its code is loaded, then one reply per job. */
export type FromWorker = 'ready' | CheckReply;

/**
 * What an app passes to the plugin, and the named limits with their defaults. Limits are checked
 * once, at registration: a wrong value stops the server from starting with a message that says
 * which option and what is valid, never a silent fallback.
 */
import { availableParallelism } from 'node:os';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type { ApiKey, RecordsStore } from '@lcz/criteria-records';

export interface Limits {
  /** Largest request body, in bytes (JSON, YAML). Larger bodies get 413. */
  readonly bodyBytes: number;
  /** Most assessments in one POST /v1/evaluate/batch. */
  readonly batchLength: number;
  /**
   * Longest time a handler may take once the body is read, in milliseconds; then 503 `timeout`.
   * Checked between slices of a batch (a single evaluation takes well under a millisecond).
   */
  readonly handlerTimeoutMs: number;
  /**
   * Most keys in one JSON object of a body (an assessment's facts): bounds the work one request
   * can cause, whatever fits under `bodyBytes`. Larger objects get 413.
   */
  readonly objectKeys: number;
  /**
   * Most facts in one assessment (each of a batch): the engine's checks cost most per fact a
   * ruleset does not declare, so this bounds one request's work. More gets 413 `too_many_facts`,
   * at the assessment's `facts`, before anything is validated.
   */
  readonly facts: number;
  /**
   * Longest time one rule text sent to POST /v1/rules/validate may take to check, in
   * milliseconds. It is checked in a worker thread that is stopped when the time is up: 503
   * `rules_check_timeout`, while the server goes on answering.
   */
  readonly rulesCheckMs: number;
  /**
   * Most requests waiting for a body worker (bodyWorkers) at once; a request that finds this
   * many waiting is answered at once 503 `busy` with Retry-After, never kept in a growing
   * backlog. With the defaults, 32 waiting bodies are at most 32 MiB of memory.
   */
  readonly queuedRequests: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  bodyBytes: 1024 * 1024,
  batchLength: 200,
  handlerTimeoutMs: 10_000,
  objectKeys: 1000,
  facts: 200,
  rulesCheckMs: 5_000,
  queuedRequests: 32,
});

/**
 * Body workers by default: one per core but one, the one left to the HTTP thread (and at least
 * one, at most four: past that, the HTTP thread's share of parsing nothing is not the limit).
 */
function defaultBodyWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export interface CriteriaHttpOptions {
  /**
   * The rulesets to serve: compiled rulesets, or paths of rule files or of directories holding
   * `ruleset.yaml`. Paths are loaded at registration; a broken file stops the app from starting.
   */
  readonly rules: string | readonly string[] | readonly CompiledRuleset[];
  readonly limits?: Partial<Limits>;
  /**
   * Let POST /v1/evaluate, /v1/evaluate/batch and /v1/explain evaluate rules sent in the request
   * (`rules`: YAML text). Off by default: an uploaded rule file is then only ever validated.
   */
  readonly allowUploadedRulesetEvaluation?: boolean;
  /** Prefix of the `type` URI of problems; the slug is appended. Default `urn:lcz:problem:`. */
  readonly problemTypeBase?: string;
  /**
   * Worker threads that read and answer the bodies of the evaluating routes (evaluate, decide,
   * explain, batch) and parse the other large JSON bodies, so that the HTTP thread's event loop
   * never holds a parse, a check, an evaluation or a serialisation (docs/http.md, "Bodies off
   * the event loop"). 0: all of it on the HTTP thread, in turns (event-loop-share.ts). Default:
   * defaultBodyWorkers(). Rulesets the engine did not load (objects made by hand) cannot be sent
   * to a worker: with those, 0.
   */
  readonly bodyWorkers?: number;
  /** Serve the record of the yearly cycle under /v1/records (docs/http.md, "The record"). */
  readonly records?: RecordsHttpOptions;
}

/** The record served over HTTP: reads for everyone (summaries) and writes by API key and role. */
export interface RecordsHttpOptions {
  /** An open record (@lcz/criteria-records); the app opens and closes it. */
  readonly store: RecordsStore;
  /** The rules whose facts are entered: which facts exist, their types, and who answers for each. */
  readonly ruleset: CompiledRuleset;
  /** The keys (loadApiKeys of @lcz/criteria-records): without any, the record only reads. */
  readonly keys: readonly ApiKey[];
}

/** A mistake in the options an app passed: thrown at registration, worded for the operator. */
export class CriteriaHttpOptionsError extends Error {
  override readonly name = 'CriteriaHttpOptionsError';
}

/** The bodyWorkers option: a whole number 0–64, else the reason it is refused. */
export function resolveBodyWorkers(given: number | undefined): number {
  if (given === undefined) return defaultBodyWorkers();
  if (!Number.isSafeInteger(given) || given < 0 || given > 64)
    throw new CriteriaHttpOptionsError(
      `bodyWorkers must be a whole number 0–64, not ${String(given)} / bodyWorkers phải là số nguyên từ 0 đến 64`,
    );
  return given;
}

export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(limits)) {
    if (!(name in DEFAULT_LIMITS)) {
      problems.push(
        `limits.${name} is not a limit (known: ${Object.keys(DEFAULT_LIMITS).join(', ')}) / không có giới hạn limits.${name}`,
      );
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      problems.push(
        `limits.${name} must be a whole number ≥ 1, not ${String(value)} / limits.${name} phải là số nguyên ≥ 1`,
      );
    }
  }
  if (problems.length > 0) throw new CriteriaHttpOptionsError(problems.join('\n'));
  return Object.freeze(limits);
}

/**
 * What every handler gets and returns. Handlers know nothing of Fastify (or of HTTP beyond a
 * status): they take plain input and return an outcome, so they are tested and reused alone.
 */
import type { Limits } from '../options.js';
import type { Lang, ProblemEntry, ProblemKind } from '../problem.js';
import type { RulesetRegistry } from '../registry.js';
import type { RulesChecker } from '../rules-check/rules-checker.js';

export interface HandlerContext {
  readonly registry: RulesetRegistry;
  readonly limits: Limits;
  readonly allowInlineRules: boolean;
  /** Where the versioned API lives, e.g. `/v1` or `/api/v1`: for links and hints. */
  readonly basePath: string;
  /** The OpenAPI document (built once, on first use). */
  readonly openapi: () => object;
  /** Checks rule texts off the event loop, with the time limit limits.rulesCheckMs. */
  readonly rulesChecker: RulesChecker;
}

export interface HandlerInput {
  /** The parsed body: a JSON value, or the text of a YAML body. */
  readonly body?: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** The client's language (Accept-Language), for texts that come in one language. */
  readonly lang: Lang;
  /** Aborted when the request is given up (time limit, client gone): long work stops early. */
  readonly signal?: AbortSignal;
  /** The Authorization header, for routes that take an API key (records). */
  readonly authorization?: string;
}

export type Outcome =
  | { readonly status: 200; readonly body: unknown; readonly contentType: string }
  | { readonly problem: ProblemKind; readonly errors: readonly ProblemEntry[] };

const JSON_TYPE = 'application/json';

export function ok(body: unknown, contentType: string = JSON_TYPE): Outcome {
  return { status: 200, body, contentType };
}

export function problem(kind: ProblemKind, errors: readonly ProblemEntry[]): Outcome {
  return { problem: kind, errors };
}

/** Problems found by separate checks: one kind when they agree, else all as `invalid-request`. */
export function combine(
  parts: readonly { readonly kind: ProblemKind; readonly errors: readonly ProblemEntry[] }[],
): Outcome | undefined {
  const found = parts.filter((p) => p.errors.length > 0);
  const [first] = found;
  if (first === undefined) return undefined;
  const errors = sortByPointer(found.flatMap((p) => p.errors));
  return found.every((p) => p.kind === first.kind) ? problem(first.kind, errors) : problem('invalid-request', errors);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries in body order: by pointer, array indexes compared as numbers; unplaced ones first. */
function sortByPointer(errors: readonly ProblemEntry[]): ProblemEntry[] {
  const key = (e: ProblemEntry) => (e.pointer ?? '').split('/');
  return [...errors].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const p = x[i] ?? '';
      const q = y[i] ?? '';
      if (p === q) continue;
      const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
      return numeric ? Number(p) - Number(q) : p < q ? -1 : 1;
    }
    return x.length - y.length;
  });
}

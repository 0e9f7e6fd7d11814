/**
 * What goes between the HTTP thread and a body worker (body-worker.ts). Plain data only. A
 * request's body goes over as its raw bytes (moved, not copied, when the buffer is its own) and
 * the answer comes back as the bytes to send (moved too): no parsed body and no result object
 * ever exists on the HTTP thread, so neither its event loop nor its garbage collector pays for
 * them.
 */
import type { CompiledRulesFile } from '@lcz/criteria-engine/tools';
import type { ProblemError } from '../json-body.js';
import type { Limits } from '../options.js';
import type { Lang, ProblemEntry, ProblemKind } from '../problem.js';

/** What every worker is started with (workerData): the server's rulesets and settings. */
export interface WorkerSetup {
  /** The registry's rulesets, in its order, each as a compiled rules file (compiledRulesOf). */
  readonly rulesets: readonly {
    readonly compiled: CompiledRulesFile;
    /** The generated decide module the HTTP thread's ruleset runs, if any (generatedModuleUrl). */
    readonly generated?: string;
  }[];
  readonly limits: Limits;
  readonly allowInlineRules: boolean;
  readonly basePath: string;
  readonly typeBase: string;
}

/** Answer one request of a route the workers serve (RouteSpec.worker): read its body, run its handler. */
export interface AnswerJob {
  readonly kind: 'answer';
  readonly job: number;
  readonly operationId: string;
  /** The body as received (undefined: the request had none). */
  readonly bytes?: Uint8Array;
  /** The request's Content-Type header, for the problems that name it. */
  readonly contentType?: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly lang: Lang;
  /** The request's path and query (the problem's `instance`). */
  readonly url: string;
  readonly requestId: string;
}

/** Parse a large JSON body of a route served on the HTTP thread (its value goes back). */
export interface ParseJob {
  readonly kind: 'parse';
  readonly job: number;
  readonly bytes: Uint8Array;
}

/** The request was given up (time limit, client gone): stop its work between two steps. */
export interface AbortJob {
  readonly kind: 'abort';
  readonly job: number;
}

export type ToWorker = AnswerJob | ParseJob | AbortJob;

/** What a log line on the HTTP thread says about the answer, as Fastify's error handler logs it. */
export type AnswerLog =
  | { readonly level: 'info'; readonly problem: ProblemKind; readonly codes: readonly string[] }
  | { readonly level: 'error'; readonly error: string };

export interface AnswerReply {
  readonly kind: 'answer';
  readonly job: number;
  readonly status: number;
  /** The media type, as the handler gave it (the HTTP thread adds the charset as Fastify does). */
  readonly contentType: string;
  /** The answer's body, UTF-8. */
  readonly bytes: Uint8Array;
  readonly log?: AnswerLog;
}

export interface ParseReply {
  readonly kind: 'parse';
  readonly job: number;
  readonly value?: unknown;
  /** The body's located problem (a ProblemError's), or a bug's message. */
  readonly problem?: {
    readonly kind: ProblemError['kind'];
    readonly errors: readonly ProblemEntry[];
  };
  readonly error?: string;
}

/** 'ready' once the worker has loaded its code and the rulesets, then one reply per job. */
export type FromWorker = 'ready' | AnswerReply | ParseReply;

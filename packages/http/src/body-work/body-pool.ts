/**
 * The body workers (body-worker.ts): a few worker threads that read the bodies of the costly
 * routes and answer them, and parse the large bodies of the others, so that no request's body
 * is ever decoded, parsed, checked, evaluated or serialised on the HTTP thread.
 *
 * - Each worker does one job at a time; jobs wait in one queue, first come first served.
 * - The queue is bounded (limits.queuedRequests): a request that finds it full is not queued
 *   but answered at once, 503 `busy` with Retry-After. So a flood of bodies costs the HTTP
 *   thread their bytes and nothing more, and a client learns it should come back, instead of
 *   an unbounded backlog that answers everyone late.
 * - A request given up (its time limit, the client gone) leaves the queue; if a worker is on
 *   it, the worker is told to stop (a batch stops between two assessments) and, if it has not
 *   answered `GRACE_MS` later, it is terminated and replaced: a stuck job costs one worker.
 * - A worker that dies while answering (a bug, out of memory) fails that request alone, with
 *   `crashed` (a 500 with the request id): a fresh worker takes the next job.
 * - The first worker starts when the server is ready (warm), one more each time all are busy
 *   and a job waits, up to `size`; an idle worker does not keep the process alive.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import type { AnswerJob, AnswerReply, FromWorker, ParseReply, ToWorker, WorkerSetup } from './protocol.js';

/** Why a job got no reply from a worker. */
export type PoolFailure =
  | { readonly failed: 'busy' | 'closing' }
  | { readonly failed: 'crashed'; readonly error: Error };

/** What a client that met a full queue is told to wait, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;

/** How long a worker told to stop a job may take before it is terminated. */
const GRACE_MS = 1000;

/**
 * Memory one worker may use: a body is at most limits.bodyBytes (1 MiB by default) and its
 * answer a few MB; a job that needs more ends as that job's 500, not as the server's crash.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 } as const;

type Reply = AnswerReply | ParseReply;

interface Job {
  readonly message: Exclude<ToWorker, { kind: 'abort' }>;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (reply: Reply | PoolFailure) => void;
  readonly reject: (reason: unknown) => void;
  /** The request's time limit (limits.handlerTimeoutMs), and its timer once it runs. */
  readonly timeoutMs: number | undefined;
  timer?: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  /** The job it is on; `abandoned` once its request was given up (its reply is then dropped). */
  job?: { readonly job: Job; abandoned?: NodeJS.Timeout } | undefined;
}

export class BodyPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextJob = 1;
  private closing = false;

  /**
   * `size`: the most workers; `maxQueued`: the most jobs waiting for one (limits.queuedRequests).
   * `setup`: what every worker is started with (the server's rulesets as compiled files).
   */
  constructor(
    private readonly setup: WorkerSetup,
    private readonly size: number,
    private readonly maxQueued: number,
  ) {}

  /**
   * Answer a request of a worker route. Rejects with the signal's reason when it fires first
   * (the client gone), or with a TimeoutError past `timeoutMs`. The time limit counts from when
   * the request is queued, waiting included, but not while no worker has started yet: from the
   * TypeScript sources on a busy machine a worker's start took seconds, which no request caused.
   */
  answer(
    job: Omit<AnswerJob, 'kind' | 'job'>,
    signal: AbortSignal,
    timeoutMs?: number,
  ): Promise<AnswerReply | PoolFailure> {
    return this.submit({ ...job, kind: 'answer', job: this.nextJob++ }, signal, timeoutMs).then((reply) =>
      'failed' in reply || reply.kind === 'answer' ? reply : mismatched(reply),
    );
  }

  /** Parse a large JSON body (a route served on the HTTP thread). */
  parse(bytes: Uint8Array): Promise<ParseReply | PoolFailure> {
    return this.submit({ kind: 'parse', job: this.nextJob++, bytes }, undefined, undefined).then((reply) =>
      'failed' in reply || reply.kind === 'parse' ? reply : mismatched(reply),
    );
  }

  /**
   * Start the first worker now (the server is ready), so that it has loaded its code and the
   * rulesets before the first body comes: from the TypeScript sources on a busy machine that
   * took seconds, which the first request's time limit counted.
   */
  warm(): void {
    if (this.slots.length === 0 && !this.closing) this.start();
  }

  /** The worker threads running now (the tests watch them end, and be replaced). */
  workers(): readonly Worker[] {
    return this.slots.map((slot) => slot.worker);
  }

  /**
   * The server is closing (preClose): requests still waiting are answered `closing` at once
   * (503), and so is every later one; the jobs being answered finish.
   */
  stopTaking(): void {
    this.closing = true;
    for (const job of this.queue.splice(0)) done(job).resolve({ failed: 'closing' });
  }

  /** The server has closed (onClose: every request answered): the workers end. */
  async close(): Promise<void> {
    this.stopTaking();
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.settle(slot, { failed: 'closing' });
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private submit(
    message: Job['message'],
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
  ): Promise<Reply | PoolFailure> {
    return new Promise((resolve, reject) => {
      if (this.closing) return resolve({ failed: 'closing' });
      if (signal?.aborted) return reject(signal.reason);
      const job: Job = { message, signal, resolve, reject, timeoutMs };
      const idle = this.slots.some((slot) => slot.ready && slot.job === undefined);
      if (!idle && this.queue.length >= this.maxQueued) return resolve({ failed: 'busy' });
      signal?.addEventListener('abort', () => this.abandon(job, signal.reason), { once: true });
      this.queue.push(job);
      if (this.slots.some((slot) => slot.ready)) this.time(job);
      this.pump();
    });
  }

  /** Start the job's time limit, once. */
  private time(job: Job): void {
    if (job.timeoutMs === undefined || job.timer !== undefined) return;
    job.timer = setTimeout(
      // The reason AbortSignal.timeout gives: answered 503 `timeout` by the error handler.
      () => this.abandon(job, new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      job.timeoutMs,
    );
    job.timer.unref();
  }

  /** Give waiting jobs to idle workers; start a worker when every one is busy and there is room. */
  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.job === undefined);
      if (slot === undefined) break;
      const job = this.queue.shift();
      if (job === undefined) break;
      slot.job = { job };
      const { bytes } = job.message;
      // The body's bytes move to the worker without a copy when the buffer is the body's own.
      const buffer = bytes?.buffer;
      const own = buffer instanceof ArrayBuffer && bytes?.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
      slot.worker.postMessage(job.message, own ? [buffer] : []);
    }
    const starting = this.slots.some((s) => !s.ready);
    if (this.queue.length > 0 && !starting && this.slots.length < this.size && !this.closing) this.start();
  }

  private start(): void {
    const worker = startWorker('body-work/body-worker.ts', { workerData: this.setup, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (reply: FromWorker) => {
      if (reply === 'ready') {
        slot.ready = true;
        // A worker is there: the time limits of the requests that waited for one start now.
        for (const job of this.queue) this.time(job);
        this.pump();
        return;
      }
      if (slot.job?.job.message.job === reply.job) {
        this.settle(slot, reply);
        this.pump();
      }
    });
    // Its message says why; the exit that follows does the rest.
    let failure: Error | undefined;
    worker.on('error', (error: Error) => {
      failure ??= error;
    });
    worker.on('exit', (code) => {
      const at = this.slots.indexOf(slot);
      if (at === -1) return; // closed by the pool
      this.slots.splice(at, 1);
      const error = failure ?? new Error(`criteria-http: a body worker stopped (exit code ${code})`);
      if (!slot.ready) {
        // It could not even start (its code missing, a ruleset it cannot load): the jobs
        // waiting fail with that error, and no worker is started again until the next job.
        for (const job of this.queue.splice(0)) done(job).resolve({ failed: 'crashed', error });
        return;
      }
      if (slot.job) this.settle(slot, { failed: 'crashed', error });
      this.pump();
    });
  }

  /** The slot's job is done: its request answered (unless it was given up), the slot idle. */
  private settle(slot: Slot, outcome: Reply | PoolFailure): void {
    const running = slot.job;
    slot.job = undefined;
    if (running === undefined) return;
    if (running.abandoned !== undefined) clearTimeout(running.abandoned);
    else done(running.job).resolve(outcome);
  }

  /** A request given up: out of the queue, or its worker told to stop, and terminated if it does not. */
  private abandon(job: Job, reason: unknown): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) {
      this.queue.splice(at, 1);
      done(job).reject(reason);
      return;
    }
    const slot = this.slots.find((s) => s.job?.job === job);
    if (slot?.job === undefined || slot.job.abandoned !== undefined) return;
    done(job).reject(reason);
    slot.worker.postMessage({ kind: 'abort', job: job.message.job } satisfies ToWorker);
    slot.job.abandoned = setTimeout(() => void slot.worker.terminate(), GRACE_MS);
    slot.job.abandoned.unref();
  }
}

/** The job is answered (or given up): its time limit stops. */
function done(job: Job): Job {
  if (job.timer !== undefined) clearTimeout(job.timer);
  return job;
}

/**
 * A worker answered a job with the other kind of reply: body-worker.ts answers each job with its
 * own kind, so this is a bug here, thrown as one (the route answers 500 internal_error).
 */
function mismatched(reply: Reply): never {
  throw new Error(`body worker: job ${reply.job} was answered with a ${reply.kind} reply`);
}

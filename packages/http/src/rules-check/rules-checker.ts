/**
 * Checks rule texts in a worker thread (rules-worker.ts) with a time limit. One worker, started
 * on the first check and kept; texts are checked one after another. When a text runs past the
 * limit, or the worker runs out of its memory, the worker is terminated (that is the only way to
 * stop synchronous work) and a fresh one is started for the next text: a hostile rule file costs
 * the server one worker, never its event loop.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import type { CheckJob, CheckReply, FromWorker } from './protocol.js';

/** Why a check gave no reply: past the time limit, out of memory, or the server closing. */
export type CheckFailure = { readonly failed: 'timeout' | 'memory' | 'closing' };

/** Texts still waiting (or being checked) when the server closes: a reply, not an error. */
const CLOSING: CheckFailure = { failed: 'closing' };

interface Queued {
  readonly job: CheckJob;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (outcome: CheckReply | CheckFailure) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Memory a worker may use. Far above any real rule file (the Lai Châu rules take a few MB); a
 * text that needs more ends as `memory`, not as the server's out-of-memory crash.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 } as const;

export class RulesChecker {
  private worker: Worker | undefined;
  /** Whether the worker has loaded its code: jobs wait until then, outside the time limit. */
  private ready = false;
  private readonly queue: Queued[] = [];
  private running: { readonly item: Queued; readonly timer: NodeJS.Timeout } | undefined;
  private nextJob = 1;
  private closed = false;

  /** `timeoutMs`: the longest one text may take, counted from when the (loaded) worker gets it. */
  constructor(private readonly timeoutMs: number) {}

  /**
   * Check one rule text. Resolves with what the check found, or with why it was stopped; a
   * request given up meanwhile (`signal`: the handler's time limit, the client gone) leaves the
   * queue, or stops the worker if its text is the one being checked.
   */
  check(text: string, file: string, signal?: AbortSignal): Promise<CheckReply | CheckFailure> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        resolve(CLOSING);
        return;
      }
      signal?.throwIfAborted();
      const item: Queued = { job: { job: this.nextJob++, text, file }, signal, resolve, reject };
      signal?.addEventListener('abort', () => this.abandon(item), { once: true });
      this.queue.push(item);
      this.pump();
    });
  }

  /**
   * Stop the worker (the server is closing). Texts still waiting, and the one being checked, get
   * `closing`: their requests are answered that the server is shutting down (503), not as a bug.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.resolve(CLOSING);
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.item.resolve(CLOSING);
      this.running = undefined;
    }
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.running || this.closed || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return; // pumped again when it is
    const item = this.queue.shift();
    if (item === undefined) return;
    const timer = setTimeout(() => this.stop({ failed: 'timeout' }), this.timeoutMs);
    this.running = { item, timer };
    worker.postMessage(item.job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('rules-check/rules-worker.ts', { resourceLimits: WORKER_LIMITS });
    this.ready = false;
    // An idle worker does not keep the process alive; a server's close() terminates it.
    worker.unref();
    worker.on('message', (reply: FromWorker) => {
      if (reply === 'ready') {
        if (this.worker === worker) this.ready = true;
        this.pump();
        return;
      }
      const running = this.running;
      if (running === undefined || running.item.job.job !== reply.job) return;
      clearTimeout(running.timer);
      this.running = undefined;
      running.item.resolve(reply);
      this.pump();
    });
    // A worker that cannot even start (its code missing): every waiting text fails with that
    // error (a 500 with the request id), and no new worker is started until the next check.
    const failedStart = (error: Error): boolean => {
      if (this.worker !== worker || this.ready) return false;
      this.worker = undefined;
      for (const item of this.queue.splice(0)) item.reject(error);
      return true;
    };
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker || failedStart(error)) return;
      // A text that needs more memory than the worker has: that text's answer, not a crash.
      this.stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { failed: 'memory' } : undefined, error);
    });
    worker.on('exit', (code) => {
      if (failedStart(new Error(`criteria-http: the rules worker could not start (exit code ${code})`))) return;
      if (this.worker === worker) this.stop(undefined, new Error('criteria-http: the rules worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  /** End the text being checked (with `outcome`, else as an error) and start afresh. */
  private stop(outcome: CheckFailure | undefined, error?: Error): void {
    const running = this.running;
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    void worker?.terminate();
    if (running) {
      clearTimeout(running.timer);
      if (outcome) running.item.resolve(outcome);
      else running.item.reject(error ?? new Error('criteria-http: the rules worker stopped'));
    }
    this.pump();
  }

  /** A request given up: out of the queue, or, if its text is being checked, the worker stopped. */
  private abandon(item: Queued): void {
    const at = this.queue.indexOf(item);
    if (at >= 0) {
      this.queue.splice(at, 1);
      item.reject(item.signal?.reason instanceof Error ? item.signal.reason : new Error('aborted'));
      return;
    }
    if (this.running?.item === item)
      this.stop(undefined, item.signal?.reason instanceof Error ? item.signal.reason : new Error('aborted'));
  }
}

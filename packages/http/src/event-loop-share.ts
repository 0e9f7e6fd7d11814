/**
 * The costly steps of requests (parsing a large body, checking or evaluating one assessment of a
 * batch) run from one queue, a few milliseconds of them per turn of the event loop, so that
 * between two turns Node reads the sockets again and answers /healthz and small requests.
 *
 * Why one queue for the process, not a `setImmediate` per request between slices: every
 * immediate queued before a turn runs in that turn, so 20 clients each yielding between slices
 * of 10 ms still held the loop for 200 ms at a time. Here the whole process does at most
 * `TURN_MS` of queued steps (plus the one step that crosses it) before the sockets are read
 * again, whatever the number of clients; steps of different requests take turns in order.
 */

/** Queued work done in one turn of the event loop before the sockets are read again. */
const TURN_MS = 8;

interface Step {
  /** Does the work and settles the step's promise with its result or its error. */
  readonly run: () => void;
  readonly signal: AbortSignal | undefined;
  readonly reject: (reason: unknown) => void;
}

/** Steps in order; those before `head` are done (emptied, so that they can be collected). */
const queue: (Step | undefined)[] = [];
let head = 0;
let scheduled = false;

/**
 * Run `work` (synchronous, a few milliseconds at most) in its turn. Rejects with the signal's
 * reason, without running it, when the signal has fired by then (the time limit, the client gone).
 */
export function inTurn<T>(work: () => T, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    };
    queue.push({ run, signal, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runTurn);
    }
  });
}

function runTurn(): void {
  const start = performance.now();
  while (head < queue.length && performance.now() - start < TURN_MS) {
    const step = queue[head];
    queue[head++] = undefined;
    if (step === undefined) continue;
    if (step.signal?.aborted) step.reject(step.signal.reason);
    else step.run();
  }
  if (head === queue.length) {
    queue.length = 0;
    head = 0;
    scheduled = false;
    return;
  }
  // Queued from inside this turn, the next immediate runs after the sockets have been polled.
  setImmediate(runTurn);
}

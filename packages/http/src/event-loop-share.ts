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
  /** The request's place: steps of a request that came earlier go first. */
  readonly ticket: number;
  /** Does the work and settles the step's promise with its result or its error. */
  readonly run: () => void;
  readonly signal: AbortSignal | undefined;
  readonly reject: (reason: unknown) => void;
}

/**
 * Steps waiting, by ticket. A request has at most one step waiting at a time (it queues the
 * next when the last is done), so the queue is as long as the requests in progress.
 */
const queue: Step[] = [];
let scheduled = false;
let lastTicket = 0;

/**
 * A place in the queue for the steps of one request: before those of every request that takes
 * its ticket later. So the oldest request in progress finishes first, instead of 20 batches
 * sharing the turns evenly and all finishing (or all reaching the time limit) at the end.
 */
export function takeTicket(): number {
  return ++lastTicket;
}

export interface TurnOptions {
  /** Stops the step before it runs: the time limit, the client gone. */
  readonly signal?: AbortSignal | undefined;
  /** The request's place (takeTicket); without one, after every step waiting. */
  readonly ticket?: number;
}

/**
 * Run `work` (synchronous, a few milliseconds at most) in its turn. Rejects with the signal's
 * reason, without running it, when the signal has fired by then.
 */
export function inTurn<T>(work: () => T, options: TurnOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    };
    const ticket = options.ticket ?? takeTicket();
    const after = queue.findIndex((step) => step.ticket > ticket);
    queue.splice(after === -1 ? queue.length : after, 0, { ticket, run, signal: options.signal, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runTurn);
    }
  });
}

function runTurn(): void {
  const start = performance.now();
  // A step done may queue its request's next one (once this turn's callbacks have run): that
  // one waits for the next turn.
  for (let step = queue.shift(); step !== undefined; step = queue.shift()) {
    if (step.signal?.aborted) step.reject(step.signal.reason);
    else step.run();
    if (performance.now() - start >= TURN_MS) break;
  }
  if (queue.length === 0) {
    scheduled = false;
    return;
  }
  // Queued from inside this turn, the next immediate runs after the sockets have been polled.
  setImmediate(runTurn);
}

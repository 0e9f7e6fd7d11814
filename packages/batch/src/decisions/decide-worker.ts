/**
 * A decide worker (worker thread): reads blocks of a CSV file's body with the same CsvDecisions
 * the main thread uses, and sends back each block's decided runs and careful records. The
 * protocol and the pool are in decide-workers.ts; this file is the thread's entry point (built as
 * its own file, see package.json "workers").
 *
 * The ruleset comes as a compiled rules file (`compiledRulesOf` in the main thread) and is
 * loaded through the engine's runtime entry: no YAML parser, no schema validation, a few
 * milliseconds. It is the main thread's ruleset (same documents, same hash), so both decide by
 * the same rules; when the main thread's ruleset runs a generated decide module (`lcz build`'s
 * .decide.mjs), the worker imports the same module and runs it too.
 *
 * Messages are handled one after the other, each after the one before has finished: a batch's
 * setup may wait for its module to import, and its blocks must wait for it.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import {
  loadCompiledRuleset,
  usesGeneratedDecide,
  type CompiledRuleset,
  type GeneratedModule,
} from '@lcz/criteria-engine/runtime';
import { CsvDecisions, isDecidedRun } from './csv-decision-reader.js';
import type { BatchSetup, BlockReply, ToWorker } from './decide-protocol.js';
import { ownBuffer } from './own-buffer.js';

function workerPort(): MessagePort {
  if (parentPort === null) throw new Error('decide-worker.ts runs as a worker thread (decide-workers.ts starts it)');
  return parentPort;
}
const port = workerPort();

interface Batch {
  readonly decisions: CsvDecisions;
  readonly generatedDecide: boolean;
}

/** Rulesets by hash and module: a pool kept across batches (the tests') loads each one once. */
const rulesets = new Map<string, CompiledRuleset>();
const batches = new Map<number, Batch>();

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message)).catch(stop);
});

/** A failure is the engine's or this package's bug: thrown outside the queue, it stops the worker, which fails its blocks. */
function stop(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === 'batch') {
    const ruleset = await rulesetOf(message);
    batches.set(message.batch, {
      decisions: CsvDecisions.forBody(ruleset, message.file, message.delimiter, message.lines, message.header),
      generatedDecide: usesGeneratedDecide(ruleset),
    });
    return;
  }
  if (message.kind === 'end') {
    batches.delete(message.batch);
    return;
  }
  const batch = batches.get(message.batch);
  if (batch === undefined)
    throw new Error(`block ${message.block} of a batch this worker was not given (${message.batch})`);
  const { decisions } = batch;
  for (const memory of message.spare ?? []) if (spare.length < MAX_SPARE) spare.push(memory);
  decisions.seek(message.row, message.line);
  const error = decisions.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length), true);
  // Each run's lines in a buffer of their own, to move (take() gives views of the writer's memory).
  const items = decisions.take().map((item) => {
    if (!isDecidedRun(item)) return item;
    // `written` is this thread's (a function does not cross threads): the lines are copied now.
    const { written: _, ...run } = item;
    return item.lines.byteLength > 0 ? { ...run, lines: ownLines(item.lines) } : run;
  });
  decisions.linesCopied();
  // The block's memory goes back for the next reads (push has copied what it keeps).
  const spent = ownBuffer(message.bytes);
  const reply: BlockReply = {
    kind: 'block',
    block: message.block,
    items,
    ...decisions.position,
    generatedDecide: batch.generatedDecide,
    ...(error ? { error } : {}),
    spent,
  };
  // The result lines move to the main thread without a copy (each run's bytes are its own buffer).
  port.postMessage(reply, [
    spent,
    ...items.flatMap((item) => (isDecidedRun(item) && item.lines.byteLength > 0 ? [ownBuffer(item.lines)] : [])),
  ]);
}

/**
 * Memory for result lines that the main thread has written out and moved back (the block
 * messages' `spare`), to copy the next lines into: memory already paged in, and no new outside
 * memory for the garbage collector to count. A few are kept, about as many as blocks in flight.
 */
const spare: ArrayBuffer[] = [];
const MAX_SPARE = 16;
/** Lines memory is made at least this big, so it fits the lines of the blocks after it too. */
const MIN_LINES_BYTES = 256 * 1024;

/** `lines` copied into memory of their own (spare memory when there is some big enough), to move. */
function ownLines(lines: Uint8Array): Uint8Array {
  let memory = spare.pop();
  // Too small (a block of long lines): dropped, and new memory made.
  if (memory === undefined || memory.byteLength < lines.byteLength)
    memory = new ArrayBuffer(Math.max(MIN_LINES_BYTES, lines.byteLength));
  const own = new Uint8Array(memory, 0, lines.byteLength);
  own.set(lines);
  return own;
}

/** The batch's ruleset, loaded once per hash and module (made by compiledRulesOf from a ruleset that loaded). */
async function rulesetOf(setup: BatchSetup): Promise<CompiledRuleset> {
  const key = `${setup.compiled.hash} ${setup.generated ?? ''}`;
  const known = rulesets.get(key);
  if (known !== undefined) return known;
  const generated: GeneratedModule | undefined =
    setup.generated !== undefined ? await import(setup.generated) : undefined;
  const loaded = loadCompiledRuleset(setup.compiled, generated !== undefined ? { generated } : {});
  // Failing here is the engine's bug: the main thread loaded the same file.
  if (loaded.value === undefined) {
    throw new Error(
      `a decide worker could not load ruleset ${setup.compiled.hash}: ${loaded.diagnostics.map((d) => d.code).join(', ')}`,
    );
  }
  rulesets.set(key, loaded.value);
  return loaded.value;
}

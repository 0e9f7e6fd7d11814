/**
 * The body of a CSV file read by the decide workers (decide-workers.ts): the main thread cuts the
 * bytes into blocks of whole records (block-cutter.ts), keeps a few per worker in flight, and
 * yields their results in file order. The first syntax error stops reading, as on one thread;
 * blocks after it are dropped unread.
 *
 * The main thread decides blocks too, whenever every worker already has QUEUED_PER_WORKER blocks
 * waiting: it never sits idle waiting for them, and one worker beside it uses two cores (a second
 * worker on a 2-core machine only shared the cores three ways, paid its start-up again and made
 * the run slower than one thread).
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { usesGeneratedDecide } from '@lcz/criteria-engine/runtime';
import { cutRecords, type Cut } from './block-cutter.js';
import {
  bytesOf,
  CsvDecisions,
  isDecidedRun,
  syntaxError,
  type BodyHandOff,
  type DecisionItem,
} from './csv-decision-reader.js';
import type { CsvDecisionOptions, WorkersOption } from './csv-decisions.js';
import type { BlockReply } from './decide-protocol.js';
import type { DecideBatch } from './decide-workers.js';
import { ownBuffer } from './own-buffer.js';

/** What reading one file needs, wherever it is read. */
export interface Reading {
  readonly file: string;
  readonly ruleset: CompiledRuleset;
  readonly delimiter: string;
  readonly options: CsvDecisionOptions;
  /** The file's chunks not read yet. */
  readonly chunks: AsyncIterator<Buffer | string>;
}

/** Reads the rest of a file on this thread (csv-decisions.ts readOn). */
export type ReadAlone = (
  reading: Reading,
  decisions: CsvDecisions,
  error: ReturnType<CsvDecisions['push']>,
) => AsyncGenerator<readonly DecisionItem[]>;

/**
 * Longest stretch without a record boundary the workers wait for: past it (a record that long, or
 * a quote never closed), the rest of the file is read on this thread, which reads such files
 * as they come.
 */
const MAX_UNCUT_BYTES = 16 * 1024 * 1024;

/**
 * Blocks each worker may have waiting before the main thread decides the next block itself: two,
 * so a worker finishing one block finds the next already there.
 */
const QUEUED_PER_WORKER = 2;

/** The body of the file from `handOff` on; `readAlone` takes over from a stretch the workers cannot cut. */
export async function* bodyOnWorkers(
  reading: Reading,
  workers: WorkersOption,
  handOff: BodyHandOff,
  readAlone: ReadAlone,
): AsyncGenerator<readonly DecisionItem[]> {
  const { file, delimiter, options, chunks } = reading;
  const batch = workers.pool.batch({
    compiled: workers.compiled,
    file,
    delimiter,
    lines: options.lines,
    header: handOff.header,
    ...(workers.generated !== undefined ? { generated: workers.generated } : {}),
  });
  const pool = workers.pool;
  const here = CsvDecisions.forBody(reading.ruleset, file, delimiter, options.lines, handOff.header);
  // Blocks decided here wait in order behind the workers' (they are answered at once).
  const maxInFlight = 4 * (pool.size + 1);
  const held = new Held(handOff.rest, workers.blockBytes, maxInFlight + 2);
  const flight = new InFlight(
    batch,
    file,
    handOff.row,
    handOff.line,
    {
      decisions: here,
      busy: () => pool.pending >= (workers.queuedPerWorker ?? QUEUED_PER_WORKER) * pool.size,
    },
    (spent) => held.recycle(spent),
  );
  // When the bytes held hold no whole record, they are looked at again only once they have doubled.
  let retryAt = 0;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        if (held.bytes > 0) flight.send(held.take(), 0, 0, true);
        break;
      }
      held.add(bytesOf(next.value));
      if (held.bytes < workers.blockBytes || held.bytes < retryAt) continue;
      const bytes = held.take();
      const { cuts, start } = cutBlocks(bytes, workers.blockBytes);
      if (start === 0) {
        held.add(bytes);
        retryAt = 2 * bytes.length;
        if (bytes.length > (workers.maxUncutBytes ?? MAX_UNCUT_BYTES)) {
          yield* flight.drain();
          yield* readRestAlone(reading, handOff, flight, bytes, readAlone);
          return;
        }
        continue;
      }
      retryAt = 0;
      // Copied out before the blocks are sent: a block sent in place moves the buffer under it.
      if (start < bytes.length) held.add(bytes.subarray(start));
      sendBlocks(flight, bytes, cuts);
      while (flight.length >= maxInFlight) yield* flight.receive();
    }
    yield* flight.drain();
  } finally {
    batch.end();
  }
}

/**
 * Bytes read and not sent yet: the start of a record, then whole chunks, copied as they come into
 * one buffer (a chunk may be a view the next read overwrites, reused-reads.ts).
 */
class Held {
  private buffer = new Uint8Array(0);
  bytes = 0;
  /**
   * Memory of blocks already read (moved back by the workers, or decided here), to read into
   * again: a new array per block was zero-filled and paged in each time, which cost the main
   * thread as much as reading the choice cells, and made garbage of 512 KiB per block.
   */
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    first: Uint8Array,
    private readonly blockBytes: number,
    /** At most this many spare buffers are kept (about as many as blocks in flight). */
    private readonly maxSpare: number,
  ) {
    if (first.length > 0) this.add(first);
  }

  add(piece: Uint8Array): void {
    const total = this.bytes + piece.length;
    if (total > this.buffer.length) {
      const bigger = this.memory(Math.max(total, 2 * this.blockBytes, 2 * this.buffer.length));
      bigger.set(this.buffer.subarray(0, this.bytes));
      this.buffer = bigger;
    }
    this.buffer.set(piece, this.bytes);
    this.bytes = total;
  }

  /** A block's memory, free again: kept when it is big enough to read a block into. */
  recycle(memory: ArrayBuffer): void {
    if (memory.byteLength >= 2 * this.blockBytes && this.spare.length < this.maxSpare) this.spare.push(memory);
  }

  /** An array of at least `bytes` bytes: a spare one when there is one (its old bytes are written over before use). */
  private memory(bytes: number): Uint8Array<ArrayBuffer> {
    const spare = this.spare.pop();
    if (spare !== undefined) {
      if (spare.byteLength >= bytes) return new Uint8Array(spare);
      this.spare.push(spare);
    }
    return new Uint8Array(bytes);
  }

  /** Everything held, in a buffer of its own (a block sent moves it to a worker); nothing is held after. */
  take(): Uint8Array {
    const bytes = this.buffer.subarray(0, this.bytes);
    this.buffer = new Uint8Array(0);
    this.bytes = 0;
    return bytes;
  }
}

/** A block sent, with the row and line the block after it must start at (not known for the last one, which ends with the file). */
interface SentBlock {
  readonly reply: Promise<BlockReply>;
  /** Decided by a worker (its lines' memory is the reply's own, to give back once written). */
  readonly byWorker: boolean;
  readonly row: number;
  readonly line: number;
  readonly last: boolean;
}

/** Blocks sent to the workers, oldest first, and the row and line the next block starts at. */
class InFlight {
  private readonly sent: SentBlock[] = [];

  constructor(
    private readonly batch: DecideBatch,
    private readonly file: string,
    public row: number,
    public line: number,
    private readonly here: DecideHere,
    /** Given each block's memory once it has been read. */
    private readonly recycle: (memory: ArrayBuffer) => void,
  ) {}

  get length(): number {
    return this.sent.length;
  }

  send(bytes: Uint8Array, records: number, lines: number, last: boolean): void {
    let reply: Promise<BlockReply>;
    const byWorker = !this.here.busy();
    if (!byWorker) {
      reply = Promise.resolve(decideHere(this.here.decisions, bytes, this.row, this.line));
      // Read and copied: its memory is free (a worker's comes back with its reply).
      this.recycle(ownBuffer(bytes));
    } else reply = this.batch.decide(bytes, this.row, this.line);
    // Awaited in order; a block dropped after an error must not count as unhandled.
    reply.catch(() => undefined);
    this.row += records;
    this.line += lines;
    this.sent.push({ reply, byWorker, row: this.row, line: this.line, last });
  }

  /** The oldest block's results, then its syntax error if it has one. */
  async *receive(): AsyncGenerator<readonly DecisionItem[]> {
    const sent = this.sent.shift();
    if (sent === undefined) return;
    const reply = await sent.reply;
    if (reply.spent !== undefined) this.recycle(reply.spent);
    if (reply.items.length > 0) yield sent.byWorker ? this.givingBack(reply.items) : reply.items;
    if (reply.error) throw syntaxError(this.file, reply.error);
    if (!sent.last && (reply.row !== sent.row || reply.line !== sent.line)) {
      throw new Error(
        `a decide worker read up to row ${reply.row} (line ${reply.line}) where the block was cut after row ${sent.row} (line ${sent.line})`,
      );
    }
  }

  /** A worker's items, each run's lines to go back to the workers once written (their memory is the run's own). */
  private givingBack(items: readonly DecisionItem[]): DecisionItem[] {
    return items.map((item) => {
      if (!isDecidedRun(item) || item.lines.byteLength === 0) return item;
      const memory = ownBuffer(item.lines);
      return { ...item, written: () => this.batch.giveBack(memory) };
    });
  }

  async *drain(): AsyncGenerator<readonly DecisionItem[]> {
    while (this.sent.length > 0) yield* this.receive();
  }
}

/** The main thread's own reader of blocks, and whether the workers have enough to do without it. */
interface DecideHere {
  readonly decisions: CsvDecisions;
  readonly busy: () => boolean;
}

/** A block decided on this thread, answered as a worker answers it (decide-worker.ts). */
function decideHere(decisions: CsvDecisions, bytes: Uint8Array, row: number, line: number): BlockReply {
  decisions.seek(row, line);
  const error = decisions.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), true);
  const items = decisions.take();
  return {
    kind: 'block',
    block: 0,
    items,
    ...decisions.position,
    generatedDecide: usesGeneratedDecide(decisions.ruleset),
    ...(error ? { error } : {}),
  };
}

/** As many blocks of whole records as `bytes` hold, and where the bytes after them start (0: not one whole record). */
function cutBlocks(bytes: Uint8Array, blockBytes: number): { cuts: Cut[]; start: number } {
  const cuts: Cut[] = [];
  let start = 0;
  for (
    let cut = cutRecords(bytes, blockBytes);
    cut !== undefined;
    cut = cutRecords(bytes.subarray(start), blockBytes)
  ) {
    cuts.push(cut);
    start += cut.end;
    if (bytes.length - start < blockBytes) break;
  }
  return { cuts, start };
}

/**
 * A block is moved to its worker with the buffer under it: the usual one block is sent in place
 * (the bytes past it were copied out first); several are each copied to a buffer of their own.
 */
function sendBlocks(flight: InFlight, bytes: Uint8Array, cuts: readonly Cut[]): void {
  let from = 0;
  for (const cut of cuts) {
    flight.send(
      cuts.length === 1 ? bytes.subarray(0, cut.end) : bytes.slice(from, from + cut.end),
      cut.records,
      cut.lines,
      false,
    );
    from += cut.end;
  }
}

/** The rest of the file on this thread, from the bytes the workers could not cut. */
function readRestAlone(
  reading: Reading,
  handOff: BodyHandOff,
  flight: InFlight,
  bytes: Uint8Array,
  readAlone: ReadAlone,
): AsyncGenerator<readonly DecisionItem[]> {
  const { ruleset, file, delimiter, options } = reading;
  const rest = CsvDecisions.forBody(ruleset, file, delimiter, options.lines, handOff.header);
  rest.seek(flight.row, flight.line);
  const error = rest.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), false);
  const { workers: _, ...alone } = options;
  return readAlone({ ...reading, options: alone }, rest, error);
}

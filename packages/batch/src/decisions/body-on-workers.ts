/**
 * The body of a CSV file read by the decide workers (decide-workers.ts): the main thread cuts the
 * bytes into blocks of whole records (block-cutter.ts), keeps a few per worker in flight, and
 * yields their results in file order. The first syntax error stops reading, as on one thread;
 * blocks after it are dropped unread.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { cutRecords, type Cut } from './block-cutter.js';
import { bytesOf, CsvDecisions, syntaxError, type BodyHandOff, type DecisionItem } from './csv-decision-reader.js';
import type { CsvDecisionOptions, WorkersOption } from './csv-decisions.js';
import type { BlockReply } from './decide-protocol.js';

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

/** The body of the file from `handOff` on; `readAlone` takes over from a stretch the workers cannot cut. */
export async function* bodyOnWorkers(
  reading: Reading,
  workers: WorkersOption,
  handOff: BodyHandOff,
  readAlone: ReadAlone,
): AsyncGenerator<readonly DecisionItem[]> {
  const { file, ruleset, delimiter, options, chunks } = reading;
  const batch = workers.pool.batch({
    compiled: workers.compiled,
    file,
    delimiter,
    lines: options.lines,
    header: handOff.header,
  });
  /**
   * Blocks sent, oldest first, with the row and line the block after each must start at (not
   * known for the last one, which ends with the file).
   */
  const inFlight: {
    readonly reply: Promise<BlockReply>;
    readonly row: number;
    readonly line: number;
    readonly last: boolean;
  }[] = [];
  const maxInFlight = 2 * workers.pool.size;
  let row = handOff.row;
  let line = handOff.line;
  // Bytes read and not sent yet: the start of a record, then whole chunks.
  let held: Uint8Array[] = handOff.rest.length > 0 ? [handOff.rest] : [];
  let heldBytes = handOff.rest.length;
  // When the bytes held hold no whole record, they are looked at again only once they have doubled.
  let retryAt = 0;
  const send = (bytes: Uint8Array, records: number, lines: number, last: boolean): void => {
    const reply = batch.decide(bytes, row, line);
    // Awaited in order below; a block dropped after an error must not count as unhandled.
    reply.catch(() => undefined);
    row += records;
    line += lines;
    inFlight.push({ reply, row, line, last });
  };
  /** The oldest block's results, then its syntax error if it has one. */
  async function* receive(): AsyncGenerator<readonly DecisionItem[]> {
    const sent = inFlight.shift() as (typeof inFlight)[number];
    const reply = await sent.reply;
    if (reply.items.length > 0) yield reply.items;
    if (reply.error) throw syntaxError(file, reply.error);
    if (!sent.last && (reply.row !== sent.row || reply.line !== sent.line)) {
      throw new Error(
        `a decide worker read up to row ${reply.row} (line ${reply.line}) where the block was cut after row ${sent.row} (line ${sent.line})`,
      );
    }
  }
  async function* drain(): AsyncGenerator<readonly DecisionItem[]> {
    while (inFlight.length > 0) yield* receive();
  }
  try {
    for (;;) {
      const next = await chunks.next();
      if (!next.done) {
        const chunk = bytesOf(next.value);
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes < workers.blockBytes || heldBytes < retryAt) continue;
      } else if (heldBytes === 0) {
        break;
      }
      const bytes = new Uint8Array(heldBytes);
      let at = 0;
      for (const piece of held) {
        bytes.set(piece, at);
        at += piece.length;
      }
      if (next.done) {
        send(bytes, 0, 0, true);
        held = [];
        heldBytes = 0;
        break;
      }
      // As many blocks as the bytes hold. A block is moved to its worker with the buffer under
      // it: the usual one block is sent in place, after the bytes past it are copied out;
      // several are each copied to a buffer of their own.
      const cuts: Cut[] = [];
      let start = 0;
      for (
        let cut = cutRecords(bytes, workers.blockBytes);
        cut !== undefined;
        cut = cutRecords(bytes.subarray(start), workers.blockBytes)
      ) {
        cuts.push(cut);
        start += cut.end;
        if (bytes.length - start < workers.blockBytes) break;
      }
      if (start === 0) {
        held = [bytes];
        retryAt = 2 * heldBytes;
        if (heldBytes > (workers.maxUncutBytes ?? MAX_UNCUT_BYTES)) {
          yield* drain();
          const rest = CsvDecisions.forBody(ruleset, file, delimiter, options.lines, handOff.header);
          rest.seek(row, line);
          const error = rest.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), false);
          const { workers: _, ...alone } = options;
          yield* readAlone({ ...reading, options: alone }, rest, error);
          return;
        }
        continue;
      }
      retryAt = 0;
      const tail = bytes.slice(start);
      let from = 0;
      for (const cut of cuts) {
        send(
          cuts.length === 1 ? bytes.subarray(0, cut.end) : bytes.slice(from, from + cut.end),
          cut.records,
          cut.lines,
          false,
        );
        from += cut.end;
      }
      held = tail.length > 0 ? [tail] : [];
      heldBytes = tail.length;
      while (inFlight.length >= maxInFlight) yield* receive();
    }
    yield* drain();
  } finally {
    batch.end();
  }
}

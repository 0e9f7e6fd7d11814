/**
 * Text written to a file or a stream with back-pressure: lines are gathered into chunks of about
 * 1 MiB and each chunk waits for the stream to drain when its buffer is full, so a fast producer
 * never piles results up in memory. Lines may come as strings or as UTF-8 bytes.
 */
import { once } from 'node:events';
import { openAtomicFile, type AtomicFile } from '@lcz/criteria-engine/node';
import { errorCode } from '../errors.js';

/**
 * Gathered before the stream is written to: 1 MiB, so a batch's result lines (the decisions-only
 * path hands them on a block, about 150 KB, at a time) go out in a few large writes instead of
 * one per block: each write is a hand-over to the thread pool, paid on the producing thread.
 */
const CHUNK = 1024 * 1024;
/**
 * What a file stream this sink opens may hold before `write` asks to wait: enough that the
 * producer rarely waits for the disk. At the default 16 KiB every 64 KiB chunk waited for its
 * write to finish: `lcz evaluate --decisions-only` on a million rows took 7.3–7.6 s against
 * 6.2–6.3 s with 256 KiB. At 256 KiB the decisions-only path still waited once every block or
 * two (a block's result lines are about 150 KB), its main thread idle while it could have been
 * deciding; 4 MiB (a few dozen blocks' lines, bounded) lets the writes run behind it.
 */
const STREAM_BUFFER = 4 * CHUNK;

/** A file that cannot be written (missing folder, no permission): the caller tells the user. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${code}`);
  }
}

/**
 * Opens a file for writing, turning a failure into an OutputError. The bytes go to a temporary
 * file beside it, which replaces the file only on `commit` (a failed run keeps the old file).
 */
export async function openFile(path: string, highWaterMark?: number): Promise<AtomicFile> {
  try {
    return await openAtomicFile(path, highWaterMark !== undefined ? { highWaterMark } : {});
  } catch (error) {
    throw new OutputError(path, errorCode(error));
  }
}

/** Whether `next` starts where `bytes` ends, in the same memory. */
function follows(bytes: Uint8Array, next: Uint8Array): boolean {
  return bytes.buffer === next.buffer && bytes.byteOffset + bytes.byteLength === next.byteOffset;
}

export class TextSink {
  private buffer: (string | Uint8Array)[] = [];
  private size = 0;
  /** The `written` callbacks of what `buffer` holds. */
  private written: (() => void)[] = [];
  private readonly stream: NodeJS.WritableStream;
  /** The file this sink opened (a caller's stream is not ours to end). */
  private readonly file: AtomicFile | undefined;
  private failure: Error | undefined;

  private constructor(stream: NodeJS.WritableStream, file?: AtomicFile) {
    this.stream = stream;
    this.file = file;
    this.stream.on('error', (e: Error) => {
      this.failure = e;
    });
  }

  /** A sink on a path (opened now, so a bad path fails before any work) or on a caller's stream. */
  static async open(target: string | NodeJS.WritableStream): Promise<TextSink> {
    if (typeof target !== 'string') return new TextSink(target);
    const file = await openFile(target, STREAM_BUFFER);
    return new TextSink(file.stream, file);
  }

  /**
   * Adds text (or its UTF-8 bytes); resolves at once unless the stream asked to wait. `written`:
   * called once the bytes are written out (their memory may then be used again); not called if
   * the write fails or the sink is aborted.
   */
  async write(text: string | Uint8Array, written?: () => void): Promise<void> {
    if (written !== undefined) this.written.push(written);
    const last = this.buffer.length > 0 ? this.buffer[this.buffer.length - 1] : undefined;
    // Bytes that follow the last bytes in the same memory (the decisions-only path's lines are
    // views of one buffer) join them: one piece to write instead of several.
    if (typeof text !== 'string' && last instanceof Uint8Array && follows(last, text)) {
      this.buffer[this.buffer.length - 1] = new Uint8Array(
        last.buffer,
        last.byteOffset,
        last.byteLength + text.byteLength,
      );
    } else this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const pieces = this.buffer;
    const written = this.written;
    this.buffer = [];
    this.written = [];
    this.size = 0;
    // The stream writes in order: once the last piece is written, all of them are.
    const last =
      written.length === 0
        ? undefined
        : (error?: Error | null) => {
            if (!error) for (const callback of written) callback();
          };
    let ready = true;
    if (pieces.every((p) => typeof p === 'string')) ready = this.stream.write(pieces.join(''), last);
    else {
      // Bytes (and text between them) go as they are, in order: the stream gathers them (file
      // streams write them with one writev), so they are not copied into one buffer here.
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i] ?? '';
        ready = i === pieces.length - 1 ? this.stream.write(piece, last) : this.stream.write(piece);
      }
    }
    if (!ready) await once(this.stream, 'drain');
  }

  /**
   * Flushes, and when this sink opened the file, puts it in place of the earlier one (a caller's
   * stream stays open).
   */
  async close(): Promise<void> {
    try {
      await this.flush();
      if (this.failure) throw this.failure;
      await this.file?.commit();
    } catch (error) {
      await this.file?.abort();
      throw error;
    }
  }

  /** Drops what was written to a file this sink opened: the earlier file stays as it was. */
  async abort(): Promise<void> {
    this.buffer = [];
    this.written = [];
    this.size = 0;
    await this.file?.abort();
  }
}

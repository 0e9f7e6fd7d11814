/**
 * Text written to a file or a stream with back-pressure: lines are gathered into chunks of about
 * 64 KiB and each chunk waits for the stream to drain when its buffer is full, so a fast producer
 * never piles results up in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 64 * 1024;

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

/** Opens a file for writing, turning a failure into an OutputError. */
export async function openFile(path: string): Promise<NodeJS.WritableStream> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new OutputError(path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  return stream;
}

export class TextSink {
  private buffer: string[] = [];
  private size = 0;
  private readonly stream: NodeJS.WritableStream;
  private readonly owned: boolean;
  private failure: Error | undefined;

  private constructor(stream: NodeJS.WritableStream, owned: boolean) {
    this.stream = stream;
    this.owned = owned;
    this.stream.on('error', (e: Error) => {
      this.failure = e;
    });
  }

  /** A sink on a path (opened now, so a bad path fails before any work) or on a caller's stream. */
  static async open(target: string | NodeJS.WritableStream): Promise<TextSink> {
    if (typeof target !== 'string') return new TextSink(target, false);
    return new TextSink(await openFile(target), true);
  }

  /** Adds text; resolves at once unless the stream asked to wait. */
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes, and ends the stream when this sink opened it (a caller's stream stays open). */
  async close(): Promise<void> {
    await this.flush();
    if (this.owned) {
      this.stream.end();
      await once(this.stream, 'finish');
    }
    if (this.failure) throw this.failure;
  }
}

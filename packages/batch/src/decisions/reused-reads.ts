/**
 * A file's bytes for the decisions-only CSV path, read piece by piece into ONE buffer made once.
 * A file stream makes a new buffer per read: on 90 MB read 64 KiB at a time that was 1,400
 * buffers of outside memory for the garbage collector, and the stream's machinery per piece;
 * reading into one buffer took 10–20 ms of CPU where the stream took 80–450 ms.
 *
 * Each piece is a view of that buffer, overwritten by the next read: whoever keeps a piece past
 * the next one copies it (CsvDecisions.push copies every piece into its own buffer; the separator
 * sniffing in csv-decisions.ts and the bytes held for the workers in body-on-workers.ts copy
 * theirs).
 */
import { open } from 'node:fs/promises';
import type { BytesListener } from '../formats/byte-count.js';

export async function* reusedReads(
  path: string,
  readBytes: number,
  onBytes: BytesListener | undefined,
): AsyncGenerator<Buffer, void, undefined> {
  const handle = await open(path, 'r');
  try {
    const total = onBytes ? (await handle.stat()).size : undefined;
    const buffer = Buffer.allocUnsafe(readBytes);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, readBytes, null);
      if (bytesRead === 0) return;
      read += bytesRead;
      onBytes?.(read, total);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * A file's bytes for the decisions-only CSV path, read piece by piece into TWO buffers made once,
 * in turn. A file stream makes a new buffer per read: on 90 MB read 64 KiB at a time that was
 * 1,400 buffers of outside memory for the garbage collector, and the stream's machinery per
 * piece; reading into buffers made once took 10–20 ms of CPU where the stream took 80–450 ms.
 *
 * The next piece is read while the caller works on this one (read ahead into the other buffer):
 * with one buffer, every piece waited for its read to come back from the thread pool, and the
 * reading thread, which also decides rows, sat idle that long each time.
 *
 * Each piece is a view of one of the buffers, overwritten by the read started once the caller
 * asks for the next piece: whoever keeps a piece past that copies it (CsvDecisions.push reads it
 * at once and copies the unfinished record; the separator sniffing in csv-decisions.ts and the
 * bytes held for the workers in body-on-workers.ts copy theirs).
 */
import { open } from 'node:fs/promises';
import type { BytesListener } from '../formats/byte-count.js';

export async function* reusedReads(
  path: string,
  readBytes: number,
  onBytes: BytesListener | undefined,
): AsyncGenerator<Buffer, void, undefined> {
  const handle = await open(path, 'r');
  // A read still out when the caller stops early: awaited before the file is closed.
  let ahead: Promise<{ bytesRead: number }> | undefined;
  try {
    const total = onBytes ? (await handle.stat()).size : undefined;
    // The buffer being read into, and the other one (whose piece the caller has, or had).
    let next = Buffer.allocUnsafe(readBytes);
    let other = Buffer.allocUnsafe(readBytes);
    let read = 0;
    ahead = handle.read(next, 0, readBytes, null);
    for (;;) {
      const { bytesRead } = await ahead;
      ahead = undefined;
      if (bytesRead === 0) return;
      read += bytesRead;
      onBytes?.(read, total);
      const piece = next.subarray(0, bytesRead);
      [next, other] = [other, next];
      // The other buffer's piece was given out before this one: the caller has asked past it.
      ahead = handle.read(next, 0, readBytes, null);
      yield piece;
    }
  } finally {
    await ahead?.catch(() => undefined);
    await handle.close();
  }
}

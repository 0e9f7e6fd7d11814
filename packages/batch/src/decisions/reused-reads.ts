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
 * asks for the piece after the next: whoever keeps a piece past asking for the next one copies it
 * (CsvDecisions.push copies every piece into its own buffer; the separator sniffing in
 * csv-decisions.ts and the bytes held for the workers in body-on-workers.ts copy theirs).
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
    const buffers = [Buffer.allocUnsafe(readBytes), Buffer.allocUnsafe(readBytes)] as const;
    let read = 0;
    let turn = 0;
    ahead = handle.read(buffers[0], 0, readBytes, null);
    for (;;) {
      const { bytesRead } = await ahead;
      ahead = undefined;
      if (bytesRead === 0) return;
      read += bytesRead;
      onBytes?.(read, total);
      const buffer = buffers[turn];
      turn = 1 - turn;
      // The other buffer's piece was given out before this one: the caller has asked past it.
      ahead = handle.read(buffers[turn], 0, readBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await ahead?.catch(() => undefined);
    await handle.close();
  }
}

/**
 * The decisions-only path's I/O: the file is read ahead into two buffers in turn
 * (reused-reads.ts; a piece stays as it is until the caller asks for the next one), and result lines given as bytes say when they are written out (text-sink.ts
 * `written`, which gives a decide worker's memory back to it). A piece read ahead into the wrong
 * buffer, or memory given back before its bytes are written, would change the output.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusedReads } from '../src/decisions/reused-reads.js';
import { TextSink } from '../src/writers/text-sink.js';
import { tempDir } from './helpers/setup.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('reusedReads', () => {
  it('gives the file piece by piece, each piece intact while the caller holds it (the read ahead goes elsewhere)', async () => {
    const bytes = Buffer.from(Array.from({ length: 10_007 }, (_, i) => (i * 31 + (i >> 8)) & 0xff));
    const file = join(dir.path, 'pieces.bin');
    await writeFile(file, bytes);
    for (const size of [1, 7, 4096, 10_007, 65_536]) {
      const seen: Buffer[] = [];
      for await (const piece of reusedReads(file, size, undefined)) {
        const copy = Buffer.from(piece);
        // Time for the read started ahead to land: it must not land in this piece.
        await new Promise((resolve) => setTimeout(resolve, size === 1 ? 0 : 5));
        expect(piece.equals(copy)).toBe(true);
        seen.push(copy);
      }
      expect(Buffer.concat(seen).equals(bytes)).toBe(true);
    }
  });

  it('stops early without a read left out or an error, and counts the bytes read', async () => {
    const file = join(dir.path, 'early.bin');
    await writeFile(file, Buffer.alloc(50_000, 65));
    const counts: number[] = [];
    for await (const piece of reusedReads(file, 1000, (read) => counts.push(read))) {
      expect(piece.length).toBe(1000);
      if (counts.length === 3) break;
    }
    expect(counts).toEqual([1000, 2000, 3000]);
  });
});

describe('TextSink written callbacks', () => {
  it('are called once the bytes have reached the stream, in order, and not before', async () => {
    const received: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString('utf8'));
        setImmediate(done);
      },
    });
    const sink = await TextSink.open(stream);
    const told: string[] = [];
    const big = 'x'.repeat(1024 * 1024);
    await sink.write(Buffer.from('first\n'), () => told.push(`first after ${received.join('').length}`));
    await sink.write('text\n');
    expect(told).toEqual([]);
    // Past the sink's chunk: flushed, and told once the stream has taken it.
    await sink.write(Buffer.from(`${big}\n`), () => told.push('big'));
    await sink.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(received.join('')).toBe(`first\ntext\n${big}\n`);
    expect(told).toEqual([`first after ${received.join('').length}`, 'big']);
  });

  it('are not called for bytes dropped by abort', async () => {
    const file = join(dir.path, 'aborted.jsonl');
    await writeFile(file, 'before\n');
    const sink = await TextSink.open(file);
    let called = false;
    await sink.write(Buffer.from('lost\n'), () => {
      called = true;
    });
    await sink.abort();
    expect(called).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('before\n');
  });
});

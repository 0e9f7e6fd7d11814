/** The default number of decide workers: by file size and the cores the load leaves free. */
import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, THREADS_FROM_BYTES } from '../src/decisions/worker-count.js';

const BIG = 400 * 1024 * 1024;

describe('defaultWorkerCount', () => {
  it('starts none for a small file or one of unknown size, however many cores are free', () => {
    expect(defaultWorkerCount(THREADS_FROM_BYTES - 1, { cores: 16, load: 0 })).toBe(0);
    expect(defaultWorkerCount(undefined, { cores: 16, load: 0 })).toBe(0);
    expect(defaultWorkerCount(THREADS_FROM_BYTES, { cores: 16, load: 0 })).toBe(16);
  });

  it('starts one per free core on a quiet machine', () => {
    expect(defaultWorkerCount(BIG, { cores: 2, load: 0.1 })).toBe(2);
    expect(defaultWorkerCount(BIG, { cores: 8, load: 3.2 })).toBe(5);
  });

  it('starts none on a busy machine: one thread is then as fast or faster', () => {
    expect(defaultWorkerCount(BIG, { cores: 2, load: 0.6 })).toBe(0);
    expect(defaultWorkerCount(BIG, { cores: 2, load: 2 })).toBe(0);
    expect(defaultWorkerCount(BIG, { cores: 2, load: 12.5 })).toBe(0);
    expect(defaultWorkerCount(BIG, { cores: 1, load: 0 })).toBe(0);
  });

  it('treats an unknown load (0 or not a number, as on Windows) as a quiet machine', () => {
    expect(defaultWorkerCount(BIG, { cores: 4, load: 0 })).toBe(4);
    expect(defaultWorkerCount(BIG, { cores: 4, load: Number.NaN })).toBe(4);
  });
});

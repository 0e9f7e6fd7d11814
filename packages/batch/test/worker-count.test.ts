/** The number of decide workers chosen by default: by file size and the cores left free (measured or from the load). */
import { describe, expect, it } from 'vitest';
import { chooseWorkers, CpuSample, MIN_FREE_CORES, THREADS_FROM_BYTES } from '../src/decisions/worker-count.js';

const BIG = 400 * 1024 * 1024;

describe('chooseWorkers', () => {
  it('starts none for a small file or one of unknown size, however many cores are free', () => {
    expect(chooseWorkers(THREADS_FROM_BYTES - 1, { cores: 16, load: 0 })).toMatchObject({
      workers: 0,
      reason: 'small',
    });
    expect(chooseWorkers(undefined, { cores: 16, load: 0, measuredFree: 16 })).toMatchObject({
      workers: 0,
      reason: 'unknown_size',
    });
    expect(chooseWorkers(THREADS_FROM_BYTES, { cores: 16, load: 0 })).toMatchObject({
      workers: 15,
      reason: 'free_cores',
    });
  });

  it('starts one per free core but the one the main thread decides on, on a quiet machine', () => {
    expect(chooseWorkers(BIG, { cores: 2, load: 0.1 }).workers).toBe(1);
    expect(chooseWorkers(BIG, { cores: 8, load: 3.2 }).workers).toBe(4);
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: 1.97 }).workers).toBe(1);
    expect(chooseWorkers(BIG, { cores: 8, load: 0, measuredFree: 3.4 }).workers).toBe(2);
  });

  it('starts none on a busy machine: one thread is then as fast or faster', () => {
    for (const load of [0.6, 2, 12.5])
      expect(chooseWorkers(BIG, { cores: 2, load })).toMatchObject({ workers: 0, reason: 'busy' });
    expect(chooseWorkers(BIG, { cores: 1, load: 0 }).workers).toBe(0);
    // Measured: one core busy with another process, this one on the other: one free core.
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: 1.0 })).toMatchObject({ workers: 0, free: 1 });
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: MIN_FREE_CORES - 0.01 }).workers).toBe(0);
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: MIN_FREE_CORES }).workers).toBe(1);
  });

  it('trusts a measurement over the load average, which lags a minute and counts this process’s own earlier runs', () => {
    // Just became busy: the load average still says quiet.
    expect(chooseWorkers(BIG, { cores: 2, load: 0.1, measuredFree: 0.6 }).workers).toBe(0);
    // Back-to-back runs of this program on a quiet machine: the load average says busy.
    expect(chooseWorkers(BIG, { cores: 2, load: 1.8, measuredFree: 1.95 }).workers).toBe(1);
  });

  it('never starts more workers than cores, and reads nonsense as what it can', () => {
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: 7 }).workers).toBe(1);
    expect(chooseWorkers(BIG, { cores: 4, load: 0, measuredFree: 7 }).workers).toBe(3);
    expect(chooseWorkers(BIG, { cores: 2, load: 0, measuredFree: -3 }).workers).toBe(0);
    // A measurement that is not a number: the load average stands in.
    expect(chooseWorkers(BIG, { cores: 4, load: 1, measuredFree: Number.NaN }).workers).toBe(2);
  });

  it('treats an unknown load (0 or not a number, as on Windows) as a quiet machine', () => {
    expect(chooseWorkers(BIG, { cores: 4, load: 0 }).workers).toBe(3);
    expect(chooseWorkers(BIG, { cores: 4, load: Number.NaN }).workers).toBe(3);
  });
});

describe('CpuSample', () => {
  it('says nothing about a window too short to measure', () => {
    expect(new CpuSample().free()).toBeUndefined();
  });
});

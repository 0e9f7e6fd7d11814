/**
 * The body workers' pool with real worker threads: the queue bound, a worker that dies while
 * answering (its request fails alone, a fresh thread takes the next), a request given up, and a
 * clean shutdown (every waiting request answered, every thread ended).
 */
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { compiledRulesOf } from '@lcz/criteria-engine/tools';
import { beforeAll, describe, expect, it } from 'vitest';
import { BodyPool, type PoolFailure } from '../src/body-work/body-pool.js';
import type { AnswerReply, WorkerSetup } from '../src/body-work/protocol.js';
import { DEFAULT_LIMITS } from '../src/options.js';
import { RULES_DIR, RULESET_ID } from './helpers.js';

let setup: WorkerSetup;

beforeAll(async () => {
  const loaded = await loadRulesetFile(RULES_DIR);
  const compiled = loaded.value && compiledRulesOf(loaded.value);
  if (compiled === undefined) throw new Error('the Lai Châu rules do not load');
  setup = {
    rulesets: [{ compiled }],
    limits: { ...DEFAULT_LIMITS, handlerTimeoutMs: 600_000 },
    allowInlineRules: false,
    basePath: '/v1',
    typeBase: 'urn:lcz:problem:',
  };
});

const encoder = new TextEncoder();

/** A batch of `count` assessments with 200 undeclared facts each (a 422, after all the checks). */
function batch(count: number): Uint8Array {
  const facts = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x_household_${i}`, i]));
  return encoder.encode(
    JSON.stringify({ ruleset: RULESET_ID, assessments: Array.from({ length: count }, () => ({ context: {}, facts })) }),
  );
}

function job(bytes: Uint8Array) {
  return {
    operationId: 'evaluateBatch',
    bytes,
    query: {},
    lang: 'en',
    url: '/v1/evaluate/batch',
    requestId: 'r1',
  } as const;
}

function statusOf(answer: AnswerReply | PoolFailure): number | string {
  return 'failed' in answer ? answer.failed : answer.status;
}

describe('BodyPool', () => {
  it('keeps at most maxQueued requests waiting: the next are refused `busy` at once', async () => {
    const pool = new BodyPool(setup, 1, 2);
    const never = new AbortController().signal;
    try {
      // No worker is ready yet (none was warmed): the first two wait, the next two are refused.
      const answers = [1, 2, 3, 4].map(() => pool.answer(job(batch(20)), never));
      const settled: (number | string)[] = [];
      for (const [i, answer] of answers.entries()) void answer.then((a) => (settled[i] = statusOf(a)));
      await Promise.all(answers);
      expect(settled).toEqual([422, 422, 'busy', 'busy']);
      // Answered, the queue takes requests again.
      expect(statusOf(await pool.answer(job(batch(1)), never))).toBe(422);
    } finally {
      await pool.close();
    }
  });

  it('answers `crashed` for the request a worker dies on, and a fresh thread answers the next', async () => {
    const pool = new BodyPool(setup, 1, 4);
    const never = new AbortController().signal;
    try {
      expect(statusOf(await pool.answer(job(batch(1)), never))).toBe(422); // the worker is ready
      const [first] = pool.workers();
      const firstId = first?.threadId;
      const dying = pool.answer(job(batch(150)), never);
      const waiting = pool.answer(job(batch(1)), never);
      // The thread ends while it answers (as it would out of memory, or on a bug).
      await first?.terminate();
      const died = await dying;
      expect(statusOf(died)).toBe('crashed');
      expect('failed' in died && died.failed === 'crashed' ? died.error.message : '').toMatch(/body worker stopped/);
      // The request that waited is answered by a new thread.
      expect(statusOf(await waiting)).toBe(422);
      const [second] = pool.workers();
      expect(pool.workers()).toHaveLength(1);
      expect(second?.threadId).toBeGreaterThan(0);
      expect(second?.threadId).not.toBe(firstId);
    } finally {
      await pool.close();
    }
  });

  it('drops a request given up (waiting or being answered, or past its time limit), and the worker goes on', async () => {
    const pool = new BodyPool(setup, 1, 4);
    const never = new AbortController().signal;
    try {
      expect(statusOf(await pool.answer(job(batch(1)), never))).toBe(422);
      const threadId = pool.workers()[0]?.threadId;
      const running = new AbortController();
      const waiting = new AbortController();
      const a = pool.answer(job(batch(180)), running.signal);
      const b = pool.answer(job(batch(180)), waiting.signal);
      waiting.abort(new Error('client gone'));
      running.abort(new Error('time is up'));
      await expect(b).rejects.toThrow('client gone');
      await expect(a).rejects.toThrow('time is up');
      // Past its time limit (counted once a worker is ready), a request rejects with the
      // TimeoutError that is answered 503 timeout.
      await expect(pool.answer(job(batch(180)), never, 1)).rejects.toMatchObject({ name: 'TimeoutError' });
      // The worker stopped each batch between two assessments and takes the next request.
      expect(statusOf(await pool.answer(job(batch(1)), never))).toBe(422);
      expect(pool.workers().map((w) => w.threadId)).toEqual([threadId]);
    } finally {
      await pool.close();
    }
  });

  it('closes cleanly: waiting requests answered `closing`, every thread ended, later ones `closing`', async () => {
    const pool = new BodyPool(setup, 2, 8);
    const never = new AbortController().signal;
    pool.warm();
    expect(statusOf(await pool.answer(job(batch(1)), never))).toBe(422);
    const answers = Array.from({ length: 6 }, () => pool.answer(job(batch(100)), never));
    const workers = pool.workers();
    expect(workers.length).toBeGreaterThanOrEqual(1);
    pool.stopTaking();
    await pool.close();
    const settled = (await Promise.all(answers)).map(statusOf);
    // Those being answered when the close came may have been answered; none is lost.
    expect(settled.filter((s) => s === 'closing').length).toBeGreaterThanOrEqual(4);
    for (const s of settled) expect([422, 'closing']).toContain(s);
    for (const worker of workers) expect(worker.threadId).toBe(-1); // the thread has ended
    expect(pool.workers()).toEqual([]);
    expect(statusOf(await pool.answer(job(batch(1)), never))).toBe('closing');
  });
});

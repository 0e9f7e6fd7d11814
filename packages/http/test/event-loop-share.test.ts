/**
 * The queue of costly steps (event-loop-share.ts): the sockets are read between turns, however
 * many steps wait, and the steps of the request that came first go first. Order only, no timing:
 * a timer stands for a socket to read (both wait for the next turn of the event loop).
 */
import { describe, expect, it } from 'vitest';
import { inTurn, takeTicket } from '../src/event-loop-share.js';

/** A step that keeps the thread busy for `ms`, as parsing a large body does. */
const busy = (ms: number) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
};

describe('inTurn', () => {
  it('lets the event loop turn between steps: a timer set first fires before the 40th 2 ms step', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await Promise.all(Array.from({ length: 40 }, (_, i) => inTurn(busy(2)).then(() => order.push(`step ${i}`))));
    expect(order.indexOf('timer')).toBeGreaterThan(-1);
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('step 39'));
  });

  it('runs the steps of the request that took its ticket first before those of later ones', async () => {
    const order: string[] = [];
    // Steps longer than a turn (8 ms): one step per turn, so the order is the queue's alone.
    const request = async (name: string, ticket: number) => {
      for (let i = 0; i < 3; i++) await inTurn(() => order.push(`${name}${i}`) && busy(10)(), { ticket });
    };
    const first = takeTicket();
    const second = takeTicket();
    await Promise.all([request('b', second), request('a', first)]);
    expect(order).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
  });

  it('does not run a step whose signal has fired: it rejects with the reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the client closed the connection'));
    let ran = false;
    await expect(inTurn(() => (ran = true), { signal: controller.signal })).rejects.toThrow('the client closed');
    expect(ran).toBe(false);
  });

  it('passes a thrown error to its own step only', async () => {
    const results = await Promise.allSettled([
      inTurn(() => {
        throw new Error('bad body');
      }),
      inTurn(() => 42),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'bad body' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: 42 });
  });
});

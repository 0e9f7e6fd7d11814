/**
 * Rule texts sent to POST /v1/rules/validate are checked in a worker thread with a time limit
 * (limits.rulesCheckMs): a text that runs past it is stopped (its worker terminated) and
 * answered 503 rules_check_timeout in both languages, the server answers /healthz meanwhile,
 * and the next text is checked by a fresh worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_MEDIA_TYPE } from '../src/index.js';
import { RulesChecker } from '../src/rules-check/rules-checker.js';
import { call, start, type Running } from './helpers.js';

const HEAD = [
  'format: 1',
  'id: t',
  'version: "1"',
  'title: { vi: t, en: t }',
  'context: { k: { type: boolean, label: { vi: k, en: k } } }',
  'facts:',
  '  x: { type: boolean, label: { vi: x, en: x } }',
  'groups:',
  '  - id: "1"',
  '    title: { vi: g, en: g }',
  '    criteria:',
];
const TAIL = 'recognition: { group_requirement: { at_least_percent: 80 } }';

/** A valid rule text with `n` criteria. */
function rulesWith(n: number): string {
  const criteria = Array.from(
    { length: n },
    (_, i) => `      - { id: "1.${i + 1}", text: { vi: a, en: a }, condition: { fact: x, is: true } }`,
  );
  return [...HEAD, ...criteria, TAIL].join('\n');
}

/** Far more work than the time limit below allows, whatever the machine (about 4 MB of YAML). */
const SLOW = rulesWith(50_000);
const SMALL = rulesWith(2);
const LIMIT_MS = 300;

let server: Running;
beforeAll(async () => {
  // No body worker: one starting from the sources beside the rules worker (its CPU for seconds,
  // on a 2-core machine) could push the small text's check past the 300 ms limit.
  server = await start({ bodyWorkers: 0, limits: { rulesCheckMs: LIMIT_MS, bodyBytes: 16 * 1024 * 1024 } });
});
afterAll(() => server.close());

const validate = (rules: string, lang = 'en') =>
  call(server.url, 'POST', '/v1/rules/validate', {
    json: { rules },
    headers: { 'accept-language': lang },
  });

describe('POST /v1/rules/validate in a worker with a time limit', () => {
  it('checks a small text (the worker answers)', async () => {
    const answer = await validate(SMALL);
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answer.body).toMatchObject({ valid: true, ruleset: { id: 't', counts: { criteria: 2 } } });
  });

  it('stops a text past limits.rulesCheckMs: 503 rules_check_timeout (vi/en); /healthz answers meanwhile', async () => {
    const order: string[] = [];
    const slow = validate(SLOW, 'vi').then((a) => {
      order.push('validate');
      return a;
    });
    // The check runs off the event loop: liveness answers before the slow text is given up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await call(server.url, 'GET', '/healthz');
    order.push('healthz');
    expect(health.status).toBe(200);
    const answer = await slow;
    expect(order).toEqual(['healthz', 'validate']);
    expect(answer.status, answer.text.slice(0, 300)).toBe(503);
    expect(answer.type).toBe(PROBLEM_MEDIA_TYPE);
    expect(answer.body).toMatchObject({ type: 'urn:lcz:problem:timeout', status: 503 });
    expect(answer.body.errors).toMatchObject([{ code: 'rules_check_timeout' }]);
    const [only] = answer.body.errors;
    expect(only.message_en).toContain(`${LIMIT_MS} ms`);
    expect(only.message_vi).toContain(`${LIMIT_MS} ms`);
    expect(only.message_vi).not.toBe(only.message_en);
    expect(answer.body.detail).toBe(`${only.message_vi} ${only.hint_vi}`);
  });

  it('the next text is checked by a fresh worker', async () => {
    const answer = await validate(SMALL);
    expect(answer.status).toBe(200);
    expect(answer.body.valid).toBe(true);
  });
});

describe('a server closing while rule texts wait for their check', () => {
  it('answers each 503 not-ready rules_check_closing at /rules, in both languages, and logs no error', async () => {
    const logs: { level: number; msg?: string }[] = [];
    const stream = { write: (line: string) => logs.push(JSON.parse(line)) };
    const closing = await start({
      limits: { rulesCheckMs: 60_000, bodyBytes: 16 * 1024 * 1024 },
      logger: { level: 'info', stream },
    });
    const send = (rules: string) => call(closing.url, 'POST', '/v1/rules/validate', { json: { rules } });
    const [slow, small] = [send(SLOW), send(SMALL)];
    // Closed as soon as both are received: the 4 MB text is then still being read or checked (that
    // takes far longer than this wait on any machine), so it must be answered `closing`. The small
    // one may have been checked already, which is a right answer too; if not, it is `closing` as well.
    // (A fixed pause here was flaky: on a quiet machine the big text was checked within it.)
    while (logs.filter((l) => l.msg === 'incoming request').length < 2)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await closing.close();
    const answers = await Promise.all([slow, small]);
    expect(answers[0]?.status, answers[0]?.text.slice(0, 300)).toBe(503);
    for (const answer of answers) {
      if (answer === answers[1] && answer.status === 200) {
        expect(answer.body).toMatchObject({ valid: true });
        continue;
      }
      expect(answer.status, answer.text.slice(0, 300)).toBe(503);
      expect(answer.type).toBe(PROBLEM_MEDIA_TYPE);
      expect(answer.body).toMatchObject({ type: 'urn:lcz:problem:not-ready', status: 503 });
      // Its text waiting for the check (rules_check_closing, at /rules), or its 4 MB body still
      // waiting for a body worker to parse it (server_closing): both say the server is closing.
      const [only] = answer.body.errors;
      if (only?.code === 'server_closing') expect(answer.body.errors).toHaveLength(1);
      else expect(answer.body.errors).toMatchObject([{ code: 'rules_check_closing', pointer: '/rules' }]);
      expect(answer.body.errors[0].message_vi).not.toBe(answer.body.errors[0].message_en);
      expect(answer.text).not.toMatch(/\n\s+at /);
    }
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('RulesChecker', () => {
  it('queues texts, stops the slow one, and checks the rest; closed, it answers `closing`', async () => {
    const checker = new RulesChecker(LIMIT_MS);
    try {
      const [a, b, c] = await Promise.all([
        checker.check(SMALL, 'a.yaml'),
        checker.check(SLOW, 'b.yaml'),
        checker.check('a: [', 'c.yaml'),
      ]);
      expect(a).toMatchObject({ counts: { errors: 0 }, summary: { id: 't' } });
      expect(b).toEqual({ failed: 'timeout' });
      expect(c).toMatchObject({ counts: { errors: 1 } });
      expect('diagnostics' in c && c.diagnostics[0]).toMatchObject({ code: 'yaml_syntax', file: 'c.yaml' });
    } finally {
      await checker.close();
    }
    await expect(checker.check(SMALL, 'x.yaml')).resolves.toEqual({ failed: 'closing' });
  });

  it('closing answers the text being checked and those waiting with `closing`, not an error', async () => {
    const checker = new RulesChecker(60_000);
    const running = checker.check(SLOW, 'a.yaml');
    const waiting = checker.check(SMALL, 'b.yaml');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await checker.close();
    await expect(running).resolves.toEqual({ failed: 'closing' });
    await expect(waiting).resolves.toEqual({ failed: 'closing' });
  });

  it('a request given up while its text is checked stops that check', async () => {
    const checker = new RulesChecker(60_000);
    try {
      const controller = new AbortController();
      const slow = checker.check(SLOW, 'b.yaml', controller.signal);
      setTimeout(() => controller.abort(new Error('the client closed the connection')), 200);
      await expect(slow).rejects.toThrow('the client closed the connection');
      await expect(checker.check(SMALL, 'a.yaml')).resolves.toMatchObject({ summary: { id: 't' } });
    } finally {
      await checker.close();
    }
  });
});

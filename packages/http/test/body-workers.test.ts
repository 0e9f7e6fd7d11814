/**
 * The body workers over real HTTP on loopback: every answer of the routes they serve is the same,
 * byte for byte and header for header, as the HTTP thread's own (bodyWorkers: 0), for every
 * bundled scheme and for broken bodies; a large body is never parsed, nor its answer serialised,
 * on the HTTP thread (JSON.parse and JSON.stringify of the server's thread counted); a full queue
 * is 503 busy with Retry-After; a request that arrives while the server closes is 503 problem+json.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, PROBLEM_MEDIA_TYPE } from '../src/index.js';
import { examples, start, type Running } from './helpers.js';

const ROOT = join(import.meta.dirname, '../../..');
const SCHEMES = ['rules/lai-chau-2020-2025', 'rules/ntm-commune-2021-2025', 'rules/green-building-illustrative'];
const LAI_CHAU = 'lai-chau-khu-dan-cu-tu-quan';

/** Status, the headers a client reads, and the body as text: what must not differ. */
interface Raw {
  readonly status: number;
  readonly contentType: string | null;
  readonly contentLength: string | null;
  readonly retryAfter: string | null;
  readonly text: string;
}

async function send(base: string, path: string, body: string | Uint8Array | undefined, headers = {}): Promise<Raw> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : new Blob([Buffer.from(body)]) } : {}),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    contentLength: res.headers.get('content-length'),
    retryAfter: res.headers.get('retry-after'),
    text: await res.text(),
  };
}

/** Facts no ruleset declares. */
function undeclared(count: number, prefix: string): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}_household_${i}`, i]));
}

/** A batch of assessments with 200 undeclared facts each, filled up to about `bytes`: the worst case under the limits. */
function worstBatch(bytes: number): string {
  const item = { context: {}, facts: undeclared(200, 'b') };
  const per = JSON.stringify(item).length + 1;
  return JSON.stringify({
    ruleset: LAI_CHAU,
    assessments: Array.from({ length: Math.min(200, Math.floor(bytes / per)) }, () => item),
  });
}

let workers: Running;
let inline: Running;

beforeAll(async () => {
  const rules = SCHEMES.map((s) => join(ROOT, s));
  [workers, inline] = await Promise.all([start({ rules, bodyWorkers: 2 }), start({ rules, bodyWorkers: 0 })]);
});

afterAll(async () => {
  await Promise.all([workers?.close(), inline?.close()]);
});

describe('answers with and without the body workers', () => {
  it('are the same bytes and headers on every route, for every example and broken body', async () => {
    const all = await examples();
    const cases: { path: string; body: string | Uint8Array | undefined; headers?: Record<string, string> }[] = [];
    const routes = ['/v1/evaluate', '/v1/decide', '/v1/explain'];
    for (const { value } of all) {
      for (const path of routes) cases.push({ path, body: JSON.stringify({ ruleset: LAI_CHAU, assessment: value }) });
      cases.push({ path: '/v1/explain', body: JSON.stringify({ assessment: value, ruleset: LAI_CHAU, lang: 'en' }) });
    }
    cases.push({
      path: '/v1/evaluate/batch',
      body: JSON.stringify({ ruleset: LAI_CHAU, assessments: all.map((e) => e.value) }),
    });
    // The other bundled schemes: by their ids, taken from the examples' shape (a problem if wrong, the same either way).
    for (const id of ['ntm-commune', 'green-building']) {
      const listed = (await (await fetch(`${inline.url}/v1/rulesets`)).json()) as { rulesets: { id: string }[] };
      const found = listed.rulesets.find((r) => r.id.includes(id));
      expect(found, id).toBeDefined();
      for (const path of routes)
        cases.push({ path, body: JSON.stringify({ ruleset: found?.id, assessment: { context: {}, facts: {} } }) });
    }
    const broken: (string | Uint8Array | undefined)[] = [
      undefined,
      '',
      '   ',
      '{"assessment": {"facts": {"a": 1, "a": 2}}}',
      '{"assessment": {"\\u005f_proto__": {}}}',
      '{"assessment": ',
      '[1, 2]',
      '{"ruleset": "no-such-ruleset", "assessment": {}}',
      JSON.stringify({ assessment: { context: {}, facts: undeclared(201, 'x') }, ruleset: LAI_CHAU }),
      JSON.stringify({ assessment: { context: {}, facts: undeclared(1001, 'x') } }),
      JSON.stringify({ ruleset: LAI_CHAU, assessments: Array.from({ length: 201 }, () => ({})) }),
      worstBatch(200_000),
      new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    ];
    for (const body of broken)
      for (const path of [...routes, '/v1/evaluate/batch']) {
        cases.push({ path, body });
        cases.push({ path, body, headers: { 'accept-language': 'en' } });
      }
    const statuses = new Set<number>();
    for (const { path, body, headers } of cases) {
      const [a, b] = await Promise.all([send(workers.url, path, body, headers), send(inline.url, path, body, headers)]);
      expect(a, `${path} ${String(body).slice(0, 80)}`).toEqual(b);
      statuses.add(a.status);
    }
    // The comparison covered answers and problems of every kind the routes give.
    expect([...statuses].sort()).toEqual([200, 400, 404, 413, 422]);
  });
});

describe('the HTTP thread', () => {
  it('never parses a large body nor serialises a large answer when the body workers read them', async () => {
    const batch = worstBatch(800_000);
    const all = await examples();
    // 40 assessments: a body and an answer (about 400 KB) both over 64 KiB.
    const answered = JSON.stringify({
      ruleset: LAI_CHAU,
      assessments: Array.from({ length: 10 }, () => all.map((e) => e.value)).flat(),
    });
    const large = { parse: 0, stringify: 0 };
    const { parse, stringify } = JSON;
    // This thread is the servers' HTTP thread (they run in the test's process); workers have their own JSON.
    JSON.parse = (text: string, reviver?: Parameters<typeof parse>[1]) => {
      if (typeof text === 'string' && text.length >= 64 * 1024) large.parse++;
      return parse(text, reviver);
    };
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      const out = stringify(...args);
      if (typeof out === 'string' && out.length >= 64 * 1024) large.stringify++;
      return out;
    }) as typeof stringify;
    const counted = async (base: string) => {
      large.parse = 0;
      large.stringify = 0;
      const [refused, evaluated] = await Promise.all([
        send(base, '/v1/evaluate/batch', batch),
        send(base, '/v1/evaluate/batch', answered),
      ]);
      expect(refused.status).toBe(422);
      expect(evaluated.status).toBe(200);
      expect(evaluated.text.length).toBeGreaterThan(64 * 1024);
      return { ...large };
    };
    try {
      expect(await counted(workers.url)).toEqual({ parse: 0, stringify: 0 });
      // The same requests answered on the HTTP thread do parse and serialise there: the count can fail.
      const there = await counted(inline.url);
      expect(there.parse).toBeGreaterThanOrEqual(2);
      expect(there.stringify).toBeGreaterThanOrEqual(1);
    } finally {
      JSON.parse = parse;
      JSON.stringify = stringify;
    }
  });
});

describe('a full queue', () => {
  it('answers 503 busy problem+json with Retry-After at once, and the requests it took are answered', async () => {
    // No time limit to meet here, however busy the machine: a 503 is the queue's.
    const small = await start({ bodyWorkers: 1, limits: { queuedRequests: 1, handlerTimeoutMs: 600_000 } });
    try {
      const batch = worstBatch(300_000);
      const answers = await Promise.all(Array.from({ length: 8 }, () => send(small.url, '/v1/evaluate/batch', batch)));
      const busy = answers.filter((a) => a.status === 503);
      // One worker, started by the first batch, and one place in the queue: of 8 batches sent
      // together, those that come while the worker starts or works on the first, past the one
      // waiting, are refused at once.
      expect(busy.length).toBeGreaterThanOrEqual(1);
      for (const a of answers) expect([422, 503]).toContain(a.status);
      for (const a of busy) {
        expect(a.text).toContain('urn:lcz:problem:busy');
        expect(a.contentType).toBe(`${PROBLEM_MEDIA_TYPE}; charset=utf-8`);
        expect(a.retryAfter).toBe('2');
        const problem = JSON.parse(a.text);
        expect(problem).toMatchObject({ type: 'urn:lcz:problem:busy', status: 503 });
        expect(problem.errors).toMatchObject([{ code: 'busy' }]);
        expect(problem.errors[0].message_en).toContain('has 1 request waiting');
        expect(problem.errors[0].message_vi).not.toBe(problem.errors[0].message_en);
      }
      expect(answers.filter((a) => a.status === 422).length).toBeGreaterThanOrEqual(1);
    } finally {
      await small.close();
    }
  });
});

describe('a request that arrives while the server closes', () => {
  it('is answered 503 problem+json (not-ready, server_closing), not Fastify’s plain 503', async () => {
    const app = await createServer({ rules: join(ROOT, SCHEMES[0] ?? ''), logger: false });
    const { port } = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // A first request answered, and the start of a second in the same write: once the first is
    // answered, the server has read the second's first line, so its connection is not idle
    // and the close waits for it.
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n');
    while (!received.includes('{"status":"ok"}')) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = app.close();
    // The server stops listening once the close has begun (Fastify closing, the plugin's
    // preClose run); the rest of the second request comes after.
    while (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    socket.write('Accept-Language: en\r\n\r\n');
    await ended;
    await closed;
    const second = received.slice(received.indexOf('{"status":"ok"}') + '{"status":"ok"}'.length);
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/content-type: application\/problem\+json; charset=utf-8/i);
    const problem = JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4));
    expect(problem).toMatchObject({ type: 'urn:lcz:problem:not-ready', status: 503, instance: '/healthz' });
    expect(problem.errors).toMatchObject([{ code: 'server_closing' }]);
    expect(problem.detail).toContain('shutting down');
    expect(second).not.toContain('"error":"Service Unavailable"');
  });
});

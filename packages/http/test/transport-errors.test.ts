/**
 * Requests the HTTP parser refuses, sent as raw bytes on loopback: each is answered as
 * problem+json in both languages, and nothing of the request comes back.
 */
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientError } from '../src/client-errors.js';
import { start, type Running } from './helpers.js';

let server: Running;
beforeAll(async () => {
  server = await start();
});
afterAll(() => server.close());

function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy());
    socket.end(request);
  });
}

const MARK = 'ECHO_ME_NOT';

describe('transport errors', () => {
  it.each([
    ['a bad Content-Length', `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 1${MARK}\r\n\r\n{}`, 400],
    [
      'two different Content-Lengths',
      `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\nX-${MARK}: 1\r\n\r\n{}`,
      400,
    ],
    [
      'Content-Length with Transfer-Encoding',
      `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nX-${MARK}: 1\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      400,
    ],
    ['a garbage request line', `${MARK} ${MARK}\r\n\r\n`, 400],
    ['a 100 KB header', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${MARK}${'a'.repeat(100_000)}\r\n\r\n`, 431],
  ] as const)('%s gets problem+json without echoing the request', async (_what, request, status) => {
    const answer = await raw(request);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    const problem = JSON.parse(body);
    expect(problem).toMatchObject({ type: 'urn:lcz:problem:bad-request', status });
    expect(problem.errors[0].code).toMatch(/^transport_/);
    expect(problem.errors[0].message_vi).not.toBe(problem.errors[0].message_en);
    expect(answer).not.toContain(MARK);
  });
});

describe('unknown paths', () => {
  it('a 10 KB path is not echoed back whole', async () => {
    const answer = await raw(`GET /v1/${'p'.repeat(10_000)}${MARK} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 404 /);
    expect(answer).not.toContain(MARK);
    expect(answer.length).toBeLessThan(3000);
  });
});

describe('paths the router cannot read', () => {
  it.each([
    ['a malformed % escape in {id}', `/v1/rulesets/%ZZ${MARK}`, 400, 'url_escape'],
    ['a % escape that is not UTF-8 in {id}', `/v1/rulesets/${MARK}%E0%A4/schema`, 400, 'url_escape'],
    ['a trailing %', `/v1/rulesets/${MARK}%`, 400, 'url_escape'],
    ['a 10 KB path parameter', `/v1/rulesets/${MARK}${'p'.repeat(10_000)}`, 414, 'path_param_too_long'],
  ] as const)('%s gets problem+json (vi/en) without echoing the path', async (_what, path, status, code) => {
    const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    const problem = JSON.parse(body);
    expect(problem).toMatchObject({
      type: 'urn:lcz:problem:bad-request',
      status,
      errors: [{ code, parameter: 'path' }],
    });
    expect(problem.errors[0].message_vi).not.toBe(problem.errors[0].message_en);
    expect(problem.detail).toBe(problem.errors[0].message_vi);
    expect(answer).not.toContain(MARK);
    expect(answer.length).toBeLessThan(3000);
  });
});

describe('a request not received whole in time', () => {
  it('gets 408 problem+json saying so, not a bad request line', async () => {
    // Node's own server with the handler createServer gives Fastify; a short requestTimeout,
    // checked often, so the slow client is cut in well under a second.
    const slow = createHttpServer({ requestTimeout: 300, connectionsCheckingInterval: 50 }, () => undefined);
    slow.on('clientError', answerClientError);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const address = slow.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
          text += chunk;
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.setTimeout(5000, () => socket.destroy());
        // Headers and one byte of a 100-byte body, then nothing.
        socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-${MARK}: 1\r\n\r\n{`);
      });
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1.1 408 /);
      const problem = JSON.parse(body);
      expect(problem).toMatchObject({ status: 408, errors: [{ code: 'transport_timeout' }] });
      expect(problem.errors[0].message_en).toContain('300 ms');
      expect(problem.errors[0].message_vi).toContain('300 ms');
      expect(answer).not.toContain(MARK);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

/**
 * A client sending far more than limits.bodyBytes as fast as loopback takes it, as curl does: it
 * reads while it sends, stops sending once an answer has come, and fails on a reset (curl: "Send
 * failure" or "Connection reset", the 413 never printed).
 */
function sendHuge(bytes: number, chunked: boolean): Promise<string> {
  const { hostname, port } = new URL(server.url);
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const framed = chunked
    ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
    : chunk;
  const length = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${bytes}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      answer += d;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer in 20 s')));
    const write = () => {
      while (sent < bytes && answer === '') {
        sent += chunk.length;
        if (!socket.write(framed)) {
          socket.once('drain', write);
          return;
        }
      }
      socket.end();
    };
    socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${length}\r\n\r\n`);
    write();
  });
}

describe('a body far over the limit', () => {
  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('300 MB %s gets the readable 413 problem, not a connection reset', async (_, chunked) => {
    const answer = await sendHuge(300 << 20, chunked);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(body)).toMatchObject({
      type: 'urn:lcz:problem:payload-too-large',
      errors: [{ code: 'too_large' }],
    });
  });
});

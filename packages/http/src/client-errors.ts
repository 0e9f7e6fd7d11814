/**
 * Requests Node's HTTP parser cannot read (a bad or repeated Content-Length, Content-Length with
 * Transfer-Encoding, a garbage request line, a 100 KB header) never reach Fastify's routes: they
 * are answered here, on the socket, as problem+json in Vietnamese and English like every other
 * problem. Nothing of the request is echoed: it may be huge, or written to mislead.
 */
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLang } from './lang.js';
import { DEFAULT_PROBLEM_TYPE_BASE, PROBLEM_MEDIA_TYPE, entry, say } from './problem.js';

/** What was wrong, by the parser's error code, in words that quote nothing from the request. */
const PARTS: Readonly<
  Record<string, 'content_length' | 'content_length_and_chunked' | 'request_line' | 'headers' | 'timeout'>
> = {
  HPE_INVALID_CONTENT_LENGTH: 'content_length',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'content_length_and_chunked',
  HPE_INVALID_TRANSFER_ENCODING: 'content_length_and_chunked',
  HPE_INVALID_METHOD: 'request_line',
  HPE_INVALID_URL: 'request_line',
  HPE_INVALID_VERSION: 'request_line',
  HPE_INVALID_CONSTANT: 'request_line',
  HPE_HEADER_OVERFLOW: 'headers',
  // requestTimeout (createServer's requestTimeoutMs) passed before the request was whole: Node's
  // own handler answers 408; said here as the request line's fault, it misled a slow client.
  ERR_HTTP_REQUEST_TIMEOUT: 'timeout',
};

const STATUS: Readonly<Record<string, readonly [number, string]>> = {
  headers: [431, 'Request Header Fields Too Large'],
  timeout: [408, 'Request Timeout'],
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // Any other parser error (a bad chunk size, a header name with a space…): said generally,
  // never blamed on the request line.
  const part = PARTS[error.code ?? ''] ?? 'unreadable';
  const [status, reason] = STATUS[part] ?? [400, 'Bad Request'];
  const problem = entry(`transport_${part}`, {}, { ms: timeoutOf(socket) });
  const body = JSON.stringify({
    type: `${DEFAULT_PROBLEM_TYPE_BASE}bad-request`,
    title: say('en', 'title_bad_request').message,
    status,
    detail: problem.message_en,
    errors: [problem],
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The server's requestTimeout, for the 408's message ('' when the socket has no server). */
function timeoutOf(socket: Socket): number | string {
  const server: unknown = Reflect.get(socket, 'server');
  const ms = typeof server === 'object' && server !== null ? Reflect.get(server, 'requestTimeout') : undefined;
  return typeof ms === 'number' ? ms : '';
}

/** Fastify's own answers for a path it cannot route, by its error code. */
const FRAMEWORK: Readonly<
  Record<string, { readonly key: 'url_escape' | 'path_param_too_long'; readonly status: number }>
> = {
  FST_ERR_BAD_URL: { key: 'url_escape', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { key: 'path_param_too_long', status: 414 },
};

/**
 * Fastify's `frameworkErrors` option: a path with a malformed `%` escape (`/v1/rulesets/%ZZ`) or
 * a path parameter over the router's length limit is answered before any route or plugin runs,
 * by default with Fastify's JSON that echoes the whole path. This answers problem+json in both
 * languages instead, quoting nothing of the path. createServer sets it; an app that mounts the
 * plugin in its own Fastify passes it too: `Fastify({ frameworkErrors: answerFrameworkError })`.
 */
export function answerFrameworkError(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = FRAMEWORK[error.code ?? ''];
  const status = known?.status ?? 400;
  const problem = known
    ? entry(known.key, { parameter: 'path' }, { max: request.server.initialConfig.maxParamLength ?? 100 })
    : entry('bad_request', {}, (lang) => ({
        reason: lang === 'vi' ? 'đường dẫn không hợp lệ' : 'the path is not valid',
      }));
  const lang = negotiateLang(request.headers['accept-language']);
  void reply
    .code(status)
    .type(PROBLEM_MEDIA_TYPE)
    .send(
      JSON.stringify({
        type: `${DEFAULT_PROBLEM_TYPE_BASE}bad-request`,
        title: say(lang, 'title_bad_request').message,
        status,
        detail: lang === 'vi' ? problem.message_vi : problem.message_en,
        errors: [problem],
      }),
    );
}

/**
 * Errors raised around the handlers, by the transport (content type, body size, body syntax) or
 * by the time limit, turned into problems. Anything else is a bug: a 500 with the request id, never a stack
 * trace (the stack goes to the log).
 */
import { ProblemError } from './json-body.js';
import { entry, quotedList, type ProblemEntry, type ProblemKind } from './problem.js';

export interface TransportErrorContext {
  /** Media types the route accepts, for the 415 message. */
  readonly accepts: readonly string[];
  /** The request's Content-Type header, if any. */
  readonly contentType: string | undefined;
  readonly bodyLimit: number;
  readonly handlerTimeoutMs: number;
  readonly requestId: string;
}

export interface MappedError {
  readonly kind: ProblemKind;
  readonly errors: readonly ProblemEntry[];
  /** A bug, to be logged with its stack. */
  readonly unexpected: boolean;
}

export function mapTransportError(error: unknown, context: TransportErrorContext): MappedError {
  if (error instanceof ProblemError) return { kind: error.kind, errors: error.errors, unexpected: false };
  const code = fieldOf(error, 'code');
  const status = fieldOf(error, 'statusCode');
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(context);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        kind: 'payload-too-large',
        errors: [entry('too_large', {}, { limit: context.bodyLimit })],
        unexpected: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { kind: 'malformed-json', errors: [entry('json_empty', {})], unexpected: false };
  }
  // AbortSignal.timeout's reason, thrown by a handler that stopped on its signal.
  if (fieldOf(error, 'name') === 'TimeoutError') {
    return { kind: 'timeout', errors: [entry('timeout', {}, { ms: context.handlerTimeoutMs })], unexpected: false };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Another client error the transport found (e.g. a Content-Length that does not match).
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'bad-request', errors: [entry('bad_request', {}, { reason })], unexpected: false };
  }
  return {
    kind: 'internal-error',
    errors: [entry('internal_error', {}, { request_id: context.requestId })],
    unexpected: true,
  };
}

/** 415: the body's type is not one the route takes (or the body has no type at all). */
export function unsupportedMediaType(context: TransportErrorContext): MappedError {
  const accepted = (lang: 'vi' | 'en') => quotedList(lang, context.accepts);
  return {
    kind: 'unsupported-media-type',
    errors: [
      context.contentType === undefined
        ? entry('media_type_missing', {}, () => ({ accepted: context.accepts[0] ?? 'application/json' }))
        : entry('media_type', {}, (lang) => ({ type: context.contentType ?? '', accepted: accepted(lang) })),
    ],
    unexpected: false,
  };
}

/** A field of whatever was thrown (Fastify's errors carry `code` and `statusCode`), if it has one. */
function fieldOf(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
}

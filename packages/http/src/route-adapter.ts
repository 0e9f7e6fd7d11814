/**
 * One entry of the route table (api.ts) as a Fastify route: the request becomes handler input,
 * the outcome becomes a reply, and problems found around the handler (a body of the wrong type,
 * the time limit, the client gone) are answered as problem+json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_MEDIA, type RouteSpec } from './api.js';
import { isRecord, type HandlerContext, type Outcome } from './handlers/context.js';
import { negotiateLang } from './lang.js';
import { RETRY_AFTER_SECONDS, type BodyPool } from './body-work/body-pool.js';
import { entry, type ProblemEntry, type ProblemKind } from './problem.js';
import { unsupportedMediaType, type TransportErrorContext } from './transport-errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a @lcz/criteria-http route accepts (for its 415 answer). */
    lczAccepts?: readonly string[];
    /** The route is answered by the body workers: its JSON body stays bytes (body-parsers.ts). */
    lczWorker?: boolean;
  }
}

export type SendProblem = (
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ProblemKind,
  errors: readonly ProblemEntry[],
) => FastifyReply;

/** What the transport-error mapping needs to word a problem about this request. */
export function transportContext(request: FastifyRequest, ctx: HandlerContext): TransportErrorContext {
  return {
    accepts: request.routeOptions.config.lczAccepts ?? JSON_MEDIA,
    contentType: request.headers['content-type'],
    bodyLimit: ctx.limits.bodyBytes,
    handlerTimeoutMs: ctx.limits.handlerTimeoutMs,
    requestId: String(request.id),
  };
}

export function registerRoute(
  scope: FastifyInstance,
  route: RouteSpec,
  ctx: HandlerContext,
  send: SendProblem,
  pool: BodyPool | undefined,
): void {
  const accepts = route.body ? Object.keys(route.body.content) : [];
  const inWorker = route.worker === true && pool !== undefined;
  scope.route({
    method: route.method,
    url: route.path.replace(/\{([^}]+)\}/g, ':$1'),
    bodyLimit: ctx.limits.bodyBytes,
    config: { lczAccepts: accepts, lczWorker: inWorker },
    handler: async (request, reply) => {
      // A body of a type the parsers know (YAML) sent to a route that does not take it.
      const media = mediaType(request.headers['content-type']);
      if (request.body !== undefined && media !== undefined && !accepts.includes(media)) {
        const mapped = unsupportedMediaType(transportContext(request, ctx));
        return send(request, reply, mapped.kind, mapped.errors);
      }
      if (inWorker) return answerInWorker(route, ctx, pool, send, request, reply);
      const outcome = await runHandler(route, ctx, request, reply);
      if (outcome === undefined) return reply; // nobody is left to answer
      if ('problem' in outcome) return send(request, reply, outcome.problem, outcome.errors);
      return reply.code(outcome.status).type(outcome.contentType).send(JSON.stringify(outcome.body));
    },
  });
}

/**
 * A route the body workers answer: the body's bytes go to a worker, the answer's bytes come back
 * and are sent as they are (the worker made them as this thread would have: body-work/answer.ts).
 * What the pool itself refuses is answered here: a full queue (503 busy, Retry-After), the
 * server closing (503), a worker that died on this request (500 with the request id).
 */
async function answerInWorker(
  route: RouteSpec,
  ctx: HandlerContext,
  pool: BodyPool,
  send: SendProblem,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const bytes = request.body instanceof Uint8Array ? request.body : undefined;
  const contentType = request.headers['content-type'];
  // The pool keeps the time limit (it does not count a worker's start-up): only the client gone here.
  const answered = await withSignal(ctx, reply, { timeLimit: false }, (signal) =>
    pool.answer(
      {
        operationId: route.operationId,
        ...(bytes !== undefined ? { bytes } : {}),
        ...(contentType !== undefined ? { contentType } : {}),
        query: isRecord(request.query) ? { ...request.query } : {},
        lang: negotiateLang(request.headers['accept-language']),
        url: request.url,
        requestId: String(request.id),
      },
      signal,
      ctx.limits.handlerTimeoutMs,
    ),
  );
  if (answered === undefined) return reply; // nobody is left to answer
  if ('failed' in answered) {
    if (answered.failed === 'busy')
      return send(request, reply, 'busy', [
        entry('busy', {}, { queued: ctx.limits.queuedRequests, seconds: RETRY_AFTER_SECONDS }),
      ]);
    if (answered.failed === 'closing') return send(request, reply, 'not-ready', [entry('server_closing', {})]);
    if (answered.failed === 'crashed')
      request.log.error({ err: answered.error }, 'criteria-http: a body worker stopped');
    return send(request, reply, 'internal-error', [entry('internal_error', {}, { request_id: String(request.id) })]);
  }
  if (answered.log?.level === 'error') request.log.error({ err: answered.log.error }, 'criteria-http: internal error');
  else if (answered.log)
    request.log.info({ problem: answered.log.problem, codes: answered.log.codes }, 'criteria-http: problem');
  const { buffer, byteOffset, byteLength } = answered.bytes;
  return reply
    .code(answered.status)
    .type(withCharset(answered.contentType))
    .send(Buffer.from(buffer, byteOffset, byteLength));
}

/**
 * The media type Fastify sends with a text body of this type (reply.send adds `charset=utf-8`
 * to a JSON type without one), so that bytes from a worker go out with the same header.
 */
function withCharset(type: string): string {
  return type.includes('json') && !/;\s*charset=/i.test(type) ? `${type}; charset=utf-8` : type;
}

/**
 * `work`, given a signal that fires when the client goes away and, with `timeLimit`, at the time
 * limit. A TimeoutError it rejects with is answered as 503 timeout by the error handler.
 * Undefined when the client went away.
 */
async function withSignal<T>(
  ctx: HandlerContext,
  reply: FastifyReply,
  options: { readonly timeLimit: boolean },
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  const gone = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) gone.abort(new Error('the client closed the connection'));
  };
  reply.raw.once('close', onClose);
  try {
    return await work(
      options.timeLimit
        ? AbortSignal.any([AbortSignal.timeout(ctx.limits.handlerTimeoutMs), gone.signal])
        : gone.signal,
    );
  } catch (error) {
    if (gone.signal.aborted) return undefined;
    throw error;
  } finally {
    reply.raw.off('close', onClose);
  }
}

/**
 * The handler, given a signal that fires at the time limit or when the client goes away. Long
 * work (a batch, a rule check) stops on it; a TimeoutError thrown then is answered as 503
 * timeout by the error handler. Undefined when the client went away.
 */
async function runHandler(
  route: RouteSpec,
  ctx: HandlerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Outcome | undefined> {
  return withSignal(ctx, reply, { timeLimit: true }, async (signal) =>
    route.handle(ctx, {
      ...(request.body !== undefined ? { body: request.body } : {}),
      params: stringsOf(request.params),
      query: isRecord(request.query) ? request.query : {},
      lang: negotiateLang(request.headers['accept-language']),
      signal,
      ...(request.headers.authorization !== undefined ? { authorization: request.headers.authorization } : {}),
    }),
  );
}

/** Path parameters: Fastify's router gives strings, by name. */
function stringsOf(params: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(params))
    for (const [name, value] of Object.entries(params)) if (typeof value === 'string') out[name] = value;
  return out;
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}

/**
 * One entry of the route table (api.ts) as a Fastify route: the request becomes handler input,
 * the outcome becomes a reply, and problems found around the handler (a body of the wrong type,
 * the time limit, the client gone) are answered as problem+json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_MEDIA, type RouteSpec } from './api.js';
import { isRecord, type HandlerContext, type Outcome } from './handlers/context.js';
import { negotiateLang } from './lang.js';
import type { ProblemEntry, ProblemKind } from './problem.js';
import { unsupportedMediaType, type TransportErrorContext } from './transport-errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a @lcz/criteria-http route accepts (for its 415 answer). */
    lczAccepts?: readonly string[];
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

export function registerRoute(scope: FastifyInstance, route: RouteSpec, ctx: HandlerContext, send: SendProblem): void {
  const accepts = route.body ? Object.keys(route.body.content) : [];
  scope.route({
    method: route.method,
    url: route.path.replace(/\{([^}]+)\}/g, ':$1'),
    bodyLimit: ctx.limits.bodyBytes,
    config: { lczAccepts: accepts },
    handler: async (request, reply) => {
      // A body of a type the parsers know (YAML) sent to a route that does not take it.
      const media = mediaType(request.headers['content-type']);
      if (request.body !== undefined && media !== undefined && !accepts.includes(media)) {
        const mapped = unsupportedMediaType(transportContext(request, ctx));
        return send(request, reply, mapped.kind, mapped.errors);
      }
      const outcome = await runHandler(route, ctx, request, reply);
      if (outcome === undefined) return reply; // nobody is left to answer
      if ('problem' in outcome) return send(request, reply, outcome.problem, outcome.errors);
      return reply.code(outcome.status).type(outcome.contentType).send(JSON.stringify(outcome.body));
    },
  });
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
  const gone = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) gone.abort(new Error('the client closed the connection'));
  };
  reply.raw.once('close', onClose);
  try {
    return await route.handle(ctx, {
      ...(request.body !== undefined ? { body: request.body } : {}),
      params: stringsOf(request.params),
      query: isRecord(request.query) ? request.query : {},
      lang: negotiateLang(request.headers['accept-language']),
      signal: AbortSignal.any([AbortSignal.timeout(ctx.limits.handlerTimeoutMs), gone.signal]),
      ...(request.headers.authorization !== undefined ? { authorization: request.headers.authorization } : {}),
    });
  } catch (error) {
    if (gone.signal.aborted) return undefined;
    throw error;
  } finally {
    reply.raw.off('close', onClose);
  }
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

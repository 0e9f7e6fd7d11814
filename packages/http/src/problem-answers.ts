/**
 * The plugin's problem+json answers outside the handlers: the sender every route uses (the body
 * in the client's language, errors in both), the error handler (content type, body size and
 * syntax, the time limit, and bugs as 500), and the not-found handler under /v1.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HandlerContext } from './handlers/context.js';
import { negotiateLang } from './lang.js';
import { closeAfterClientStops } from './lingering-close.js';
import {
  entry,
  PROBLEM_KINDS,
  PROBLEM_MEDIA_TYPE,
  problemText,
  shortened,
  type ProblemEntry,
  type ProblemKind,
} from './problem.js';
import { transportContext, type SendProblem } from './route-adapter.js';
import { mapTransportError } from './transport-errors.js';
import { RETRY_AFTER_SECONDS } from './body-work/body-pool.js';

/** Answers a problem: the body in the client's language (errors in both), the kind's status. */
export function problemSender(typeBase: string): SendProblem {
  return (request: FastifyRequest, reply: FastifyReply, kind: ProblemKind, errors: readonly ProblemEntry[]) => {
    const text = problemText(kind, errors, {
      lang: negotiateLang(request.headers['accept-language']),
      url: request.url,
      typeBase,
    });
    // A busy server says when to come back (RFC 9110 §10.2.3).
    if (kind === 'busy') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.code(PROBLEM_KINDS[kind].status).type(PROBLEM_MEDIA_TYPE).send(text);
  };
}

/** Errors around the handlers (content type, body size and syntax, time limit) and bugs (500). */
export function registerErrorHandler(app: FastifyInstance, ctx: HandlerContext, send: SendProblem): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = mapTransportError(error, transportContext(request, ctx));
    if (mapped.unexpected) request.log.error({ err: error }, 'criteria-http: internal error');
    else request.log.info({ problem: mapped.kind, codes: mapped.errors.map((e) => e.code) }, 'criteria-http: problem');
    // A body still arriving (one over the size limit): the answer must reach the client before the close.
    closeAfterClientStops(request.raw);
    return send(request, reply, mapped.kind, mapped.errors);
  });
}

/** 404 for a path under /v1 that no route serves, naming where the API is described. */
export function answerNotFound(ctx: HandlerContext, send: SendProblem, request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 'not-found', [
    entry(
      'route_not_found',
      {},
      {
        method: request.method,
        // Never echoed whole: a 10 KB path would come back as a 10 KB message.
        path: shortened(request.url.split('?')[0] ?? request.url),
        openapi: `${ctx.basePath}/openapi.json`,
      },
    ),
  ]);
}

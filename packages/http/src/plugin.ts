/**
 * The Fastify plugin: glue only. It loads the rulesets, then registers one Fastify route per entry
 * of the route table, turning a request into handler input and an outcome into a reply. It is
 * encapsulated: its body parsers, error and not-found handlers apply to its own routes, never to
 * the app that mounts it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { JSON_MEDIA, ROUTES, YAML_MEDIA, type RouteSpec } from './api.js';
import type { HandlerContext, Outcome } from './handlers/context.js';
import { bodyText, parseJsonBody } from './json-body.js';
import { negotiateLang } from './lang.js';
import { buildOpenApi } from './openapi.js';
import { resolveLimits, type CriteriaHttpOptions } from './options.js';
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  entry,
  PROBLEM_KINDS,
  PROBLEM_MEDIA_TYPE,
  renderProblem,
  type ProblemEntry,
  type ProblemKind,
} from './problem.js';
import { loadRegistry } from './registry.js';
import { mapTransportError, unsupportedMediaType, type TransportErrorContext } from './transport-errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a @lcz/criteria-http route accepts (for its 415 answer). */
    lczAccepts?: readonly string[];
  }
}

async function criteriaHttpPlugin(app: FastifyInstance, options: CriteriaHttpOptions): Promise<void> {
  const limits = resolveLimits(options.limits);
  const registry = await loadRegistry(options.rules);
  const typeBase = options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE;
  const allowInlineRules = options.allowUploadedRulesetEvaluation === true;
  const prefix = app.prefix;
  // The record's routes, only when the app hands over a record (lcz serve --records): loaded
  // lazily, so an app without one never loads the record's database drivers.
  const records = options.records
    ? await (await import('./records/routes.js')).recordsRoutes(options.records)
    : undefined;
  const routes = [...ROUTES, ...(records?.routes ?? [])];
  let openapi: object | undefined;
  const ctx: HandlerContext = {
    registry,
    limits,
    allowInlineRules,
    basePath: `${prefix}/v1`,
    openapi: () =>
      (openapi ??= buildOpenApi({
        routes,
        registry,
        limits,
        prefix,
        allowInlineRules,
        typeBase,
        ...(records ? { schemas: records.schemas } : {}),
      })),
  };

  const sendProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: ProblemKind,
    errors: readonly ProblemEntry[],
  ) => {
    const body = renderProblem(kind, errors, {
      lang: negotiateLang(request.headers['accept-language']),
      instance: shortened(request.url),
      typeBase,
    });
    return reply.code(PROBLEM_KINDS[kind].status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(body));
  };

  // Only the body types the routes take; the 415 for any other comes from Fastify, worded below.
  app.removeAllContentTypeParsers();
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(defaultJson as never, bodyText(body), limits.objectKeys));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  app.addContentTypeParser(
    [...YAML_MEDIA],
    { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
    (_request, body, done) => {
      try {
        done(null, bodyText(body));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  const transport = (request: FastifyRequest): TransportErrorContext => ({
    accepts: request.routeOptions.config.lczAccepts ?? JSON_MEDIA,
    contentType: request.headers['content-type'],
    bodyLimit: limits.bodyBytes,
    handlerTimeoutMs: limits.handlerTimeoutMs,
    requestId: String(request.id),
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapTransportError(error, transport(request));
    if (mapped.unexpected) request.log.error({ err: error }, 'criteria-http: internal error');
    else request.log.info({ problem: mapped.kind, codes: mapped.errors.map((e) => e.code) }, 'criteria-http: problem');
    return sendProblem(request, reply, mapped.kind, mapped.errors);
  });

  const register = (scope: FastifyInstance, route: RouteSpec) => {
    const accepts = route.body ? Object.keys(route.body.content) : [];
    scope.route({
      method: route.method,
      url: route.path.replace(/\{([^}]+)\}/g, ':$1'),
      bodyLimit: limits.bodyBytes,
      config: { lczAccepts: accepts },
      handler: async (request, reply) => {
        const lang = negotiateLang(request.headers['accept-language']);
        // A body of a type the parsers know (YAML) sent to a route that does not take it.
        const media = mediaType(request.headers['content-type']);
        if (request.body !== undefined && media !== undefined && !accepts.includes(media)) {
          const mapped = unsupportedMediaType(transport(request));
          return sendProblem(request, reply, mapped.kind, mapped.errors);
        }
        // The handler's signal: the time limit, or the client gone. Long work (a batch) checks it
        // between slices; when the time is up it throws a TimeoutError, answered as 503 timeout.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort(new Error('the client closed the connection'));
        };
        reply.raw.once('close', onClose);
        let outcome: Outcome;
        try {
          outcome = await route.handle(ctx, {
            ...(request.body !== undefined ? { body: request.body } : {}),
            params: (request.params ?? {}) as Record<string, string>,
            query: (request.query ?? {}) as Record<string, unknown>,
            lang,
            signal: AbortSignal.any([AbortSignal.timeout(limits.handlerTimeoutMs), gone.signal]),
            ...(request.headers.authorization !== undefined ? { authorization: request.headers.authorization } : {}),
          });
        } catch (error) {
          if (gone.signal.aborted) return reply; // nobody is left to answer
          throw error;
        } finally {
          reply.raw.off('close', onClose);
        }
        if ('problem' in outcome) return sendProblem(request, reply, outcome.problem, outcome.errors);
        return reply.code(outcome.status).type(outcome.contentType).send(JSON.stringify(outcome.body));
      },
    });
  };

  for (const route of routes.filter((r) => r.root)) register(app, route);
  await app.register(
    async (v1) => {
      for (const route of routes.filter((r) => !r.root)) register(v1, route);
      // Only under /v1: the app's own 404s stay its own.
      v1.setNotFoundHandler((request, reply) =>
        sendProblem(request, reply, 'not-found', [
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
        ]),
      );
    },
    { prefix: '/v1' },
  );
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === undefined || type === '' ? undefined : type;
}

/**
 * Mount the criteria API in a Fastify app:
 * `await app.register(criteriaHttp, { rules: 'rules/lai-chau-2020-2025' })`.
 * Routes: /v1/… under the prefix the app registers it with, plus /healthz and /readyz.
 */
export const criteriaHttp = fp(criteriaHttpPlugin, {
  fastify: '5.x',
  name: '@lcz/criteria-http',
  // Keep the parsers, error and not-found handlers to the plugin's routes.
  encapsulate: true,
});

/** A path as written by the client, cut to 120 characters so an answer never echoes much of it. */
function shortened(path: string): string {
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

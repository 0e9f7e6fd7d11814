/**
 * The Fastify plugin: glue only. It loads the rulesets, then registers one Fastify route per entry
 * of the route table (route-adapter.ts), the body parsers (body-parsers.ts), and the error and
 * not-found handlers that answer problem+json. It is encapsulated: its body parsers, error and
 * not-found handlers apply to its own routes, never to the app that mounts it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ROUTES, type RouteSpec } from './api.js';
import { registerBodyParsers } from './body-parsers.js';
import type { HandlerContext } from './handlers/context.js';
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
import { registerRoute, transportContext, type SendProblem } from './route-adapter.js';
import { RulesChecker } from './rules-check/rules-checker.js';
import { mapTransportError } from './transport-errors.js';

async function criteriaHttpPlugin(app: FastifyInstance, options: CriteriaHttpOptions): Promise<void> {
  const typeBase = options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE;
  const ctx = await handlerContext(app.prefix, options, typeBase);
  // The rules worker ends with the server.
  app.addHook('onClose', () => ctx.rulesChecker.close());
  const send = problemSender(typeBase);
  registerBodyParsers(app, ctx.limits);
  registerErrorHandler(app, ctx, send);
  for (const route of ctx.routes.filter((r) => r.root)) registerRoute(app, route, ctx, send);
  await app.register(
    async (v1) => {
      for (const route of ctx.routes.filter((r) => !r.root)) registerRoute(v1, route, ctx, send);
      // Only under /v1: the app's own 404s stay its own.
      v1.setNotFoundHandler((request, reply) => answerNotFound(ctx, send, request, reply));
    },
    { prefix: '/v1' },
  );
}

/**
 * What every handler gets: the rulesets, the limits, links, the OpenAPI document, the rules
 * checker; and the routes to register (the record's too, when there is one).
 */
async function handlerContext(
  prefix: string,
  options: CriteriaHttpOptions,
  typeBase: string,
): Promise<HandlerContext & { readonly routes: readonly RouteSpec[] }> {
  const limits = resolveLimits(options.limits);
  const registry = await loadRegistry(options.rules);
  const allowInlineRules = options.allowUploadedRulesetEvaluation === true;
  // The record's routes, only when the app hands over a record (lcz serve --records): loaded
  // lazily, so an app without one never loads the record's database drivers.
  const records = options.records
    ? await (await import('./records/routes.js')).recordsRoutes(options.records)
    : undefined;
  const routes = [...ROUTES, ...(records?.routes ?? [])];
  let openapi: object | undefined;
  return {
    registry,
    limits,
    allowInlineRules,
    basePath: `${prefix}/v1`,
    routes,
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
    rulesChecker: new RulesChecker(limits.rulesCheckMs),
  };
}

/** Answers a problem: the body in the client's language (errors in both), the kind's status. */
function problemSender(typeBase: string): SendProblem {
  return (request: FastifyRequest, reply: FastifyReply, kind: ProblemKind, errors: readonly ProblemEntry[]) => {
    const body = renderProblem(kind, errors, {
      lang: negotiateLang(request.headers['accept-language']),
      instance: shortened(request.url),
      typeBase,
    });
    return reply.code(PROBLEM_KINDS[kind].status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(body));
  };
}

/** Errors around the handlers (content type, body size and syntax, time limit) and bugs (500). */
function registerErrorHandler(app: FastifyInstance, ctx: HandlerContext, send: SendProblem): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = mapTransportError(error, transportContext(request, ctx));
    if (mapped.unexpected) request.log.error({ err: error }, 'criteria-http: internal error');
    else request.log.info({ problem: mapped.kind, codes: mapped.errors.map((e) => e.code) }, 'criteria-http: problem');
    return send(request, reply, mapped.kind, mapped.errors);
  });
}

function answerNotFound(ctx: HandlerContext, send: SendProblem, request: FastifyRequest, reply: FastifyReply) {
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

/**
 * Mount the criteria API in a Fastify app:
 * `await app.register(criteriaHttp, { rules: 'rules/lai-chau-2020-2025' })`.
 * Routes: /v1/… under the prefix the app registers it with, plus /healthz and /readyz.
 * Give the app `frameworkErrors: answerFrameworkError` too, so that a path with a malformed `%`
 * escape is answered as problem+json (Fastify answers those before any plugin runs).
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

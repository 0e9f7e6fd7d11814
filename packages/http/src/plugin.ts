/**
 * The Fastify plugin: glue only. It builds the handler context (handler-context.ts), then
 * registers the body parsers (body-parsers.ts), the problem+json error and not-found handlers
 * (problem-answers.ts), one Fastify route per entry of the route table (route-adapter.ts), and
 * what happens when the server closes. It is encapsulated: its body parsers, error and not-found
 * handlers apply to its own routes, never to the app that mounts it.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { registerBodyParsers } from './body-parsers.js';
import { createHandlerContext, type PluginContext } from './handler-context.js';
import type { CriteriaHttpOptions } from './options.js';
import { DEFAULT_PROBLEM_TYPE_BASE, entry } from './problem.js';
import { answerNotFound, problemSender, registerErrorHandler } from './problem-answers.js';
import { registerRoute, type SendProblem } from './route-adapter.js';

async function criteriaHttpPlugin(app: FastifyInstance, options: CriteriaHttpOptions): Promise<void> {
  const typeBase = options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE;
  const ctx = await createHandlerContext(app.prefix, options, typeBase);
  const send = problemSender(typeBase);
  registerShutdown(app, ctx, send);
  registerBodyParsers(app, ctx.limits, ctx.pool);
  registerErrorHandler(app, ctx, send);
  await registerRoutes(app, ctx, send);
}

/** /healthz and /readyz at the mount point; the rest under /v1, with its own not-found answer. */
async function registerRoutes(app: FastifyInstance, ctx: PluginContext, send: SendProblem): Promise<void> {
  for (const route of ctx.routes.filter((r) => r.root)) registerRoute(app, route, ctx, send, ctx.pool);
  await app.register(
    async (v1) => {
      for (const route of ctx.routes.filter((r) => !r.root)) registerRoute(v1, route, ctx, send, ctx.pool);
      // Only under /v1: the app's own 404s stay its own.
      v1.setNotFoundHandler((request, reply) => answerNotFound(ctx, send, request, reply));
    },
    { prefix: '/v1' },
  );
}

/**
 * Before the server waits for requests in flight (preClose, not onClose): rule texts still
 * waiting for their check, and bodies still waiting for a body worker, are answered at once
 * that the server is shutting down, instead of holding the close until each is done or times
 * out; the bodies being worked on finish. Answers sent while it drains close their connection,
 * or the close would wait for the idle keep-alive sockets (72 s in Fastify). A request that
 * arrives while it drains (on a connection kept alive) is answered 503 problem+json here
 * (createServer turns off Fastify's own plain 503, `return503OnClosing`). Once every request
 * is answered (onClose), the body workers end.
 */
function registerShutdown(app: FastifyInstance, ctx: PluginContext, send: SendProblem): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    ctx.pool?.stopTaking();
    await ctx.rulesChecker.close();
  });
  app.addHook('onReady', async () => {
    ctx.pool?.warm();
  });
  app.addHook('onClose', async () => {
    await ctx.pool?.close();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) return send(request, reply, 'not-ready', [entry('server_closing', {})]);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
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

/**
 * A standalone server: Fastify with the plugin mounted at the root, structured logs (pino, JSON
 * lines on standard output) and the server-wide time limit for receiving a request. `lcz serve`
 * runs this; apps that have their own Fastify mount the plugin instead.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { answerClientError, answerFrameworkError } from './client-errors.js';
import type { CriteriaHttpOptions } from './options.js';
import { criteriaHttp } from './plugin.js';

export interface ServerOptions extends CriteriaHttpOptions {
  /** pino options, or false for no logs (tests). Default: level info. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Longest time to receive a whole request (headers and body), in ms; Node answers 408 after. */
  readonly requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** A Fastify app serving the criteria API, ready to `listen`. Rulesets are loaded before it resolves. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { logger, requestTimeoutMs, ...plugin } = options;
  const app = Fastify({
    logger: logger ?? { level: 'info' },
    requestTimeout: requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // Request ids (in logs and in 500 answers) are the server's own, never taken from a client header.
    requestIdHeader: false,
    // Requests the HTTP parser cannot read: problem+json, not Fastify's own JSON.
    clientErrorHandler: answerClientError,
    // Paths the router cannot read (a malformed % escape, an overlong parameter): likewise.
    frameworkErrors: answerFrameworkError,
    // Requests that arrive while the server closes: the plugin answers them as problem+json
    // (503 not-ready, server_closing), not Fastify with its own plain JSON.
    return503OnClosing: false,
  });
  try {
    await app.register(criteriaHttp, plugin);
    await app.ready();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

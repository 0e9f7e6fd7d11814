/**
 * The request bodies the routes take, and nothing else: JSON (parsed strictly: UTF-8 only,
 * repeated and reserved keys refused, objects bounded by limits.objectKeys) and YAML kept as text
 * for the rule validator. Any other type gets Fastify's 415, worded by the error handler.
 */
import type { FastifyInstance } from 'fastify';
import { YAML_MEDIA } from './api.js';
import { inTurn } from './event-loop-share.js';
import { RETRY_AFTER_SECONDS, type BodyPool } from './body-work/body-pool.js';
import { bodyText, parseJsonBody, ProblemError } from './json-body.js';
import type { Limits } from './options.js';
import { entry } from './problem.js';

/**
 * Bodies from this size on are parsed in their turn (event-loop-share.ts): an 821 KB batch
 * takes about 20 ms of CPU to decode, parse and scan for repeated keys, and twenty of them
 * arriving together held /healthz for hundreds of milliseconds. Smaller ones take well under a
 * millisecond and are parsed at once.
 */
const SHARED_PARSE_BYTES = 64 * 1024;

export function registerBodyParsers(app: FastifyInstance, limits: Limits, pool: BodyPool | undefined): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
    (request, body, done) => {
      // A route the body workers answer gets the bytes: the worker decodes and parses them.
      if (request.routeOptions.config.lczWorker === true) {
        done(null, body);
        return;
      }
      const parse = () => parseJsonBody(bodyText(body), limits.objectKeys);
      if (body.length < SHARED_PARSE_BYTES) {
        try {
          done(null, parse());
        } catch (error) {
          done(asError(error), undefined);
        }
        return;
      }
      if (pool !== undefined && typeof body !== 'string') {
        parseInWorker(pool, body, limits).then(
          (value) => done(null, value),
          (error: unknown) => done(asError(error), undefined),
        );
        return;
      }
      inTurn(parse).then(
        (value) => done(null, value),
        (error: unknown) => done(asError(error), undefined),
      );
    },
  );
  app.addContentTypeParser(
    [...YAML_MEDIA],
    { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
    (_request, body, done) => {
      try {
        done(null, bodyText(body));
      } catch (error) {
        done(asError(error), undefined);
      }
    },
  );
}

/**
 * A large body of a route served on this thread (a rule text in JSON, a record's write), parsed
 * by a body worker: this thread gets the value (for a rule text, one string) and never holds the
 * parse. A body the worker refuses is the same located ProblemError; a full queue is 503 busy, as for the routes the workers answer.
 */
async function parseInWorker(pool: BodyPool, body: Buffer, limits: Limits): Promise<unknown> {
  const parsed = await pool.parse(body);
  if ('failed' in parsed) {
    if (parsed.failed === 'crashed') throw parsed.error;
    if (parsed.failed === 'closing') throw new ProblemError('not-ready', [entry('server_closing', {})]);
    throw new ProblemError('busy', [
      entry('busy', {}, { queued: limits.queuedRequests, seconds: RETRY_AFTER_SECONDS }),
    ]);
  }
  if (parsed.problem) throw new ProblemError(parsed.problem.kind, parsed.problem.errors);
  if (parsed.error !== undefined) throw new Error(parsed.error);
  return parsed.value;
}

/** What the parsers throw is a ProblemError (or a bug, an Error all the same): Fastify's `done` takes an Error. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

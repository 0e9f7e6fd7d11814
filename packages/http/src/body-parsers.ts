/**
 * The request bodies the routes take, and nothing else: JSON (parsed strictly: UTF-8 only,
 * repeated and reserved keys refused, objects bounded by limits.objectKeys) and YAML kept as text
 * for the rule validator. Any other type gets Fastify's 415, worded by the error handler.
 */
import type { FastifyInstance } from 'fastify';
import { YAML_MEDIA } from './api.js';
import { inTurn } from './event-loop-share.js';
import { bodyText, parseJsonBody } from './json-body.js';
import type { Limits } from './options.js';

/**
 * Bodies from this size on are parsed in their turn (event-loop-share.ts): an 821 KB batch
 * takes about 20 ms of CPU to decode, parse and scan for repeated keys, and twenty of them
 * arriving together held /healthz for hundreds of milliseconds. Smaller ones take well under a
 * millisecond and are parsed at once.
 */
const SHARED_PARSE_BYTES = 64 * 1024;

export function registerBodyParsers(app: FastifyInstance, limits: Limits): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: limits.bodyBytes },
    (_request, body, done) => {
      const parse = () => parseJsonBody(bodyText(body), limits.objectKeys);
      if (body.length < SHARED_PARSE_BYTES) {
        try {
          done(null, parse());
        } catch (error) {
          done(asError(error), undefined);
        }
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

/** What the parsers throw is a ProblemError (or a bug, an Error all the same): Fastify's `done` takes an Error. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

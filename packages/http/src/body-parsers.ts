/**
 * The request bodies the routes take, and nothing else: JSON (parsed strictly: UTF-8 only,
 * repeated and reserved keys refused, objects bounded by limits.objectKeys) and YAML kept as text
 * for the rule validator. Any other type gets Fastify's 415, worded by the error handler.
 */
import type { FastifyInstance } from 'fastify';
import { YAML_MEDIA } from './api.js';
import { bodyText, parseJsonBody } from './json-body.js';
import type { Limits } from './options.js';

export function registerBodyParsers(app: FastifyInstance, limits: Limits): void {
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
}

/**
 * What every handler gets, built once when the plugin registers: the rulesets (loaded from the
 * paths given), the limits, links, the OpenAPI document (built on first use), the rules checker;
 * and the routes to register, the record's too when the app hands over a record.
 */
import { ROUTES, type RouteSpec } from './api.js';
import type { HandlerContext } from './handlers/context.js';
import { buildOpenApi } from './openapi.js';
import { resolveLimits, type CriteriaHttpOptions } from './options.js';
import { loadRegistry } from './registry.js';
import { RulesChecker } from './rules-check/rules-checker.js';

export type PluginContext = HandlerContext & { readonly routes: readonly RouteSpec[] };

export async function createHandlerContext(
  prefix: string,
  options: CriteriaHttpOptions,
  typeBase: string,
): Promise<PluginContext> {
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

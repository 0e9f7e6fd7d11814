/**
 * What every handler gets, built once when the plugin registers: the rulesets (loaded from the
 * paths given), the limits, links, the OpenAPI document (built on first use), the rules checker;
 * and the routes to register, the record's too when the app hands over a record.
 */
import { ROUTES, type RouteSpec } from './api.js';
import type { HandlerContext } from './handlers/context.js';
import { buildOpenApi } from './openapi.js';
import { compiledRulesOf, generatedModuleUrl } from '@lcz/criteria-engine/tools';
import { BodyPool } from './body-work/body-pool.js';
import type { WorkerSetup } from './body-work/protocol.js';
import { resolveBodyWorkers, resolveLimits, type CriteriaHttpOptions, type Limits } from './options.js';
import { loadRegistry, type RulesetRegistry } from './registry.js';
import { RulesChecker } from './rules-check/rules-checker.js';

export type PluginContext = HandlerContext & {
  readonly routes: readonly RouteSpec[];
  /** The body workers; undefined when bodyWorkers is 0 (bodies are then read on the HTTP thread). */
  readonly pool: BodyPool | undefined;
};

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
    pool: bodyPool(options, registry, limits, prefix, typeBase),
  };
}

/** The body workers, given the rulesets as compiled files; none when a ruleset cannot be sent. */
function bodyPool(
  options: CriteriaHttpOptions,
  registry: RulesetRegistry,
  limits: Limits,
  prefix: string,
  typeBase: string,
): BodyPool | undefined {
  const size = resolveBodyWorkers(options.bodyWorkers);
  if (size === 0) return undefined;
  const rulesets: WorkerSetup['rulesets'][number][] = [];
  for (const ruleset of registry.list()) {
    const compiled = compiledRulesOf(ruleset);
    if (compiled === undefined) return undefined;
    const generated = generatedModuleUrl(ruleset);
    rulesets.push({ compiled, ...(generated !== undefined ? { generated } : {}) });
  }
  const setup: WorkerSetup = {
    rulesets,
    limits,
    allowInlineRules: options.allowUploadedRulesetEvaluation === true,
    basePath: `${prefix}/v1`,
    typeBase,
  };
  return new BodyPool(setup, size, limits.queuedRequests);
}

/**
 * GET /v1/rulesets, /v1/rulesets/{id} and /v1/rulesets/{id}/schema: what the server holds, and
 * the JSON Schema of an assessment for one ruleset (the very schema the engine validates with).
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { entry, quotedList, type ProblemEntry } from '../problem.js';
import { ok, problem, type HandlerContext, type HandlerInput, type Outcome } from './context.js';
import { rulesetDetail, rulesetSummary } from './summary.js';

export const SCHEMA_TYPE = 'application/schema+json';

export function listRulesets(ctx: HandlerContext, input: HandlerInput): Outcome {
  const unknown = unknownQuery(input.query, []);
  if (unknown.length > 0) return problem('invalid-request', unknown);
  return ok({ rulesets: ctx.registry.list().map((r) => rulesetSummary(r, ctx.basePath)) });
}

export function getRuleset(ctx: HandlerContext, input: HandlerInput): Outcome {
  const found = lookup(ctx, input);
  return 'ruleset' in found ? ok(rulesetDetail(found.ruleset, ctx.basePath)) : found.outcome;
}

export function getInputSchema(ctx: HandlerContext, input: HandlerInput): Outcome {
  const found = lookup(ctx, input);
  return 'ruleset' in found ? ok(ctx.registry.inputSchema(found.ruleset), SCHEMA_TYPE) : found.outcome;
}

/** The ruleset named by the `id` path parameter and the `version` query parameter. */
function lookup(ctx: HandlerContext, input: HandlerInput): { ruleset: CompiledRuleset } | { outcome: Outcome } {
  const unknown = unknownQuery(input.query, ['version']);
  const id = input.params['id'] ?? '';
  const version = input.query['version'];
  if (unknown.length > 0) return { outcome: problem('invalid-request', unknown) };
  if (version !== undefined && typeof version !== 'string') {
    // `?version=a&version=b`: one version only.
    return {
      outcome: problem('invalid-request', [
        entry('field_type', { parameter: 'version' }, (lang) => ({
          name: 'version',
          expected: lang === 'vi' ? 'một phiên bản' : 'one version',
          actual: lang === 'vi' ? 'nhiều giá trị' : 'several values',
        })),
      ]),
    };
  }
  const found = ctx.registry.find(id, version === '' ? undefined : version);
  if ('ruleset' in found) return found;
  switch (found.problem) {
    case 'unknown_id':
      return {
        outcome: problem('unknown-ruleset', [
          entry('ruleset_unknown', { parameter: 'id' }, (lang) => ({
            id,
            available: quotedList(lang, found.available),
            list: `${ctx.basePath}/rulesets`,
          })),
        ]),
      };
    case 'unknown_version':
      return {
        outcome: problem('unknown-ruleset', [
          entry('ruleset_version_unknown', { parameter: 'version' }, (lang) => ({
            id,
            version: version ?? '',
            versions: quotedList(lang, found.versions),
          })),
        ]),
      };
    // No date here to pick a version by (not_in_force and year_ambiguous need one): the version must be named.
    case 'version_required':
    case 'not_in_force':
    case 'year_ambiguous':
      return {
        outcome: problem('invalid-request', [
          entry('ruleset_version_required', { parameter: 'version' }, (lang) => ({
            id,
            versions: quotedList(lang, found.versions),
          })),
        ]),
      };
  }
}

/** Query parameters the endpoint does not use: reported, never ignored. */
export function unknownQuery(query: HandlerInput['query'], known: readonly string[]): ProblemEntry[] {
  return Object.keys(query)
    .filter((name) => !known.includes(name))
    .map((name) => entry('query_unknown', { parameter: name }, (lang) => ({ name, fields: quotedList(lang, known) })));
}

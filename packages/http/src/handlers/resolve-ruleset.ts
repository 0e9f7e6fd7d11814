/**
 * Which ruleset a request evaluates with: a loaded one named by `ruleset` (and `version`, or else
 * the version in force on the assessment's `area.date`), or by the `ruleset` written in the
 * assessment, or the server's only ruleset when it has one; or, only
 * when the operator allows it, rule text sent in `rules`, compiled (never stored) for this
 * request alone.
 */
import { assessmentDate, capDiagnostics, loadRuleset, type CompiledRuleset } from '@lcz/criteria-engine';
import { entry, entryFromDiagnostic, quotedList, type ProblemEntry, type ProblemKind } from '../problem.js';
import { isRecord, type HandlerContext } from './context.js';

export interface RulesetChoice {
  readonly ruleset?: string;
  readonly version?: string;
  readonly rules?: string;
}

export type Resolution =
  | { readonly ruleset: CompiledRuleset }
  | { readonly kind: ProblemKind; readonly errors: readonly ProblemEntry[] };

/** The choice fields of a body that has them as text; wrong types are reported by the body check. */
export function readChoice(body: unknown): RulesetChoice {
  if (!isRecord(body)) return {};
  const text = (key: keyof RulesetChoice): RulesetChoice => {
    const value = body[key];
    return typeof value === 'string' && value !== '' ? { [key]: value } : {};
  };
  return { ...text('ruleset'), ...text('version'), ...text('rules') };
}

/**
 * A resolver for one request: inline rules are compiled once, then each assessment (one, or each
 * of a batch) is matched with its ruleset. `at` is the assessment's pointer, e.g. `/assessments/2`.
 */
export function rulesetResolver(
  ctx: HandlerContext,
  choice: RulesetChoice,
): (assessment: unknown, at: string) => Resolution {
  if (choice.rules !== undefined) {
    const inline = compileInline(ctx, { ...choice, rules: choice.rules });
    return () => inline;
  }
  return (assessment, at) => {
    const written =
      isRecord(assessment) && typeof assessment['ruleset'] === 'string' ? assessment['ruleset'] : undefined;
    // A server with one ruleset uses it when the request names none; with several, the request
    // must choose (no silent pick, and no scheme named in code).
    const ids = ctx.registry.ids();
    const only = ids.length === 1 ? ids[0] : undefined;
    const id = choice.ruleset ?? written ?? only;
    const idPointer = choice.ruleset !== undefined ? '/ruleset' : `${at}/ruleset`;
    if (id === undefined) {
      return {
        kind: 'invalid-request',
        errors: [
          entry('ruleset_missing', { pointer: '/ruleset' }, (lang) => ({
            available: quotedList(lang, ids),
            list: `${ctx.basePath}/rulesets`,
          })),
        ],
      };
    }
    const date = assessmentDate(assessment);
    const found = ctx.registry.find(id, choice.version, date);
    if ('ruleset' in found) return found;
    switch (found.problem) {
      case 'unknown_id':
        return {
          kind: 'unknown-ruleset',
          errors: [
            entry('ruleset_unknown', { pointer: idPointer }, (lang) => ({
              id,
              available: quotedList(lang, found.available),
              list: `${ctx.basePath}/rulesets`,
            })),
          ],
        };
      case 'unknown_version':
        return {
          kind: 'unknown-ruleset',
          errors: [
            entry('ruleset_version_unknown', { pointer: '/version' }, (lang) => ({
              id,
              version: choice.version ?? '',
              versions: quotedList(lang, found.versions),
            })),
          ],
        };
      case 'version_required':
        return {
          kind: 'invalid-request',
          errors: [
            // Without a date, either names the version; with one that two periods hold, only "version" does.
            entry(
              date === undefined ? 'ruleset_version_or_date_required' : 'ruleset_version_required',
              { pointer: '/version' },
              (lang) => ({
                id,
                versions: quotedList(lang, found.versions),
              }),
            ),
          ],
        };
      case 'year_ambiguous':
        // The assessment gives its year alone and two versions share that year: said at the year.
        return {
          kind: 'invalid-request',
          errors: [entryFromDiagnostic({ ...found.diagnostic, path: '/area/year' }, { pointerPrefix: at })],
        };
      case 'not_in_force':
        return {
          kind: 'invalid-request',
          errors: [
            entry('ruleset_version_not_in_force', { pointer: `${at}/area/date` }, (lang) => ({
              id,
              date: date ?? '',
              periods: quotedList(lang, found.periods),
            })),
          ],
        };
    }
  };
}

function compileInline(ctx: HandlerContext, choice: RulesetChoice & { readonly rules: string }): Resolution {
  const links = { list: `${ctx.basePath}/rulesets`, validate: `${ctx.basePath}/rules/validate` };
  if (!ctx.allowInlineRules)
    return { kind: 'inline-rules-disabled', errors: [entry('inline_rules_disabled', { pointer: '/rules' }, links)] };
  const errors: ProblemEntry[] = [];
  if (choice.ruleset !== undefined) errors.push(entry('ruleset_and_rules', { pointer: '/ruleset' }));
  if (choice.version !== undefined) errors.push(entry('version_without_ruleset', { pointer: '/version' }));
  const loaded = loadRuleset(choice.rules, { file: 'rules' });
  const ruleErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (ruleErrors.length > 0 || loaded.value === undefined) {
    errors.push(entry('inline_rules_invalid', { pointer: '/rules' }, { count: ruleErrors.length }));
    errors.push(...capDiagnostics(ruleErrors).map((d) => entryFromDiagnostic(d, { located: true, pointer: '/rules' })));
  }
  if (errors.length > 0 || loaded.value === undefined) return { kind: 'invalid-request', errors };
  return { ruleset: loaded.value };
}

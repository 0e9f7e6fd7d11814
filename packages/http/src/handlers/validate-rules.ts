/**
 * POST /v1/rules/validate: a rule file sent in the body is parsed, validated and compiled, and
 * every diagnostic comes back located (file, line, column) in both languages. Nothing in it is
 * evaluated and nothing is kept: the server's rulesets are unchanged.
 */
import { capDiagnostics, loadRuleset } from '@lcz/criteria-engine';
import { entryFromDiagnostic } from '../problem.js';
import { checkBody, validateRulesJsonBody } from '../request-schemas.js';
import { ok, problem, type HandlerContext, type HandlerInput, type Outcome } from './context.js';
import { unknownQuery } from './rulesets.js';
import { rulesetSummary } from './summary.js';

const DEFAULT_RULES_FILE = 'ruleset.yaml';

export function validateRules(_ctx: HandlerContext, input: HandlerInput): Outcome {
  let text: string;
  let file: string;
  let pointer: string | undefined;
  if (typeof input.body === 'string') {
    // A raw YAML body; its name may come in the query.
    const unknown = unknownQuery(input.query, ['file']);
    if (unknown.length > 0) return problem('invalid-request', unknown);
    text = input.body;
    const named = input.query['file'];
    file = typeof named === 'string' && named !== '' ? named : DEFAULT_RULES_FILE;
  } else {
    const unknown = unknownQuery(input.query, []);
    const checked = checkBody(validateRulesJsonBody, input.body);
    if (checked.value === undefined || unknown.length > 0)
      return problem('invalid-request', [...unknown, ...checked.errors]);
    text = checked.value.rules;
    file = checked.value.file ?? DEFAULT_RULES_FILE;
    pointer = '/rules';
  }
  const loaded = loadRuleset(text, { file });
  // Capped per file and per row like the CLI's output: 20,000 duplicate ids are 100 entries and
  // one "… and 19,900 more"; the counts below still count every problem.
  const diagnostics = capDiagnostics(loaded.diagnostics).map((d) =>
    entryFromDiagnostic(d, pointer === undefined ? { located: true } : { located: true, pointer }),
  );
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const count = (severity: string) => loaded.diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  return ok({
    valid: loaded.value !== undefined && errors === 0,
    ...(loaded.value !== undefined && errors === 0 ? { ruleset: rulesetSummary(loaded.value) } : {}),
    counts: { errors, warnings: count('warning'), infos: count('info') },
    diagnostics,
  });
}

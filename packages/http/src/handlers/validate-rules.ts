/**
 * POST /v1/rules/validate: a rule file sent in the body is parsed, validated and compiled, and
 * every diagnostic comes back located (file, line, column) in both languages. Nothing in it is
 * evaluated and nothing is kept: the server's rulesets are unchanged. The check runs in a worker
 * thread with a time limit (rules-check/): a rule text's cost is not bounded by its size, and
 * the event loop must stay free for every other request.
 */
import { entry, entryFromDiagnostic } from '../problem.js';
import { checkBody, validateRulesJsonBody } from '../request-schemas.js';
import { ok, problem, type HandlerContext, type HandlerInput, type Outcome } from './context.js';
import { unknownQuery } from './rulesets.js';

const DEFAULT_RULES_FILE = 'ruleset.yaml';

interface RulesText {
  readonly text: string;
  readonly file: string;
  /** The body field that held the text (none for a raw YAML body). */
  readonly pointer?: string;
}

export async function validateRules(ctx: HandlerContext, input: HandlerInput): Promise<Outcome> {
  const sent = rulesText(input);
  if ('problem' in sent) return sent;
  const checked = await ctx.rulesChecker.check(sent.text, sent.file, input.signal);
  const { pointer } = sent;
  if ('failed' in checked) {
    // Placed at the body field that held the text, when there is one.
    const at = pointer === undefined ? {} : { pointer };
    if (checked.failed === 'timeout')
      return problem('timeout', [entry('rules_check_timeout', at, { ms: ctx.limits.rulesCheckMs })]);
    if (checked.failed === 'memory') return problem('payload-too-large', [entry('rules_check_memory', at)]);
    return problem('not-ready', [entry('rules_check_closing', at)]);
  }
  // Capped per file and per row in the worker, like the CLI's output: 20,000 duplicate ids are
  // 100 entries and one "… and 19,900 more"; the counts still count every problem.
  const diagnostics = checked.diagnostics.map((d) =>
    entryFromDiagnostic(d, pointer === undefined ? { located: true } : { located: true, pointer }),
  );
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return ok({
    valid: checked.summary !== undefined,
    ...(checked.summary !== undefined ? { ruleset: checked.summary } : {}),
    counts: checked.counts,
    diagnostics,
  });
}

/** The rule text: a raw YAML body (its name may come in the query), or JSON { rules, file? }. */
function rulesText(input: HandlerInput): RulesText | Extract<Outcome, { problem: unknown }> {
  if (typeof input.body === 'string') {
    const unknown = unknownQuery(input.query, ['file']);
    if (unknown.length > 0) return { problem: 'invalid-request', errors: unknown };
    const named = input.query['file'];
    return { text: input.body, file: typeof named === 'string' && named !== '' ? named : DEFAULT_RULES_FILE };
  }
  const unknown = unknownQuery(input.query, []);
  const checked = checkBody(validateRulesJsonBody, input.body);
  if (checked.value === undefined || unknown.length > 0)
    return { problem: 'invalid-request', errors: [...unknown, ...checked.errors] };
  return { text: checked.value.rules, file: checked.value.file ?? DEFAULT_RULES_FILE, pointer: '/rules' };
}

/**
 * POST /v1/evaluate, /v1/evaluate/batch and /v1/explain. Each request is checked whole before
 * anything is evaluated: the body's shape, the ruleset, and every assessment against it, so one
 * answer lists every problem. Nothing is coerced and missing facts stay unknown.
 */
import {
  explainGap,
  explainText,
  gapAnalysis,
  type Assessment,
  type CompiledRuleset,
  type EvaluationResult,
} from '@lcz/criteria-engine';
import { inTurn, takeTicket } from '../event-loop-share.js';
import { entry, type ProblemEntry, type ProblemKind } from '../problem.js';
import { batchBody, checkBody, evaluateBody, explainBody } from '../request-schemas.js';
import { combine, isRecord, ok, type HandlerContext, type HandlerInput, type Outcome } from './context.js';
import { derivedValues } from './derived-values.js';
import { readChoice, rulesetResolver } from './resolve-ruleset.js';
import { budgeted, budgetedEntries, omittedEntry, requestBudget, type RequestBudget } from './request-budget.js';

interface Checked {
  readonly ruleset: CompiledRuleset;
  readonly assessment: Assessment;
}

type Part = { readonly kind: ProblemKind; readonly errors: readonly ProblemEntry[] };

export function evaluateOne(ctx: HandlerContext, input: HandlerInput): Outcome {
  const checked = checkSingle(ctx, input.body, evaluateBody);
  if ('problem' in checked) return checked;
  return ok(checked.ruleset.evaluate(checked.assessment));
}

/**
 * The fast path (the engine's `decide`): the decision, each standard's passed count and, for a
 * scheme with levels, the level reached and the highest still possible; no trace, no reasons.
 */
export function decideOne(ctx: HandlerContext, input: HandlerInput): Outcome {
  const checked = checkSingle(ctx, input.body, evaluateBody);
  if ('problem' in checked) return checked;
  const { ruleset, assessment } = checked;
  const summary = ruleset.decide(assessment);
  return ok({
    decision: summary.decision,
    ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
    standards: ruleset.groups.map((g, i) => ({ id: g.id, passed: summary.passed[i] ?? 0 })),
    ...(summary.level ? { level: summary.level } : {}),
  });
}

export function explain(ctx: HandlerContext, input: HandlerInput): Outcome {
  const checked = checkSingle(ctx, input.body, explainBody);
  if ('problem' in checked) return checked;
  // explainBody has checked both: lang is 'vi' or 'en' when given, full a boolean.
  const body = isRecord(input.body) ? input.body : {};
  const lang = body['lang'] === 'vi' || body['lang'] === 'en' ? body['lang'] : input.lang;
  const result = checked.ruleset.evaluate(checked.assessment);
  const full = body['full'] === true;
  const gap = gapAnalysis(result, checked.ruleset);
  return ok({
    decision: result.decision,
    lang,
    text: explainText(result, checked.ruleset, { lang, full }),
    result,
    gap,
    gap_text: explainGap(gap, checked.ruleset, { lang, full }),
    derived: derivedValues(checked.ruleset, checked.assessment),
  });
}

export async function evaluateBatch(ctx: HandlerContext, input: HandlerInput): Promise<Outcome> {
  const envelope = checkBody(batchBody(ctx.limits), input.body);
  const parts: Part[] = [{ kind: 'invalid-request', errors: envelope.errors }];
  const items = isRecord(input.body) && Array.isArray(input.body['assessments']) ? input.body['assessments'] : [];
  const checked: Checked[] = [];
  const budget = requestBudget();
  // One assessment per step, in turn with every other request's (event-loop-share.ts): 200
  // assessments of 200 undeclared facts each are a few hundred milliseconds of checks, and the
  // time limit or a client gone stops them between two steps.
  const turn = { signal: input.signal, ticket: takeTicket() };
  // A batch over the limit is refused by its length alone: its items are not even looked at.
  if (items.length <= ctx.limits.batchLength) {
    const resolve = rulesetResolver(ctx, readChoice(input.body));
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const one = await inTurn(() => checkAssessment(ctx, resolve, item, `/assessments/${index}`, budget), turn);
      if ('ruleset' in one) {
        checked.push(one);
        continue;
      }
      // The same ruleset problem (an unknown id, inline rules refused…) is told once, not per item.
      const fresh = one.errors.filter((e) => {
        const key = `${e.code}\u0000${e.pointer ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      parts.push({ kind: one.kind, errors: fresh });
    }
  }
  parts.push({ kind: 'invalid-request', errors: omittedEntry(budget) });
  const failed = combine(parts);
  if (failed) return failed;

  const results: EvaluationResult[] = [];
  for (const { ruleset, assessment } of checked) {
    results.push(await inTurn(() => ruleset.evaluate(assessment), turn));
  }
  return ok({ results });
}

function checkSingle(
  ctx: HandlerContext,
  body: unknown,
  schema: typeof evaluateBody | typeof explainBody,
): Checked | Extract<Outcome, { problem: unknown }> {
  const envelope = checkBody(schema, body);
  const parts: Part[] = [{ kind: 'invalid-request', errors: envelope.errors }];
  let checked: Checked | undefined;
  if (isRecord(body) && isRecord(body['assessment'])) {
    const resolve = rulesetResolver(ctx, readChoice(body));
    const one = checkAssessment(ctx, resolve, body['assessment'], '/assessment', requestBudget());
    if ('ruleset' in one) checked = one;
    else parts.push(one);
  } else if (isRecord(body) && (body['ruleset'] !== undefined || body['rules'] !== undefined)) {
    // No usable assessment, but still say what is wrong with the ruleset named, so the next
    // attempt does not meet a new problem.
    const resolved = rulesetResolver(ctx, readChoice(body))(undefined, '/assessment');
    if (!('ruleset' in resolved)) parts.push(resolved);
  }
  const failed = combine(parts);
  if (failed && 'problem' in failed) return failed;
  if (checked === undefined) throw new Error('evaluate: body accepted without an assessment'); // the body check makes this unreachable
  return checked;
}

function checkAssessment(
  ctx: HandlerContext,
  resolve: ReturnType<typeof rulesetResolver>,
  assessment: unknown,
  at: string,
  budget: RequestBudget,
): Checked | Part {
  const resolved = resolve(assessment, at);
  if (!('ruleset' in resolved)) return resolved;
  if (!isRecord(assessment)) return { kind: 'invalid-request', errors: [] }; // reported by the body check
  const tooMany = factCount(ctx, resolved.ruleset, assessment, at);
  if (tooMany) return { kind: tooMany.kind, errors: budgeted(tooMany.errors, budget) };
  // The engine bounds the costly part itself: a "did you mean" for the first 10 undeclared names
  // of a section, the rest one input_unknown_facts problem.
  const result = resolved.ruleset.validateAssessment(assessment);
  if (result.value === undefined)
    return { kind: 'invalid-request', errors: budgetedEntries(result.diagnostics, at, budget) };
  return { ruleset: resolved.ruleset, assessment: result.value };
}

/**
 * An assessment naming more facts than limits.facts is refused before it is validated: the
 * checks cost most per fact the ruleset does not declare (a "did you mean" each), and 20,000 of
 * them once held the event loop for 12 s. Counting keys costs nothing.
 */
function factCount(ctx: HandlerContext, ruleset: CompiledRuleset, assessment: Record<string, unknown>, at: string) {
  const facts = assessment['facts'];
  const count = isRecord(facts) ? Object.keys(facts).length : 0;
  if (count <= ctx.limits.facts) return undefined;
  const schema = `${ctx.basePath}/rulesets/${encodeURIComponent(ruleset.id)}/schema`;
  return {
    kind: 'payload-too-large',
    errors: [entry('too_many_facts', { pointer: `${at}/facts` }, { count, max: ctx.limits.facts, schema })],
  } as const satisfies Part;
}

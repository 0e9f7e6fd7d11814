/**
 * GET /healthz (the process answers) and GET /readyz (rules are loaded: the server can evaluate).
 */
import { entry } from '../problem.js';
import { ok, problem, type HandlerContext, type Outcome } from './context.js';

export function health(): Outcome {
  return ok({ status: 'ok' });
}

export function readiness(ctx: HandlerContext): Outcome {
  const rulesets = ctx.registry.list();
  if (rulesets.length === 0) return problem('not-ready', [entry('not_ready', {})]);
  return ok({ status: 'ready', rulesets: rulesets.map((r) => ({ id: r.id, version: r.version, hash: r.hash })) });
}

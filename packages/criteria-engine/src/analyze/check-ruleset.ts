/**
 * `checkRuleset`: static checks of a loaded ruleset, beyond what the schema and the compiler
 * can say about one piece at a time. Every finding is a diagnostic at its place in the rule file:
 *
 * - variant coverage per kind of unit (`variant_uncovered`, `variant_overlap`, found at load);
 * - criteria that can never pass or never fail, disqualifiers that always or never apply;
 * - standards (and the total) whose minimum no unit of some kind can reach;
 * - per level: the most points it can earn per kind of unit, levels no unit of some kind can
 *   reach, a level's requirement no stricter than one below it (checks/levels.ts);
 * - mandatory criteria that can be not applicable;
 * - criteria whose outcome never changes the decision;
 * - thresholds of two criteria that contradict each other;
 * - texts whose numbers or words disagree with the conditions (checks/wording.ts);
 * - an id outside its standard's numbering, when the standard's ids follow a pattern (a note).
 *
 * Pure and browser-safe: it only calls the ruleset's own `validateAssessment` and `evaluate` on
 * inputs it builds (docs/rule-checks.md says exactly what is tried).
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { checkConflicts } from './checks/conflicts.js';
import { checkLevels } from './checks/levels.js';
import { checkMandatory } from './checks/mandatory.js';
import { checkParameterCells } from './checks/parameters.js';
import { checkNumbering } from './checks/numbering.js';
import { checkOutcomes } from './checks/outcomes.js';
import { checkRequirements } from './checks/requirements.js';
import { checkWording } from './checks/wording.js';
import { Findings } from './findings.js';
import { reachability, type Reachability, type ReachOptions } from './reach.js';

export interface CheckOptions extends ReachOptions {
  /** Pairs of thresholds compared for contradictions at most (checks/conflicts.ts). */
  readonly maxThresholdPairs: number;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  maxProbes: 20_000,
  maxContexts: 4096,
  maxTotalProbes: 2_000_000,
  maxThresholdPairs: 200_000,
};

export interface RulesetCheck {
  /** The ruleset's own warnings and notes (from loading), then every finding, sorted by place. */
  readonly diagnostics: readonly Diagnostic[];
  /** What each criterion and disqualifier can come to, per kind of unit (also used by `coverage`). */
  readonly reach: Reachability;
}

export function checkRuleset(ruleset: CompiledRuleset, options: Partial<CheckOptions> = {}): RulesetCheck {
  const o = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const reach = reachability(ruleset, o);
  const findings = new Findings(ruleset);
  if (!reach.contextsListed)
    findings.add(
      'check_limit',
      ['context'],
      { kind: 'contexts', id: '', max: o.maxContexts, reason: 'too_many' },
      'info',
    );
  if (reach.budgetSpent) {
    const { kind, id, max } = reach.budgetSpent;
    const index = (kind === 'criterion' ? ruleset.criteria : ruleset.disqualifiers).findIndex((p) => p.id === id);
    const path = kind === 'criterion' ? [...findings.criterion(id), 'id'] : ['disqualifiers', index, 'id'];
    findings.add('check_limit', path, { kind, id, max, reason: 'budget' }, 'info');
  }
  checkOutcomes(findings, reach);
  checkRequirements(findings, reach);
  checkLevels(findings, reach);
  checkMandatory(findings, reach);
  checkConflicts(findings, reach, o.maxThresholdPairs);
  checkWording(findings);
  checkNumbering(findings);
  checkParameterCells(findings, reach);
  return { diagnostics: sortDiagnostics([...ruleset.diagnostics, ...findings.list]), reach };
}

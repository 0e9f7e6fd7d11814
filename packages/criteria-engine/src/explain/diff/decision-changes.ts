/**
 * What a change of rules does to assessed areas: each assessment evaluated under the old and the
 * new version, with the decision before and after and every criterion, disqualifier and standard
 * whose status moved, so a decision change always comes with its reasons.
 *
 * An assessment written for the old version may name facts the new one no longer declares (a
 * dropped criterion's fact). Those are left out when evaluating under the new version and listed
 * in `ignored`, never dropped silently; anything else the new version rejects (a new bound, a
 * context attribute it now requires) is returned as diagnostics.
 */
import type { CompiledRuleset } from '../../compile/compiled-ruleset.js';
import type { StageResult } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { Assessment } from '../../evaluate/assessment.js';
import type { DecisionReason, EvaluationResult } from '../../evaluate/result.js';
import type { AreaDecision, AreaSource, DecisionImpact, StatusChange } from './ruleset-diff.js';

export interface ProjectedAssessment {
  readonly assessment: Assessment;
  /** Context attributes and facts the assessment gives that `ruleset` does not declare. */
  readonly ignored: readonly string[];
}

/** The assessment restricted to the names `ruleset` declares. */
export function projectAssessment(
  assessment: Assessment,
  ruleset: Pick<CompiledRuleset, 'id' | 'context' | 'facts'>,
): ProjectedAssessment {
  const contextNames = new Set(ruleset.context.map((c) => c.id));
  const factNames = new Set(ruleset.facts.map((f) => f.id));
  const ignored: string[] = [];
  const keep = <V>(record: Readonly<Record<string, V>>, names: ReadonlySet<string>): Record<string, V> => {
    const out: Record<string, V> = {};
    for (const [name, value] of Object.entries(record)) {
      if (names.has(name)) out[name] = value;
      else ignored.push(name);
    }
    return out;
  };
  const context = keep(assessment.context, contextNames);
  const facts = keep(assessment.facts, factNames);
  // The `ruleset` field names the id the assessment was written for; under a renamed ruleset it
  // would be a version mismatch, yet the point here is to read it with the new version.
  const { ruleset: written, ...rest } = assessment;
  const keepId = written !== undefined && written === ruleset.id;
  return { assessment: { ...rest, ...(keepId ? { ruleset: written } : {}), context, facts }, ignored };
}

/**
 * One assessment (already valid for `before`) under both versions. Diagnostics, without a file
 * position, when the new version rejects it; the caller knows where it came from.
 */
export function compareDecision(
  before: CompiledRuleset,
  after: CompiledRuleset,
  assessment: Assessment,
  source: AreaSource,
): StageResult<AreaDecision> {
  const projected = projectAssessment(assessment, after);
  const checked = after.validateAssessment(projected.assessment);
  if (checked.value === undefined || hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics };
  const old = before.evaluate(assessment);
  const now = after.evaluate(checked.value);
  const declaredBefore = new Set([...before.facts.map((f) => f.id), ...before.context.map((c) => c.id)]);
  const missingNew = now.missing.filter((name) => !declaredBefore.has(name));
  return {
    value: areaDecision(old, now, source, projected.ignored, missingNew),
    diagnostics: checked.diagnostics,
  };
}

function areaDecision(
  old: EvaluationResult,
  now: EvaluationResult,
  source: AreaSource,
  ignored: readonly string[] = [],
  missingNew: readonly string[] = [],
): AreaDecision {
  const standards = statusChanges(old.standards, now.standards).map((c) => {
    const a = old.standards.find((g) => g.id === c.id);
    const b = now.standards.find((g) => g.id === c.id);
    return {
      ...c,
      passed_before: a?.passed ?? null,
      passed_after: b?.passed ?? null,
      applicable_before: a?.applicable ?? null,
      applicable_after: b?.applicable ?? null,
      required_before: a?.required ?? null,
      required_after: b?.required ?? null,
    };
  });
  const level = levelChange(old, now);
  const changed = old.decision !== now.decision || (level !== undefined && !sameLevel(level.before, level.after));
  const points =
    old.points_total === undefined && now.points_total === undefined
      ? undefined
      : { before: old.points_total ?? null, after: now.points_total ?? null };
  return {
    source,
    area: now.area,
    before: old.decision,
    after: now.decision,
    changed,
    ...(changed ? { cause: causeOf(now, missingNew) } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(points !== undefined ? { points_total: points } : {}),
    criteria: statusChanges(old.criteria, now.criteria),
    disqualifiers: statusChanges(old.disqualifiers, now.disqualifiers),
    standards,
    reasons: { added: onlyIn(now.reasons, old.reasons), removed: onlyIn(old.reasons, now.reasons) },
    ignored,
    missing_new: missingNew,
  };
}

type LevelOutcome = NonNullable<AreaDecision['level']>['before'];

/** The level reached and possible under each version, when either has levels. */
function levelChange(old: EvaluationResult, now: EvaluationResult): AreaDecision['level'] {
  const outcome = (r: EvaluationResult): LevelOutcome =>
    r.level === undefined ? null : { reached: r.level.reached, possible: r.level.possible };
  if (old.level === undefined && now.level === undefined) return undefined;
  return { before: outcome(old), after: outcome(now) };
}

function sameLevel(a: LevelOutcome, b: LevelOutcome): boolean {
  return a?.reached === b?.reached && a?.possible === b?.possible && (a === null) === (b === null);
}

/**
 * A change is the data's, not the rules', when the new decision is undetermined and every fact
 * it still misses is one the old version never asked for: old assessments cannot have it (a new
 * disqualifier's fact, a new criterion's). Anything else moved because the rules did.
 */
function causeOf(now: EvaluationResult, missingNew: readonly string[]): 'rules' | 'missing_new_facts' {
  const onlyNew = now.missing.length > 0 && now.missing.length === missingNew.length;
  return now.decision === 'undetermined' && onlyNew ? 'missing_new_facts' : 'rules';
}

export function summariseDecisions(areas: readonly AreaDecision[]): DecisionImpact {
  const unique = countedOnce(areas);
  const changed = unique.filter((a) => a.changed);
  const byData = changed.filter((a) => a.cause === 'missing_new_facts').length;
  return {
    assessed: unique.length,
    changed: changed.length,
    changed_by_rules: changed.length - byData,
    changed_by_missing_data: byData,
    duplicates: areas.length - unique.length,
    areas: unique,
  };
}

/**
 * The same area given in several files (a CSV and the workbook it was saved from, a file copied
 * into two folders) is one area: kept at its first place, the others named in `also_in`. Only an
 * area that names itself (a code or a name) and reaches the same decisions (and levels) is folded; two
 * assessments of one area that disagree are both shown.
 */
function countedOnce(areas: readonly AreaDecision[]): AreaDecision[] {
  const first = new Map<string, number>();
  const out: AreaDecision[] = [];
  const also = new Map<number, AreaSource[]>();
  for (const a of areas) {
    const named = a.area.code !== undefined || a.area.name !== undefined;
    const key = JSON.stringify([
      a.area.code,
      a.area.name,
      a.area.unit,
      a.area.date,
      a.before,
      a.after,
      a.level ?? null,
    ]);
    const at = named ? first.get(key) : undefined;
    if (at === undefined) {
      if (named) first.set(key, out.length);
      out.push(a);
      continue;
    }
    also.set(at, [...(also.get(at) ?? []), a.source]);
  }
  return out.map((a, i) => {
    const sources = also.get(i);
    return sources === undefined ? a : { ...a, also_in: sources };
  });
}

/** Items whose status differs, in the new version's order, then those only the old one has. */
function statusChanges<S extends string>(
  before: readonly { readonly id: string; readonly status: S }[],
  after: readonly { readonly id: string; readonly status: S }[],
): StatusChange<S>[] {
  const old = new Map(before.map((x) => [x.id, x.status]));
  const now = new Set(after.map((x) => x.id));
  const out: StatusChange<S>[] = [];
  for (const x of after) {
    const was = old.get(x.id) ?? null;
    if (was !== x.status) out.push({ id: x.id, before: was, after: x.status });
  }
  for (const x of before) if (!now.has(x.id)) out.push({ id: x.id, before: x.status, after: null });
  return out;
}

function onlyIn(these: readonly DecisionReason[], others: readonly DecisionReason[]): DecisionReason[] {
  const keys = new Set(others.map((r) => JSON.stringify(r)));
  return these.filter((r) => !keys.has(JSON.stringify(r)));
}

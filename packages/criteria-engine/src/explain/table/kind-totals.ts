/**
 * Each standard's totals (its criteria, the most its criteria can earn) per kind of unit. A
 * criterion that applies only to some kinds (a variant chosen by a context attribute, an
 * `applicable_when` on one) is not one of the other kinds' criteria, so a total that counts it
 * for every kind overstates theirs. The kinds are the valid contexts (analyze/contexts.ts); each
 * is evaluated with no facts, so what the context alone excludes is excluded and everything else
 * (unknown) counts at its most. Kinds with the same totals are said together, named by only the
 * attributes that change a total.
 */
import { validContexts, type ContextValues } from '../../analyze/contexts.js';
import type { CompiledRuleset, ContextAttributeInfo } from '../../compile/compiled-ruleset.js';
import type { CriterionResult, EvaluationResult } from '../../evaluate/result.js';
import type { TableLang } from './official-table.js';
import type { TableMessages } from './messages/en.js';

/** A standard's totals for one kind of unit. */
export interface StandardTotals {
  readonly criteria: number;
  readonly points: number;
}

/** The kinds (their names, joined) that share one standard's totals. */
export interface KindShare extends StandardTotals {
  readonly kinds: string;
}

/** More combinations than this and the table keeps one total for all kinds (the most). */
const MAX_KINDS = 256;

/** The ruleset's parts the totals need: a description without them gets none. */
type KindsRuleset = Pick<CompiledRuleset, 'context' | 'groups'> &
  Partial<Pick<CompiledRuleset, 'validateAssessment' | 'evaluate'>>;

/** Whether a criterion's result leaves it out of its standard (not applicable, not counted as failed). */
export function excluded(c: CriterionResult): boolean {
  return c.counts_as === 'excluded';
}

/**
 * Per standard (its id), the totals of each group of kinds, in the order the kinds are listed;
 * one entry when every kind has the same totals. Undefined when the kinds cannot be listed.
 */
export function kindTotals(
  ruleset: KindsRuleset,
  lang: TableLang,
  m: TableMessages,
  most: (criterion: CompiledRuleset['groups'][number]['criteria'][number]) => number,
): ReadonlyMap<string, readonly KindShare[]> | undefined {
  const { evaluate, validateAssessment } = ruleset;
  if (evaluate === undefined || validateAssessment === undefined) return undefined;
  const contexts = validContexts({ context: ruleset.context, validateAssessment }, MAX_KINDS);
  if (contexts === undefined || contexts.length === 0) return undefined;
  const totals = contexts.map((context) => totalsOf(ruleset, evaluate({ context, facts: {} }), most));
  const names = kindNames(ruleset.context, contexts, totals, lang, m);
  const out = new Map<string, KindShare[]>();
  for (const group of ruleset.groups) {
    const shares: { kinds: string[]; criteria: number; points: number }[] = [];
    const seenNames = new Set<string>();
    totals.forEach((byGroup, k) => {
      const t = byGroup.get(group.id);
      const name = names[k];
      if (t === undefined || name === undefined || seenNames.has(name)) return;
      seenNames.add(name);
      const same = shares.find((s) => s.criteria === t.criteria && s.points === t.points);
      if (same) same.kinds.push(name);
      else shares.push({ kinds: [name], ...t });
    });
    out.set(
      group.id,
      shares.map((s) => ({ kinds: s.kinds.join('; '), criteria: s.criteria, points: s.points })),
    );
  }
  return out;
}

function totalsOf(
  ruleset: KindsRuleset,
  result: EvaluationResult,
  most: (criterion: CompiledRuleset['groups'][number]['criteria'][number]) => number,
): Map<string, StandardTotals> {
  const results = new Map(result.criteria.map((c) => [c.id, c]));
  const points = new Map(result.standards.map((s) => [s.id, s.points_total?.most]));
  const out = new Map<string, StandardTotals>();
  for (const group of ruleset.groups) {
    const counted = group.criteria.filter((c) => {
      const r = results.get(c.id);
      return r === undefined || !excluded(r);
    });
    out.set(group.id, {
      criteria: counted.length,
      points: points.get(group.id) ?? counted.reduce((sum, c) => sum + most(c), 0),
    });
  }
  return out;
}

/**
 * Each kind's name: the labels of the values of the fewest attributes that decide every total
 * (unit kind alone, say, when the region changes nothing), each kind named by at least one.
 */
function kindNames(
  attributes: readonly ContextAttributeInfo[],
  contexts: readonly ContextValues[],
  totals: readonly ReadonlyMap<string, StandardTotals>[],
  lang: TableLang,
  m: TableMessages,
): string[] {
  const keys = totals.map((t) => JSON.stringify([...t.values()]));
  const ids = attributes.map((a) => a.id);
  // A kind must be named by something: an attribute left out where it is not required (a
  // rural-only attribute, for an urban unit) names nothing, so another must be chosen with it.
  const decides = (chosen: readonly string[]) => {
    const seen = new Map<string, string>();
    return contexts.every((context, k) => {
      if (!chosen.some((id) => context[id] !== undefined)) return false;
      const part = JSON.stringify(chosen.map((id) => context[id] ?? null));
      const before = seen.get(part);
      seen.set(part, keys[k] ?? '');
      return before === undefined || before === keys[k];
    });
  };
  const chosen = smallestDeciding(ids, decides) ?? ids;
  return contexts.map((context) =>
    chosen
      .flatMap((id) => {
        const attr = attributes.find((a) => a.id === id);
        const value = context[id];
        if (attr === undefined || value === undefined) return [];
        if (typeof value === 'boolean') return [`${attr.label[lang]}: ${value ? m.yes : m.no}`];
        return [attr.values?.find((v) => v.id === value)?.label[lang] ?? value];
      })
      .join(', '),
  );
}

/** The first subset of the attributes, fewest first, that decides the totals. */
function smallestDeciding(
  ids: readonly string[],
  decides: (chosen: readonly string[]) => boolean,
): string[] | undefined {
  for (let size = 1; size <= ids.length; size++) {
    const found = firstSubset(ids, size, 0, [], decides);
    if (found) return found;
  }
  return undefined;
}

function firstSubset(
  ids: readonly string[],
  size: number,
  from: number,
  picked: string[],
  decides: (chosen: readonly string[]) => boolean,
): string[] | undefined {
  if (picked.length === size) return decides(picked) ? [...picked] : undefined;
  for (let i = from; i < ids.length; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    const found = firstSubset(ids, size, i + 1, [...picked, id], decides);
    if (found) return found;
  }
  return undefined;
}

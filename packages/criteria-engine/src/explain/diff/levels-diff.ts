/**
 * How the recognition levels changed: levels added, removed or reordered, and each level's own
 * requirements (a standard's, the total, `requirements:` over named criteria, mandatory criteria,
 * blocking disqualifiers). Read from the rule file's `levels:` as written: a level's additions
 * are what a policy officer reads in the decision, not the tiers the compiler builds from them.
 */
import type { CountRequirementDocument, LevelDocument, RequirementDocument } from '../../validate/ruleset-document.js';
import type { Requirement } from '../../evaluate/result.js';
import type { CountRequirement, CountRequirementChange, LevelChange, LevelDiff } from './ruleset-diff.js';
import { optionalTextChange, textChange } from './word-diff.js';

export function diffLevels(before: readonly LevelDocument[], after: readonly LevelDocument[]): LevelDiff {
  const old = new Map(before.map((l) => [l.id, l]));
  const now = new Map(after.map((l) => [l.id, l]));
  const orderA = before.filter((l) => now.has(l.id)).map((l) => l.id);
  const orderB = after.filter((l) => old.has(l.id)).map((l) => l.id);
  return {
    added: after.filter((l) => !old.has(l.id)).map((l) => ({ id: l.id, label: l.label })),
    removed: before.filter((l) => !now.has(l.id)).map((l) => ({ id: l.id, label: l.label })),
    // Reaching a level implies every level below it: a new order changes what each implies.
    order: orderA.join('\u0000') === orderB.join('\u0000') ? null : { before: orderA, after: orderB },
    changed: after.flatMap((b) => {
      const a = old.get(b.id);
      if (a === undefined) return [];
      const changes = levelChanges(a, b);
      return changes.length > 0 ? [{ id: b.id, changes }] : [];
    }),
  };
}

function levelChanges(a: LevelDocument, b: LevelDocument): LevelChange[] {
  const out: LevelChange[] = [];
  const label = textChange(a.label, b.label);
  if (label !== undefined) out.push({ kind: 'label', change: label });
  const note = optionalTextChange(a.note, b.note);
  if (note !== undefined) out.push({ kind: 'note', change: note });
  if (!same(a.group_requirement, b.group_requirement))
    out.push({ kind: 'group_requirement', before: req(a.group_requirement), after: req(b.group_requirement) });
  const groups = [...new Set([...Object.keys(a.groups ?? {}), ...Object.keys(b.groups ?? {})])];
  for (const group of groups) {
    const x = a.groups?.[group];
    const y = b.groups?.[group];
    if (!same(x, y)) out.push({ kind: 'group', group, before: req(x), after: req(y) });
  }
  if (!same(a.total_requirement, b.total_requirement))
    out.push({ kind: 'total_requirement', before: req(a.total_requirement), after: req(b.total_requirement) });
  out.push(...countRequirementChanges(a.requirements ?? [], b.requirements ?? []));
  for (const id of b.mandatory ?? []) if (!(a.mandatory ?? []).includes(id)) out.push({ kind: 'mandatory_added', id });
  for (const id of a.mandatory ?? [])
    if (!(b.mandatory ?? []).includes(id)) out.push({ kind: 'mandatory_removed', id });
  for (const id of b.disqualifiers ?? [])
    if (!(a.disqualifiers ?? []).includes(id)) out.push({ kind: 'disqualifier_added', id });
  for (const id of a.disqualifiers ?? [])
    if (!(b.disqualifiers ?? []).includes(id)) out.push({ kind: 'disqualifier_removed', id });
  return out;
}

/**
 * `requirements:` items matched by the set of criteria they name: the same criteria with another
 * number (3 of these 4 → 2 of these 4) is one change; other items are added or removed.
 */
export function countRequirementChanges(
  before: readonly CountRequirementDocument[],
  after: readonly CountRequirementDocument[],
): CountRequirementChange[] {
  const key = (r: CountRequirementDocument) => [...r.of].sort().join('\u0000');
  const old = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  const out: CountRequirementChange[] = [];
  for (const r of after) {
    const a = old.get(key(r));
    if (a === undefined) out.push({ kind: 'requirement_added', requirement: countRequirement(r) });
    else if (!same(requirementOf(a), requirementOf(r)))
      out.push({ kind: 'requirement_changed', of: r.of, before: requirementOf(a), after: requirementOf(r) });
  }
  for (const r of before)
    if (!now.has(key(r))) out.push({ kind: 'requirement_removed', requirement: countRequirement(r) });
  return out;
}

function countRequirement(r: CountRequirementDocument): CountRequirement {
  return { requirement: requirementOf(r), of: r.of };
}

function requirementOf(r: CountRequirementDocument): Requirement {
  return 'at_least_count' in r ? { at_least_count: r.at_least_count } : { at_least_points: r.at_least_points };
}

function req(r: RequirementDocument | undefined): Requirement | null {
  return r ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

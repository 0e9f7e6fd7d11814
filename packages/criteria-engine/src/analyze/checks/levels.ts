/**
 * Levels (`levels:`) as a whole, per kind of unit, on the best completion of what each criterion
 * can come to (reach.ts):
 *
 * - `level_points` (a note at each level with a points requirement): the most points the
 *   criteria that count at that level can earn, per kind of unit, against what the level needs;
 * - `level_unreachable` (a warning at the lowest level no unit of some kind can reach, and so
 *   none above it): its points, a requirement (a standard's, a `requirements:` list), a mandatory
 *   criterion that can never pass there, or a blocking disqualifier that always applies;
 * - `level_requirement_weaker` (a warning at the requirement): a level's requirement no stricter
 *   than the same requirement of a level below. Each level's requirements are ADDED to those
 *   below it (docs/rule-format.md, *Levels*), so such a requirement never decides anything; it is
 *   usually a figure copied from the wrong row.
 * - `level_disqualifier_redundant` (a warning at the item): a level's `disqualifiers:` naming one
 *   that `recognition.disqualifiers: block` already makes block every level (it has no
 *   `from_level`). The lists are added to the base, so the item changes nothing, though it reads
 *   as "blocks from this level up"; `from_level` on the disqualifier says that.
 */
import type { CriterionInfo } from '../../compile/compiled-ruleset.js';
import { holds, requirementParts, type Tally } from '../../evaluate/requirement.js';
import type { Requirement } from '../../evaluate/result.js';
import type { LevelDocument, RequirementDocument } from '../../validate/ruleset-document.js';
import { describeContext } from '../contexts.js';
import type { Findings } from '../findings.js';
import type { CriterionOutcomes, Reachability } from '../reach.js';

type Cause =
  | { readonly reason: 'points'; readonly need: number; readonly most: number }
  | { readonly reason: 'requirement'; readonly detail: string }
  | { readonly reason: 'mandatory'; readonly detail: string }
  | { readonly reason: 'disqualifier'; readonly detail: string };

export function checkLevels(f: Findings, reach: Reachability): void {
  const levels = f.ruleset.document.levels ?? [];
  if (levels.length === 0 || !reach.contextsListed || reach.contexts.length === 0) return;
  const model = new LevelModel(f, reach, levels);
  checkWeaker(f, levels);
  checkRedundantDisqualifiers(f, levels);
  // Per kind of unit: the first level that cannot be reached, and why.
  const lost: { readonly level: number; readonly cause: Cause }[] = reach.contexts.map((_, k) => {
    for (let li = 0; li < levels.length; li++) {
      const cause = model.cause(li, k);
      if (cause) return { level: li, cause };
    }
    return { level: levels.length, cause: { reason: 'requirement', detail: '' } };
  });
  levels.forEach((level, li) => {
    const need = model.pointsNeeded(li);
    if (need !== undefined) {
      const most = reach.contexts.map((_, k) => model.mostPoints(li, k));
      const same = most.every((m) => m === most[0]);
      f.add(
        'level_points',
        ['levels', li, 'id'],
        {
          level: level.id,
          need,
          most: Math.max(...most),
          per_context: same ? '' : reach.contexts.map((c, k) => `${describeContext(c)}: ${most[k]}`).join('; '),
        },
        'info',
      );
    }
    const ks = lost.flatMap((l, k) => (l.level === li ? [k] : []));
    const first = ks[0];
    if (first === undefined) return;
    const cause = lost[first]?.cause;
    if (cause === undefined) return;
    f.add(
      'level_unreachable',
      ['levels', li, 'id'],
      {
        level: level.id,
        reason: cause.reason,
        detail: 'detail' in cause ? cause.detail : '',
        need: cause.reason === 'points' ? cause.need : 0,
        most: cause.reason === 'points' ? cause.most : 0,
        above: levels
          .slice(li + 1)
          .map((l) => l.id)
          .join(', '),
        context:
          ks.length === reach.contexts.length ? '' : ks.map((k) => describeContext(reach.contexts[k] ?? {})).join('; '),
      },
      'warning',
    );
  });
}

/** What a level needs and what its criteria can come to, per kind of unit. */
class LevelModel {
  private readonly order: readonly string[];
  private readonly outcomes: ReadonlyMap<string, readonly CriterionOutcomes[]>;
  private readonly byId: ReadonlyMap<string, CriterionInfo>;

  constructor(
    private readonly f: Findings,
    private readonly reach: Reachability,
    private readonly levels: readonly LevelDocument[],
  ) {
    this.order = levels.map((l) => l.id);
    this.outcomes = new Map(reach.criteria.map((c) => [c.id, c.contexts]));
    this.byId = new Map(f.ruleset.criteria.map((c) => [c.id, c]));
  }

  private counts(c: CriterionInfo, li: number): boolean {
    return c.fromLevel === undefined || this.order.indexOf(c.fromLevel) <= li;
  }

  private outcome(id: string, k: number): CriterionOutcomes | undefined {
    return this.outcomes.get(id)?.[k];
  }

  /** The most a criterion earns in kind of unit k: its variant's points (or its own) if it can pass. */
  private most(c: CriterionInfo, k: number): number {
    const o = this.outcome(c.id, k);
    if (o === undefined || !o.statuses.includes('pass')) return 0;
    const variant = o.variant === null ? undefined : c.variants?.find((v) => v.id === o.variant);
    return variant?.points ?? c.points;
  }

  /** The best completion of a list of criteria: each passes if it can, else leaves the count if it can. */
  private best(members: readonly CriterionInfo[], k: number): Tally {
    const t = { passed: 0, applicable: 0, points: 0 };
    for (const c of members) {
      const o = this.outcome(c.id, k);
      if (o === undefined) continue;
      if (o.statuses.includes('pass')) {
        t.passed++;
        t.applicable++;
        t.points += this.most(c, k);
      } else if (!o.counts.includes('excluded')) t.applicable++;
    }
    return t;
  }

  mostPoints(li: number, k: number): number {
    let sum = 0;
    for (const c of this.f.ruleset.criteria) if (this.counts(c, li)) sum += this.most(c, k);
    return sum;
  }

  /** The total points the level needs: the strictest total requirement in force at it. */
  pointsNeeded(li: number): number | undefined {
    const totals = [
      this.f.ruleset.document.recognition.total_requirement,
      ...this.levels.slice(0, li + 1).map((l) => l.total_requirement),
    ];
    let need: number | undefined;
    for (const t of totals) if (t && 'at_least_points' in t) need = Math.max(need ?? 0, t.at_least_points);
    return need;
  }

  /** Why level li cannot be reached in kind of unit k (its own additions and the base), if it cannot. */
  cause(li: number, k: number): Cause | undefined {
    const { ruleset } = this.f;
    const doc = ruleset.document;
    const level = this.levels[li];
    if (level === undefined) return undefined;
    const all = ruleset.criteria.filter((c) => this.counts(c, li));
    const need = this.pointsNeeded(li);
    const most = this.mostPoints(li, k);
    if (need !== undefined && most < need) return { reason: 'points', need, most };
    const mandatory = [...ruleset.mandatory, ...this.levels.slice(0, li + 1).flatMap((l) => l.mandatory ?? [])];
    for (const id of mandatory) {
      const o = this.outcome(id, k);
      if (o?.checked && !o.statuses.includes('pass')) return { reason: 'mandatory', detail: id };
    }
    const blocking = new Set<string>(this.levels.slice(0, li + 1).flatMap((l) => l.disqualifiers ?? []));
    doc.disqualifiers?.forEach((d, di) => {
      const from = d.from_level === undefined ? -1 : this.order.indexOf(d.from_level);
      if (doc.recognition.disqualifiers === 'block' && from <= li) blocking.add(ruleset.disqualifiers[di]?.id ?? d.id);
    });
    for (const dr of this.reach.disqualifiers) {
      const o = dr.contexts[k];
      if (blocking.has(dr.id) && o?.checked && !o.clear) return { reason: 'disqualifier', detail: dr.id };
    }
    const checks: [readonly CriterionInfo[], Requirement | RequirementDocument | undefined, string][] = [];
    for (const g of ruleset.groups) {
      const members = g.criteria.filter((c) => this.counts(c, li));
      checks.push([members, g.requirement, g.id]);
      const own = doc.groups.find((d) => d.id === g.id)?.requirement !== undefined;
      for (const l of this.levels.slice(0, li + 1)) {
        const extra = l.groups?.[g.id] ?? (own ? undefined : l.group_requirement);
        checks.push([members, extra, g.id]);
      }
    }
    const lists = [
      ...(doc.recognition.requirements ?? []),
      ...this.levels.slice(0, li + 1).flatMap((l) => l.requirements ?? []),
    ];
    for (const [i, r] of lists.entries()) {
      const members = r.of.flatMap((id) => {
        const c = this.byId.get(id);
        return c && this.counts(c, li) ? [c] : [];
      });
      checks.push([members, r, `requirements[${i}]: ${r.of.join(', ')}`]);
    }
    for (const [members, req, detail] of checks) {
      if (req === undefined) continue;
      const plain = plainRequirement(req);
      if (!holds(plain, this.best(members, k))) {
        const { kind, value } = requirementParts(plain);
        return { reason: 'requirement', detail: `${detail} (${kind}: ${value})` };
      }
    }
    if (!holds({ at_least_points: 0 }, this.best(all, k))) return { reason: 'requirement', detail: '' };
    return undefined;
  }
}

function plainRequirement(r: Requirement | RequirementDocument): Requirement {
  if ('at_least_points' in r) return { at_least_points: r.at_least_points };
  if ('at_least_count' in r) return { at_least_count: r.at_least_count };
  return { at_least_percent: r.at_least_percent };
}

/** A level's `disqualifiers:` item that the base already makes block every level. */
function checkRedundantDisqualifiers(f: Findings, levels: readonly LevelDocument[]): void {
  const doc = f.ruleset.document;
  if (doc.recognition.disqualifiers !== 'block') return;
  levels.forEach((level, li) => {
    (level.disqualifiers ?? []).forEach((id, j) => {
      const d = doc.disqualifiers?.find((x) => x.id === id);
      if (d === undefined || d.from_level !== undefined) return;
      f.add(
        'level_disqualifier_redundant',
        ['levels', li, 'disqualifiers', j],
        { level: level.id, disqualifier: id },
        'warning',
      );
    });
  });
}

/** A level's total or standard requirement that a level below already asks as much of. */
function checkWeaker(f: Findings, levels: readonly LevelDocument[]): void {
  const doc = f.ruleset.document;
  const kindValue = (r: RequirementDocument) => requirementParts(plainRequirement(r));
  const compare = (
    req: RequirementDocument | undefined,
    lower: readonly { readonly req: RequirementDocument | undefined; readonly where: string }[],
    path: readonly (string | number)[],
    level: string,
    target: string,
  ) => {
    if (req === undefined) return;
    const mine = kindValue(req);
    for (const l of lower) {
      if (l.req === undefined) continue;
      const theirs = kindValue(l.req);
      if (theirs.kind !== mine.kind || theirs.value < mine.value) continue;
      f.add(
        'level_requirement_weaker',
        path,
        { level, target, kind: mine.kind, value: mine.value, lower: l.where, lower_value: theirs.value },
        'warning',
      );
      return;
    }
  };
  levels.forEach((level, li) => {
    const below = levels.slice(0, li);
    compare(
      level.total_requirement,
      [
        ...below.map((l) => ({ req: l.total_requirement, where: l.id })).reverse(),
        { req: doc.recognition.total_requirement, where: 'recognition' },
      ],
      ['levels', li, 'total_requirement'],
      level.id,
      '',
    );
    for (const [gid, req] of Object.entries(level.groups ?? {})) {
      const group = doc.groups.find((g) => g.id === gid);
      compare(
        req,
        [
          ...below.map((l) => ({ req: l.groups?.[gid], where: l.id })).reverse(),
          { req: group?.requirement ?? doc.recognition.group_requirement, where: 'recognition' },
        ],
        ['levels', li, 'groups', gid],
        level.id,
        gid,
      );
    }
  });
}

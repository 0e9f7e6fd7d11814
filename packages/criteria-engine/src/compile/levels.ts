/**
 * Levels and count requirements as what the evaluator checks: one tier per level (lowest first),
 * or one for the recognition rule alone. A tier lists requirements over criteria (a standard's,
 * the total, `requirements:` over named criteria), the mandatory criteria and the blocking
 * disqualifiers, with only the criteria that count at that level (`from_level`). Level L is
 * reached when every tier up to L holds; the base rule is part of every tier.
 */
import type { Requirement } from '../evaluate/result.js';
import type { LocalizedText, RequirementDocument, RulesetDocument } from '../validate/ruleset-document.js';
import type { YamlPath } from './conditions.js';

export interface LevelPlan {
  readonly id: string;
  readonly label: LocalizedText;
  readonly note?: LocalizedText;
}

/** What a requirement check is, for explanations: a standard's, the total, or a `requirements:` item. */
export type CheckSource =
  | { readonly kind: 'group'; readonly id: string; readonly level?: string }
  | { readonly kind: 'total'; readonly level?: string }
  | { readonly kind: 'requirements'; readonly index: number; readonly level?: string };

export interface RequirementCheck {
  readonly requirement: Requirement;
  /** Indexes into RulesetPlan.criteria: those counted. */
  readonly criteria: readonly number[];
  readonly source: CheckSource;
}

export interface TierPlan {
  readonly checks: readonly RequirementCheck[];
  /** Criterion indexes that must pass. */
  readonly mandatory: readonly number[];
  /** Disqualifier indexes that block. */
  readonly disqualifiers: readonly number[];
}

/** The parts of the plan the tiers are made from. */
export interface TierInputs {
  readonly doc: RulesetDocument;
  readonly criteria: readonly { readonly id: string; readonly group: string; readonly fromLevel?: number }[];
  readonly groups: readonly {
    readonly id: string;
    readonly requirement: Requirement;
    readonly criteria: readonly number[];
  }[];
  readonly disqualifiers: readonly { readonly id: string; readonly fromLevel?: number }[];
  readonly mandatory: readonly string[];
}

/** Reports a problem at a path of the rule file. */
export interface LevelReporter {
  unknownCriterion(path: YamlPath, id: string, known: readonly string[]): void;
  unknownGroup(path: YamlPath, id: string, known: readonly string[]): void;
  unknownDisqualifier(path: YamlPath, id: string, known: readonly string[]): void;
  mandatoryBelowLevel(path: YamlPath, criterion: string, level: string, fromLevel: string): void;
  duplicateLevel(path: YamlPath, id: string, firstPath: YamlPath): void;
  requirement(doc: RequirementDocument, path: YamlPath, count: number): void;
}

/** The level ids, lowest first; duplicates reported. */
export function levelIds(doc: RulesetDocument, report: LevelReporter): string[] {
  const seen = new Map<string, YamlPath>();
  return (doc.levels ?? []).map((l, i) => {
    const path: YamlPath = ['levels', i, 'id'];
    const first = seen.get(l.id);
    if (first) report.duplicateLevel(path, l.id, first);
    else seen.set(l.id, path);
    return l.id;
  });
}

export function compileTiers(input: TierInputs, report: LevelReporter): TierPlan[] {
  const { doc, criteria, groups, disqualifiers } = input;
  const criterionIds = criteria.map((c) => c.id);
  const criterionIndex = new Map(criterionIds.map((id, i) => [id, i]));
  const disqualifierIds = disqualifiers.map((d) => d.id);
  const groupIds = groups.map((g) => g.id);
  const levels = doc.levels ?? [];
  const levelIdsList = levels.map((l) => l.id);
  const tierCount = Math.max(1, levels.length);

  const named = (ids: readonly string[], path: YamlPath): number[] =>
    ids.flatMap((id, i) => {
      const index = criterionIndex.get(id);
      if (index === undefined) {
        report.unknownCriterion([...path, i], id, criterionIds);
        return [];
      }
      return [index];
    });
  const base = {
    // An unknown id under recognition.mandatory is reported where the criteria are checked
    // (compile-ruleset.ts, checkMandatory): once, not again here.
    mandatory: input.mandatory.flatMap((id) => criterionIndex.get(id) ?? []),
    requirements: (doc.recognition.requirements ?? []).map((r, i) => {
      const path: YamlPath = ['recognition', 'requirements', i];
      report.requirement(r, path, r.of.length);
      return { requirement: plainRequirement(r), criteria: named(r.of, [...path, 'of']) };
    }),
  };
  const fromLevelName = (c: { fromLevel?: number }) => levelIdsList[c.fromLevel ?? -1] ?? '';
  // A base mandatory criterion must count at every level.
  input.mandatory.forEach((id, i) => {
    const c = criteria[criterionIndex.get(id) ?? -1];
    if (c?.fromLevel !== undefined && c.fromLevel > 0) {
      report.mandatoryBelowLevel(['recognition', 'mandatory', i], id, levelIdsList[0] ?? '', fromLevelName(c));
    }
  });
  const perLevel = levels.map((level, li) => {
    const path: YamlPath = ['levels', li];
    const groupsAt = Object.entries(level.groups ?? {}).flatMap(([id, req]) => {
      const gi = groupIds.indexOf(id);
      if (gi < 0) {
        report.unknownGroup([...path, 'groups', id], id, groupIds);
        return [];
      }
      report.requirement(req, [...path, 'groups', id], groups[gi]?.criteria.length ?? 0);
      return [[gi, req] as const];
    });
    const mandatory = named(level.mandatory ?? [], [...path, 'mandatory']);
    mandatory.forEach((ci, i) => {
      const c = criteria[ci];
      if (c?.fromLevel !== undefined && c.fromLevel > li) {
        report.mandatoryBelowLevel([...path, 'mandatory', i], c.id, level.id, fromLevelName(c));
      }
    });
    const blocking = (level.disqualifiers ?? []).flatMap((id, i) => {
      const di = disqualifierIds.indexOf(id);
      if (di < 0) {
        report.unknownDisqualifier([...path, 'disqualifiers', i], id, disqualifierIds);
        return [];
      }
      return [di];
    });
    if (level.group_requirement)
      report.requirement(
        level.group_requirement,
        [...path, 'group_requirement'],
        Math.max(0, ...groups.map((g) => g.criteria.length)),
      );
    if (level.total_requirement) {
      report.requirement(level.total_requirement, [...path, 'total_requirement'], criteria.length);
    }
    return {
      id: level.id,
      groups: new Map<number, Requirement>(groupsAt),
      groupRequirement: level.group_requirement,
      total: level.total_requirement,
      requirements: (level.requirements ?? []).map((r, i) => {
        const rpath: YamlPath = [...path, 'requirements', i];
        report.requirement(r, rpath, r.of.length);
        return { requirement: plainRequirement(r), criteria: named(r.of, [...rpath, 'of']) };
      }),
      mandatory,
      blocking,
    };
  });

  const tiers: TierPlan[] = [];
  for (let t = 0; t < tierCount; t++) {
    const counts = (i: number) => (criteria[i]?.fromLevel ?? -1) <= t;
    const level = perLevel[t];
    const checks: RequirementCheck[] = [];
    const all: number[] = [];
    groups.forEach((g, gi) => {
      const counted = g.criteria.filter(counts);
      all.push(...counted);
      checks.push({ requirement: g.requirement, criteria: counted, source: { kind: 'group', id: g.id } });
      const own = doc.groups[gi]?.requirement !== undefined;
      const extra = level?.groups.get(gi) ?? (own ? undefined : level?.groupRequirement);
      if (level && extra)
        checks.push({ requirement: extra, criteria: counted, source: { kind: 'group', id: g.id, level: level.id } });
    });
    const total = doc.recognition.total_requirement;
    if (total) checks.push({ requirement: total, criteria: all, source: { kind: 'total' } });
    if (level?.total)
      checks.push({ requirement: level.total, criteria: all, source: { kind: 'total', level: level.id } });
    for (const [index, r] of base.requirements.entries()) {
      checks.push({
        requirement: r.requirement,
        criteria: r.criteria.filter(counts),
        source: { kind: 'requirements', index },
      });
    }
    for (const [index, r] of (level?.requirements ?? []).entries()) {
      checks.push({
        requirement: r.requirement,
        criteria: r.criteria.filter(counts),
        source: { kind: 'requirements', index, ...(level ? { level: level.id } : {}) },
      });
    }
    const disq = new Set<number>();
    if (doc.recognition.disqualifiers === 'block') {
      disqualifiers.forEach((d, di) => {
        if ((d.fromLevel ?? -1) <= t) disq.add(di);
      });
    }
    for (const di of level?.blocking ?? []) disq.add(di);
    tiers.push({
      checks,
      mandatory: [...new Set([...base.mandatory, ...(level?.mandatory ?? [])])],
      disqualifiers: [...disq].sort((a, b) => a - b),
    });
  }
  return tiers;
}

/** `{ at_least_count: 3, of: [...] }` → `{ at_least_count: 3 }`: the counting is over the named criteria. */
function plainRequirement(r: { readonly at_least_count: number } | { readonly at_least_points: number }): Requirement {
  return 'at_least_count' in r ? { at_least_count: r.at_least_count } : { at_least_points: r.at_least_points };
}

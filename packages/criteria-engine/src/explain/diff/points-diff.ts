/**
 * How a criterion's or variant's points changed: fixed points, a step table (its value, each
 * band by its threshold, the cap) or the best of options. The compiled form is compared, so a
 * table written with other spacing or key order is the same table.
 */
import type { PointsOptionInfo, PointsRuleInfo } from '../../compile/points.js';
import type { PointsOptionSpec, PointsPartChange, PointsSpec } from './ruleset-diff.js';

/** Fixed points, or the rule that computes them, as the diff reports it. */
export function pointsSpec(points: number, rule: PointsRuleInfo | undefined): PointsSpec {
  if (rule === undefined) return { kind: 'fixed', points };
  if (rule.kind === 'best_of') return { kind: 'best_of', options: rule.options.map(optionSpec) };
  const only = optionSpec(rule.options[0] ?? {});
  return { kind: 'steps', of: only.steps?.of ?? '', bands: only.steps?.bands ?? [], cap: only.cap };
}

function optionSpec(o: PointsOptionInfo): PointsOptionSpec {
  return {
    condition: o.condition?.expression ?? null,
    points: o.points ?? null,
    steps:
      o.steps === undefined
        ? null
        : { of: o.steps.of, bands: o.steps.bands.map((b) => ({ at_least: b.at_least, points: b.points })) },
    // An option without a cap compiles to an infinite one; JSON has no infinity.
    cap: o.cap === undefined || !Number.isFinite(o.cap) ? null : o.cap,
  };
}

/** The parts that differ; empty when the two are the same points. */
export function pointsParts(a: PointsSpec, b: PointsSpec): PointsPartChange[] {
  if (a.kind !== b.kind) return [{ part: 'form', before: a.kind, after: b.kind }];
  if (a.kind === 'fixed' && b.kind === 'fixed')
    return a.points === b.points ? [] : [{ part: 'points', before: a.points, after: b.points }];
  if (a.kind === 'steps' && b.kind === 'steps') {
    const out: PointsPartChange[] = [];
    if (a.of !== b.of) out.push({ part: 'of', before: a.of, after: b.of });
    out.push(...bandChanges(a.bands, b.bands));
    if (a.cap !== b.cap) out.push({ part: 'cap', before: a.cap, after: b.cap });
    return out;
  }
  if (a.kind === 'best_of' && b.kind === 'best_of') {
    // Options have no ids: compared by position, as the rule file lists them.
    const out: PointsPartChange[] = [];
    for (let i = 0; i < Math.max(a.options.length, b.options.length); i++) {
      const x = a.options[i] ?? null;
      const y = b.options[i] ?? null;
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ part: 'option', index: i + 1, before: x, after: y });
    }
    return out;
  }
  return [];
}

/** Bands matched by their threshold: a band whose points moved, one added, one removed. */
function bandChanges(
  a: readonly { readonly at_least: number; readonly points: number }[],
  b: readonly { readonly at_least: number; readonly points: number }[],
): PointsPartChange[] {
  const old = new Map(a.map((x) => [x.at_least, x.points]));
  const now = new Map(b.map((x) => [x.at_least, x.points]));
  const thresholds = [...new Set([...old.keys(), ...now.keys()])].sort((x, y) => x - y);
  return thresholds.flatMap((t): PointsPartChange[] => {
    const before = old.get(t) ?? null;
    const after = now.get(t) ?? null;
    return before === after ? [] : [{ part: 'band', at_least: t, before, after }];
  });
}

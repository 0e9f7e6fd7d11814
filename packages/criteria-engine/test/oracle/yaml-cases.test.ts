/**
 * The bundled schemes' YAML test cases, read without the engine and checked against the
 * hand-written oracles: every expectation a case writes about the decision, the level, the total
 * points, a criterion's status or points and a disqualifier must be what the oracle says too. The
 * engine is checked against the same cases by `lcz test` (conformance); two independent readings
 * of the rules, and the case's author, must all agree.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { greenOracle } from './green-building-oracle.js';
import { ntmOracle } from './ntm-commune-oracle.js';
import { schoolOracle } from './school-safety-oracle.js';
import { expectedStatus, readYamlCases } from './yaml-cases.js';

interface Reading {
  readonly decision: string;
  readonly level: { readonly reached: string | null; readonly possible: string | null };
  readonly criteria: Readonly<Record<string, string>>;
  readonly disqualifiers: Readonly<Record<string, string>>;
  readonly points?: Readonly<Record<string, { least: number; most: number }>>;
  readonly total?: { least: number; most: number };
}

/** An expected number (certain) or { least, most } against the oracle's span. */
function sameSpan(
  expected: number | { least: number; most: number },
  span: { least: number; most: number } | undefined,
): boolean {
  const e = typeof expected === 'number' ? { least: expected, most: expected } : expected;
  return span !== undefined && e.least === span.least && e.most === span.most;
}

function disagreements(rules: string, oracle: (a: Assessment) => Reading): { cases: number; found: string[] } {
  const found: string[] = [];
  const cases = readYamlCases(fileURLToPath(new URL(rules, import.meta.url)));
  for (const c of cases) {
    const r = oracle(c.assessment);
    const e = c.expect as {
      decision?: string;
      level?: { reached: string | null; possible: string | null };
      points?: number | { least: number; most: number };
      criteria?: Record<string, unknown>;
      disqualifiers?: Record<string, string>;
    };
    const say = (what: string) => found.push(`${c.file} "${c.name}": ${what}`);
    if (e.decision !== r.decision) say(`decision ${String(e.decision)}, oracle ${r.decision}`);
    if (e.level && (e.level.reached !== r.level.reached || e.level.possible !== r.level.possible))
      say(`level ${JSON.stringify(e.level)}, oracle ${JSON.stringify(r.level)}`);
    if (e.points !== undefined && !sameSpan(e.points, r.total))
      say(`total ${JSON.stringify(e.points)}, oracle ${JSON.stringify(r.total)}`);
    for (const [id, v] of Object.entries(e.criteria ?? {})) {
      const status = expectedStatus(v);
      if (status !== undefined && status !== r.criteria[id]) say(`${id} ${status}, oracle ${String(r.criteria[id])}`);
      const points = (v as { points?: number | { least: number; most: number } } | null)?.points;
      if (points !== undefined && !sameSpan(points, r.points?.[id]))
        say(`${id} earns ${JSON.stringify(points)}, oracle ${JSON.stringify(r.points?.[id])}`);
    }
    for (const [id, v] of Object.entries(e.disqualifiers ?? {}))
      if (v !== r.disqualifiers[id]) say(`${id} ${v}, oracle ${String(r.disqualifiers[id])}`);
  }
  return { cases: cases.length, found };
}

describe('the YAML test cases of the bundled schemes agree with their hand-written oracles', () => {
  it('rules/ntm-commune-2021-2025/tests', () => {
    const { cases, found } = disagreements('../../../../rules/ntm-commune-2021-2025/ruleset.yaml', ntmOracle);
    expect(cases).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('rules/green-building-illustrative/tests', () => {
    const { cases, found } = disagreements('../../../../rules/green-building-illustrative/ruleset.yaml', greenOracle);
    expect(cases).toBeGreaterThan(80);
    expect(found).toEqual([]);
  });

  it('examples/school-safety/tests (English only, native ids, no levels)', () => {
    const { cases, found } = disagreements('../../../../examples/school-safety/ruleset.yaml', (a) => ({
      ...schoolOracle(a),
      level: { reached: null, possible: null },
    }));
    expect(cases).toBeGreaterThanOrEqual(26);
    expect(found).toEqual([]);
    // The check is not vacuous here either: an oracle that read FSc3's 90% as 80% disagrees.
    const loose = disagreements('../../../../examples/school-safety/ruleset.yaml', (a) => {
      const r = schoolOracle(a);
      const { pupils, pupils_drilled: drilled } = a.facts as Record<string, number | null | undefined>;
      if (typeof pupils !== 'number' || typeof drilled !== 'number' || pupils === 0)
        return { ...r, level: { reached: null, possible: null } };
      const fsc3 = drilled * 100 >= 80 * pupils ? 'pass' : 'fail';
      return { ...r, criteria: { ...r.criteria, FSc3: fsc3 }, level: { reached: null, possible: null } };
    });
    expect(loose.found.length).toBeGreaterThan(0);
  });

  it('a reading that differs is caught (the check is not vacuous)', () => {
    // An oracle that forgot RPc1's cap would disagree with the cases at its fifth and sixth band.
    const uncapped = disagreements('../../../../rules/green-building-illustrative/ruleset.yaml', (a) => {
      const r = greenOracle(a);
      const achieved = a.facts['regional_priority_achieved'];
      const rp = typeof achieved === 'number' ? { least: achieved, most: achieved } : r.points['RPc1'];
      return { ...r, points: { ...r.points, ...(rp ? { RPc1: rp } : {}) } };
    });
    expect(uncapped.found.length).toBeGreaterThan(2);
    // An oracle that ignored the tiers above đạt chuẩn would disagree with the cases at each boundary.
    const flat = disagreements('../../../../rules/ntm-commune-2021-2025/ruleset.yaml', (a) => {
      const r = ntmOracle(a);
      const level = r.level.reached === null ? r.level : { reached: 'dat_chuan', possible: 'dat_chuan' };
      return { ...r, level };
    });
    expect(flat.found.length).toBeGreaterThan(10);
  });
});

/**
 * A disqualifier that blocks only from a higher level (`from_level: nang_cao`) does not stand
 * between an area and recognition: the part of the gap analysis about being recognised neither
 * lists it to clear nor changes its facts, while the part about the higher level does. Found
 * writing test/fixtures/co-quan-van-hoa from the docs alone: "what it would take to be
 * recognised" asked for the unknown security incidents to be 0, though the same report said that
 * fact could no longer change the decision.
 */
import { describe, expect, it } from 'vitest';
import { explainGap, gapAnalysis } from '../../src/explain/index.js';
import { deltaAgency } from './delta-agency.js';

// Standard 2 is one criterion short (6 events where the delta needs 7 from 2025-07-01); D3
// (from nang_cao) is unknown: no security figure.
const { rules, agency } = await deltaAgency();

describe('a disqualifier that blocks only a higher level, in the gap analysis', async () => {
  const result = rules.evaluate(agency);

  it('is not among what recognition needs, nor in the plan to be recognised', () => {
    expect(result.decision).toBe('not_recognised');
    expect(result.disqualifiers.find((d) => d.id === 'D3')?.status).toBe('unknown');
    expect(result.needed).toEqual([]);
    const gap = gapAnalysis(result, rules);
    expect(gap.disqualifiers.map((d) => d.id)).toEqual([]);
    expect(gap.plan.disqualifiers).toEqual([]);
    expect(gap.plan.changes.map((c) => c.fact)).not.toContain('security_incidents');
    expect(gap.plan.decision).toBe('recognised');
  });

  it('is what the higher level lacks', () => {
    const gap = gapAnalysis(result, rules);
    const advanced = gap.levels?.find((l) => l.id === 'nang_cao');
    expect(advanced?.lacking).toContainEqual({ kind: 'disqualifier', id: 'D3' });
    expect(advanced?.ways[0]?.changes.map((c) => c.fact)).toContain('security_incidents');
  });

  it('the text says nothing of it under "what it would take to be recognised"', () => {
    for (const lang of ['en', 'vi'] as const) {
      const text = explainGap(gapAnalysis(result, rules), rules, { lang });
      const recognisedPart = text.slice(0, text.indexOf(lang === 'en' ? 'HIGHER LEVEL' : 'MỨC CAO HƠN'));
      expect(recognisedPart).not.toContain('D3');
    }
  });
});

/**
 * Every bundled scheme through a real server on loopback, each answer checked against the
 * OpenAPI document the server itself serves (ajv): a scheme without levels (Lai Châu), a tiered
 * scheme with a region × year table and a derived quantity (new-rural communes), and a
 * points-and-levels certification (green building). The assessments are each scheme's own full
 * base, the base with facts left out (unknown) and values drawn by the engine's arbitraries, so
 * levels reached, levels only possible, points and derived values all occur in what is checked.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';
import { loadRulesetFile, readAssessmentFile } from '@lcz/criteria-engine/node';
import { assessmentArbitrary, mulberry32 } from '@lcz/criteria-engine/testing';
import { call, componentValidator, start, type Running } from './helpers.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Each bundled scheme and a full assessment of it (a YAML test base, or the recognised example). */
const SCHEMES = [
  { rules: 'rules/lai-chau-2020-2025', base: 'examples/assessments/recognised-to-dan-pho.yaml' },
  { rules: 'rules/ntm-commune-2021-2025', base: 'rules/ntm-commune-2021-2025/tests/bases/kieu-mau.yaml' },
  {
    rules: 'rules/green-building-illustrative',
    base: 'rules/green-building-illustrative/tests/bases/platinum-project.yaml',
  },
] as const;

interface Scheme {
  readonly ruleset: CompiledRuleset;
  readonly assessments: readonly Assessment[];
}

let server: Running;
let check: ReturnType<typeof componentValidator>;
const schemes: Scheme[] = [];

/** A date inside the ruleset's effective period: dated tables (region × year) need one. */
function dateIn(ruleset: CompiledRuleset): string | undefined {
  const from = ruleset.effective?.from;
  return from === undefined ? undefined : `${Number(from.slice(0, 4)) + 2}-06-30`;
}

/** The base, the base with facts left out, and drawn assessments, all dated in the period. */
function assessmentsOf(ruleset: CompiledRuleset, base: Assessment, seed: number): Assessment[] {
  const date = base.area?.date ?? dateIn(ruleset);
  const area = { ...base.area, ...(date !== undefined ? { date } : {}) };
  const full: Assessment = { ...base, area };
  const random = mulberry32(seed);
  const ids = Object.keys(full.facts ?? {});
  const thinned = [1, 2, 4, 8].map((n): Assessment => {
    const out = new Set<string>();
    while (out.size < Math.min(n, ids.length)) out.add(ids[Math.floor(random() * ids.length)] ?? '');
    return { ...full, facts: Object.fromEntries(Object.entries(full.facts ?? {}).filter(([id]) => !out.has(id))) };
  });
  const drawn = (['recognised', 'not_recognised', 'undetermined'] as const).flatMap((aim) =>
    fc
      .sample(assessmentArbitrary(ruleset, { aim, unknownRate: 0.05 }), { seed, numRuns: 3 })
      .map((a): Assessment => ({ ...a, area }))
      // The arbitraries may draw more decimals than a `number` fact declares (input_decimals);
      // such a draw is a 422 here, which other tests cover: keep the valid ones.
      .filter((a) => ruleset.validateAssessment(a).value !== undefined),
  );
  return [full, ...thinned, ...drawn];
}

beforeAll(async () => {
  for (const [i, s] of SCHEMES.entries()) {
    const loaded = await loadRulesetFile(join(ROOT, s.rules));
    if (!loaded.value) throw new Error(`${s.rules} does not load`);
    const base = await readAssessmentFile(join(ROOT, s.base), loaded.value);
    if (!base.value) throw new Error(`${s.base} does not read`);
    schemes.push({ ruleset: loaded.value, assessments: assessmentsOf(loaded.value, base.value, 1000 + i) });
  }
  server = await start({ rules: SCHEMES.map((s) => join(ROOT, s.rules)) });
  check = componentValidator((await call(server.url, 'GET', '/v1/openapi.json')).body);
});

afterAll(async () => {
  await server?.close();
});

const post = (path: string, json: unknown) => call(server.url, 'POST', path, { json });
const choose = (ruleset: CompiledRuleset) => ({ ruleset: ruleset.id, version: ruleset.version });

describe('real answers for every bundled scheme match the served OpenAPI schemas', () => {
  it('GET /v1/rulesets/{id}: levels (with labels) and derived quantities are described', async () => {
    for (const { ruleset } of schemes) {
      const path = `/v1/rulesets/${ruleset.id}?version=${encodeURIComponent(ruleset.version)}`;
      const answer = await call(server.url, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(check('RulesetDetail', answer.body), path).toEqual([]);
      expect(answer.body.levels.map((l: { id: string }) => l.id)).toEqual((ruleset.levels ?? []).map((l) => l.id));
      expect(answer.body.derived.map((d: { id: string }) => d.id)).toEqual(ruleset.derived.map((d) => d.id));
      expect(JSON.stringify(answer.body.derived)).not.toContain(ruleset.file); // no server path leaks
    }
  });

  it('POST /v1/evaluate, /v1/decide, /v1/explain and /v1/evaluate/batch, assessment by assessment', async () => {
    for (const { ruleset, assessments } of schemes) {
      const results = [];
      for (const [i, assessment] of assessments.entries()) {
        const where = `${ruleset.id} #${i}`;
        const evaluated = await post('/v1/evaluate', { ...choose(ruleset), assessment });
        expect(evaluated.status, `${where}: ${evaluated.text.slice(0, 400)}`).toBe(200);
        expect(check('EvaluationResult', evaluated.body), where).toEqual([]);
        results.push(evaluated.body);

        const decided = await post('/v1/decide', { ...choose(ruleset), assessment });
        expect(decided.status, where).toBe(200);
        expect(check('DecisionSummary', decided.body), where).toEqual([]);
        // The fast path and the traced one agree, level included.
        expect(decided.body.decision, where).toBe(evaluated.body.decision);
        expect(decided.body.level, where).toEqual(
          evaluated.body.level && { reached: evaluated.body.level.reached, possible: evaluated.body.level.possible },
        );

        const explained = await post('/v1/explain', { ...choose(ruleset), assessment, lang: 'en' });
        expect(explained.status, where).toBe(200);
        expect(check('Explanation', explained.body), where).toEqual([]);
        expect(explained.body.derived, where).toEqual(
          [...ruleset.derivedValues(assessment)].map(([id, value]) => ({ id, value })),
        );
      }
      const batch = await post('/v1/evaluate/batch', { ...choose(ruleset), assessments });
      expect(batch.status).toBe(200);
      expect(check('BatchResults', batch.body)).toEqual([]);
      expect(batch.body.results).toEqual(results);
    }
  });

  it('what was checked holds levels reached and only possible, points, totals and derived values', async () => {
    const seen = { reached: 0, open: 0, points: 0, groupPoints: 0, derived: 0, withoutLevel: 0 };
    for (const { ruleset, assessments } of schemes) {
      for (const assessment of assessments) {
        const { status, body, text } = await post('/v1/explain', { ...choose(ruleset), assessment });
        expect(status, text.slice(0, 400)).toBe(200);
        const level = body.result.level;
        if (level === undefined) seen.withoutLevel += 1;
        else if (level.reached !== null) seen.reached += 1;
        if (level && level.reached !== level.possible) seen.open += 1;
        if (body.result.points_total) seen.points += 1;
        if (body.result.standards.some((g: { points?: unknown }) => g.points !== undefined)) seen.groupPoints += 1;
        if (body.derived.length > 0) seen.derived += 1;
      }
    }
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it('the schemas do refuse a wrong answer (the checks above could fail)', async () => {
    const [, ntm] = schemes;
    if (!ntm) throw new Error('no tiered scheme');
    const decided = await post('/v1/decide', { ...choose(ntm.ruleset), assessment: ntm.assessments[0] });
    expect(decided.body.level.reached).not.toBeNull();
    expect(check('DecisionSummary', { ...decided.body, level: { reached: 3, possible: null } })).not.toEqual([]);
    const { body } = await post('/v1/explain', { ...choose(ntm.ruleset), assessment: ntm.assessments[0] });
    expect(body.derived.length).toBeGreaterThan(0);
    expect(check('Explanation', { ...body, derived: [{ id: 'x', value: 57.2 }] })).not.toEqual([]);
    expect(check('EvaluationResult', { ...body.result, level: { ...body.result.level, possible: 1 } })).not.toEqual([]);
  });
});

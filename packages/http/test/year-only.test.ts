/**
 * An assessment that gives its year and not its date, over HTTP: `area.year` is taken (the year
 * and the tables keyed by it known, what needs the day only where the whole year agrees), picks
 * the one version in force that year, and is refused, located at `/…/area/year` in both
 * languages, when two versions share the year or when it is not the year of the date beside it.
 */
import { readFile } from 'node:fs/promises';
import { loadRulesetOrThrow } from '@lcz/criteria-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { fileURLToPath } from 'node:url';
import { call } from './helpers.js';

const FILE = fileURLToPath(new URL('../../criteria-engine/test/fixtures/year-only/ruleset.yaml', import.meta.url));

let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  const text = await readFile(FILE, 'utf8');
  // Two versions: one ends on 30 June 2025, the next starts on 1 July, so 2025 belongs to both.
  const version = (v: string, from: string, to: string) =>
    loadRulesetOrThrow(
      text
        .replace(/^version: .*$/m, `version: "${v}"`)
        .replace(/^effective: .*$/m, `effective: { from: "${from}", to: "${to}" }`),
      { file: `${v}.yaml` },
    );
  const app = await createServer({
    rules: [version('a', '2024-01-01', '2025-06-30'), version('b', '2025-07-01', '2026-12-31')],
    logger: false,
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
});
afterAll(async () => {
  await close();
});

const assessment = (area: Record<string, unknown>) => ({
  area: { code: 'X', ...area },
  context: { region: 'north' },
  facts: { income: 60, trees: 11, drills: 2, reported: true },
});

describe('a year without a date over HTTP', () => {
  it('is evaluated with the version in force that year, the year deciding what it can', async () => {
    const answer = await call(url, 'POST', '/v1/evaluate', { json: { assessment: assessment({ year: 2024 }) } });
    expect(answer.status).toBe(200);
    expect(answer.body.ruleset.version).toBe('a');
    expect(answer.body.area).toEqual({ code: 'X', year: 2024 });
    expect(answer.body.decision).toBe('recognised');
    const later = await call(url, 'POST', '/v1/decide', { json: { assessment: assessment({ year: 2026 }) } });
    expect(later.status).toBe(200);
    expect(later.body.ruleset.version).toBe('b');
  });

  it('a year two versions share: refused at the year, never a version guessed', async () => {
    const answer = await call(url, 'POST', '/v1/evaluate', { json: { assessment: assessment({ year: 2025 }) } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toMatchObject([{ pointer: '/assessment/area/year', code: 'version_year_ambiguous' }]);
    expect(answer.body.errors[0].message_en).toContain('gives the year 2025 and no date');
    expect(answer.body.errors[0].message_vi).toContain('chỉ ghi năm 2025');
    // Named, the version judges it: the year is what the clerk gave, the day stays unknown.
    const named = await call(url, 'POST', '/v1/evaluate', {
      json: { version: 'a', assessment: assessment({ year: 2025 }) },
    });
    expect(named.status).toBe(200);
    expect(named.body.decision).toBe('undetermined');
    expect(named.body.missing).toEqual(['date']);
  });

  it('a year that is not the date’s: the input error at the year', async () => {
    const answer = await call(url, 'POST', '/v1/evaluate', {
      json: { assessment: assessment({ year: 2024, date: '2024-03-01' }) },
    });
    expect(answer.status).toBe(200);
    const wrong = await call(url, 'POST', '/v1/evaluate', {
      json: { assessment: assessment({ year: 2024, date: '2026-03-01' }) },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toMatchObject([{ pointer: '/assessment/area/year', code: 'input_year_mismatch' }]);
  });
});

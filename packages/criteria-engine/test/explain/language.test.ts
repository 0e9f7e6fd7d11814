/**
 * From JavaScript nothing checks `lang`: every function that takes one refuses an unknown
 * language with an error that names the supported ones, instead of a TypeError from inside a
 * message catalogue ("Cannot read properties of undefined (reading 'report_heading')").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCoverage, formatTestRun } from '../../src/conformance/index.js';
import { formatDiagnostic, formatDiagnostics, renderMessage } from '../../src/diagnostics/format.js';
import { diffRulesets, renderDiff } from '../../src/explain/diff/index.js';
import { explainGap, explainText, gapAnalysis } from '../../src/explain/index.js';
import { officialTable } from '../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { recognised, ruleset } from './fixture.js';

const SUPPORTED = /unsupported language "fr"; the supported languages are "vi" \(Vietnamese\) and "en" \(English\)/;
const fr = 'fr' as never;
const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const real = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });
const evaluated = real.evaluate({ context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true }, facts: {} });

describe('an unknown language', () => {
  const cases: [string, () => unknown][] = [
    ['explainText', () => explainText(recognised, ruleset, { lang: fr })],
    ['explainGap', () => explainGap(gapAnalysis(evaluated, real), real, { lang: fr })],
    ['officialTable', () => officialTable(ruleset as never, { lang: fr })],
    [
      'renderMessage',
      () => renderMessage({ code: 'yaml_syntax', severity: 'error', file: 'f', line: 1, column: 1, params: {} }, fr),
    ],
    [
      'formatDiagnostic',
      () => formatDiagnostic({ code: 'yaml_syntax', severity: 'error', file: 'f', line: 1, column: 1, params: {} }, fr),
    ],
    ['formatDiagnostics', () => formatDiagnostics([], fr)],
    ['formatTestRun', () => formatTestRun({} as never, fr)],
    ['formatCoverage', () => formatCoverage({} as never, fr)],
  ];
  it.each(cases)('%s: a RangeError naming vi and en, in Vietnamese and English', (name, run) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(SUPPORTED);
    expect(run).toThrow(`${name}: ngôn ngữ "fr" không được hỗ trợ; dùng "vi" (tiếng Việt) hoặc "en" (tiếng Anh).`);
  });

  it('renderDiff too', () => {
    expect(() => renderDiff(diffRulesets(real, real), { before: real, after: real }, { lang: fr })).toThrow(SUPPORTED);
  });

  it('vi and en still work', () => {
    expect(explainText(recognised, ruleset, { lang: 'en' })).toContain('RECOGNISED');
    expect(explainText(recognised, ruleset, { lang: 'vi' })).toContain('ĐƯỢC CÔNG NHẬN');
  });
});

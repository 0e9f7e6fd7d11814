/**
 * The assessment's date, read like a fact by a dated table (test/fixtures/thon-van-hoa), is named
 * in the report's words ("Ngày đánh giá", "Assessment date"), not by the bare name `date`, in the
 * facts a criterion read and in the facts still needed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain.js';
import { loadRulesetFile } from '../../src/node.js';
import { readAssessment } from '../../src/read-assessment.js';

const DIR = fileURLToPath(new URL('../fixtures/thon-van-hoa', import.meta.url));
const loaded = (await loadRulesetFile(DIR)).value;
if (!loaded) throw new Error('the fixture did not load');
const rules = loaded;

function report(base: string, lang: 'vi' | 'en'): string {
  const file = `${DIR}/tests/bases/${base}`;
  const read = readAssessment(readFileSync(file, 'utf8'), file, rules);
  if (!read.value) throw new Error(`${base} did not read`);
  return explainText(rules.evaluate(read.value), rules, { lang });
}

describe('the date in a report', () => {
  it('is named in the facts a criterion read', () => {
    expect(report('thon-tieu-bieu.yaml', 'vi')).toContain('· Ngày đánh giá: 2025-03-10');
    expect(report('thon-tieu-bieu.yaml', 'en')).toContain('· Assessment date: 2025-03-10');
    expect(report('thon-tieu-bieu.yaml', 'en')).not.toContain('· date:');
  });

  it('is named among the facts still needed', () => {
    expect(report('to-dan-pho-no-date.yaml', 'en')).toContain('  - Assessment date — date');
    expect(report('to-dan-pho-no-date.yaml', 'vi')).toContain('  - Ngày đánh giá — date');
  });
});

/**
 * A criterion that does not apply needs no data, so the report lists only the facts that were
 * given (those that made it not apply) and never calls an unread one "no data" under it. An
 * applicable criterion still says "no data" for a missing fact. Checked on the bundled Lai Châu
 * rules: 2.1 for a tổ dân phố without traditional products, 2.3 for a non-agricultural bản.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { readAssessment } from '../../src/read-assessment.js';

const DIR = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/', import.meta.url));
const rules = loadRulesetOrThrow(readFileSync(`${DIR}ruleset.yaml`, 'utf8'), { file: 'lai-chau.yaml' });

function report(base: string, edit: (text: string) => string, lang: 'vi' | 'en'): string {
  const text = edit(readFileSync(`${DIR}tests/bases/${base}`, 'utf8'));
  const read = readAssessment(text, base, rules);
  if (read.value === undefined) throw new Error('unreadable assessment');
  return explainText(rules.evaluate(read.value), rules, { lang });
}

/** The lines under the criterion `id`, up to the next criterion. */
function block(text: string, id: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^  \\S ${id.replace('.', '\\.')}  `).test(l));
  if (start < 0) throw new Error(`no criterion ${id} in:\n${text}`);
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const noProducts = (t: string) =>
  t
    .replace('has_traditional_products: true', 'has_traditional_products: false')
    .replace(
      'traditional_products_competitiveness_improved: true',
      'traditional_products_competitiveness_improved: null',
    );

describe('a not-applicable criterion lists no facts as missing', () => {
  it('2.1, a tổ dân phố without traditional products: the "no" is shown, the unread fact is not', () => {
    const vi = block(report('to-dan-pho-dat-chuan.yaml', noProducts, 'vi'), '2.1');
    expect(vi).toContain('[không áp dụng]');
    expect(vi).toContain('· Địa phương có sản phẩm CN – TTCN truyền thống: không');
    expect(vi).not.toContain('chưa có số liệu');
    const en = block(report('to-dan-pho-dat-chuan.yaml', noProducts, 'en'), '2.1');
    expect(en).toContain('[not applicable]');
    expect(en).not.toContain('no data');
  });

  it('2.3, a non-agricultural bản: no variant applies, and its unread counts are not "no data"', () => {
    const text = report(
      'ban-nong-nghiep-dat-chuan.yaml',
      (t) =>
        t
          .replace('agricultural: true', 'agricultural: false')
          .replace('ocop_products: 1', 'ocop_products: null')
          .replace('value_chain_models: 0', 'value_chain_models: null'),
      'vi',
    );
    const b = block(text, '2.3');
    expect(b).toContain('[không áp dụng]');
    expect(b).toContain('· Bản sản xuất nông nghiệp: không');
    expect(b).not.toContain('chưa có số liệu');
  });

  it('an applicable criterion still says "no data" for a fact not given', () => {
    const text = report(
      'to-dan-pho-dat-chuan.yaml',
      (t) => t.replace('typical_economic_models: 1', 'typical_economic_models: null'),
      'vi',
    );
    expect(block(text, '2.2')).toContain('chưa có số liệu');
  });
});

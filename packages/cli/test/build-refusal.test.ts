/**
 * `lcz build`'s note when it writes no plan module: the reason comes from the engine as a code and
 * parameters and is worded from the catalogues, so the Vietnamese note has no English in it and
 * every reason code (and every part of the plan one names) has a text in both languages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATE_REFUSAL_CODES, GENERATE_REFUSAL_CONSTRUCTS, GENERATE_REFUSAL_PARTS } from '@lcz/criteria-engine';
import { describe, expect, it } from 'vitest';
import { constructKey, partKey, reasonKey, refusalReason } from '../src/commands/build-refusal.js';
import { en } from '../src/messages/en.js';
import { vi } from '../src/messages/vi.js';
import { lcz } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** Words of the engine's English reasons and of en.ts's: none may show in a Vietnamese note. */
const ENGLISH =
  /\b(the|has|have|uses|which|keeps?|its|closures?|construct|criterion|points?|rule|generated|code|leaves|condition|part|plan|not|of)\b/i;

/** The reason inside `note: … (reason); …` / `lưu ý: … (reason); …`. */
function reasonIn(stdout: string, prefix: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`no line starting ${prefix} in:\n${stdout}`);
  const reason = /\((.*)\); /.exec(line)?.[1];
  if (!reason) throw new Error(`no reason in: ${line}`);
  return reason;
}

describe('lcz build: why there is no plan module, in the note’s language', () => {
  const cases = [
    {
      rules: 'rules/green-building-illustrative',
      vi: 'tiêu chí LTc2 có quy tắc tính điểm',
      en: 'criterion LTc2 has a points rule',
    },
    {
      rules: 'rules/ntm-commune-2021-2025',
      vi: 'điều kiện của tiêu chí 2 dùng hàm percent(…)',
      en: 'the condition of criterion 2 uses the function percent(…)',
    },
    {
      // A table compared with a derived quantity: which table, by what, and where it is written.
      rules: 'packages/criteria-engine/test/fixtures/thon-van-hoa',
      vi: 'điều kiện của tiêu chí KT2 dùng bảng tham số income_min (theo unit_kind) được so sánh với một giá trị mà mã sinh ra chưa viết được',
      en: 'the condition of criterion KT2 uses the parameter table income_min (by unit_kind) compared with a value the generated code does not write',
      at: /thon-van-hoa\/ruleset\.yaml:216:20$/,
    },
  ];
  for (const c of cases)
    it(`${c.rules}: Vietnamese with --lang vi, English with --lang en`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lcz-build-refusal-'));
      const out = join(dir, 'r.compiled.json');
      const viRun = await lcz(['build', join(REPO, c.rules), '--out', out, '--lang', 'vi']);
      expect(viRun.code).toBe(0);
      const viReason = reasonIn(viRun.stdout, 'lưu ý: không có mô-đun kế hoạch');
      expect(viReason).toContain(c.vi);
      expect(viReason).not.toMatch(ENGLISH);
      const enRun = await lcz(['build', join(REPO, c.rules), '--out', out, '--lang', 'en']);
      expect(enRun.code).toBe(0);
      const enReason = reasonIn(enRun.stdout, 'note: no plan module');
      expect(enReason).toContain(c.en);
      if ('at' in c) {
        expect(viReason).toMatch(new RegExp(`, tại \\S*${c.at.source}`));
        expect(enReason).toMatch(new RegExp(`, at \\S*${c.at.source}`));
      }
    }, 120_000);
});

describe('refusal reasons in the catalogues', () => {
  it('every reason code, part and construct has a Vietnamese and an English text, not the same', () => {
    const keys = [
      ...GENERATE_REFUSAL_CODES.map(reasonKey),
      ...GENERATE_REFUSAL_PARTS.map(partKey),
      ...GENERATE_REFUSAL_CONSTRUCTS.map(constructKey),
    ];
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(vi[key], key).toBeTruthy();
      expect(vi[key], key).not.toBe(en[key]);
      expect(vi[key].replace(/\{\w+\}/g, ''), key).not.toMatch(ENGLISH);
    }
  });

  it('fills the part and its ids as data, in each language', () => {
    const reason = {
      code: 'construct',
      params: { part: 'variant_when', id: 'X1', variant: 'v2', construct: 'arithmetic' },
    } as const;
    expect(refusalReason('en', reason)).toBe(
      'the when: of variant v2 of criterion X1 uses arithmetic, which the generated code leaves to its compiled closure',
    );
    expect(refusalReason('vi', reason)).toBe(
      'phần when: của phương án v2 thuộc tiêu chí X1 dùng phép tính số học; mã sinh ra chưa viết được phần này nên vẫn dùng hàm đóng đã biên dịch',
    );
    // A table dated only (no `by:` keys): no empty "(by )" (found writing co-quan-van-hoa from the docs).
    const dated = {
      code: 'construct',
      params: { part: 'criterion', id: '3.2', construct: 'parameter_table', parameter: 'saving_min', by: '' },
    } as const;
    expect(refusalReason('en', dated)).toContain('the parameter table saving_min (by date only) compared with');
    expect(refusalReason('vi', dated)).toContain('bảng tham số saving_min (chỉ theo ngày) được so sánh');
    expect(refusalReason('vi', { code: 'no_tree', params: { part: 'context_require', rule: 3 } })).toBe(
      'phần require: của quy tắc bối cảnh thứ 3 không có cây biểu thức đã kiểm tra',
    );
  });
});

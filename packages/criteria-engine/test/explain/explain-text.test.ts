import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { shorten, wrap } from '../../src/explain/text-tools.js';
import { notRecognised, recognised, ruleset, undetermined } from './fixture.js';

const ESC = '\u001b[';

/** The report line that starts (after indentation) with `start`. */
function lineStarting(report: string, start: string): string {
  const line = report.split('\n').find((l) => l.trimStart().startsWith(start));
  if (line === undefined) throw new Error(`no line starts with ${JSON.stringify(start)} in:\n${report}`);
  return line;
}

describe('explainText (Vietnamese, the default)', () => {
  it('prints the header: area, unit, date, ruleset id, version and short hash', () => {
    const text = explainText(recognised, ruleset);
    expect(text).toContain('Đối tượng được đánh giá: Tổ dân phố số 1 (Mã: TP-01)');
    expect(text).toContain('Đơn vị tổng hợp kết quả: Phường Tân Phong');
    expect(text).toContain('Ngày đánh giá: 2024-10-10');
    expect(text).toContain('test-rules, phiên bản 2020-2025 (sha256:abababababab…)');
    expect(text).toContain('Loại khu dân cư: Tổ dân phố');
  });

  it('states each decision in words', () => {
    expect(explainText(recognised, ruleset)).toContain('ĐƯỢC CÔNG NHẬN');
    expect(explainText(recognised, ruleset)).not.toContain('KHÔNG ĐƯỢC CÔNG NHẬN');
    expect(explainText(notRecognised, ruleset)).toContain('KHÔNG ĐƯỢC CÔNG NHẬN');
    expect(explainText(undetermined, ruleset)).toContain('CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN');
  });

  it('explains a recognition with no reasons', () => {
    expect(explainText(recognised, ruleset)).toContain('Tất cả các tiêu chuẩn đạt yêu cầu');
  });

  it('renders every reason with the criterion or disqualifier text', () => {
    const text = explainText(notRecognised, ruleset);
    expect(text).toContain('Thuộc trường hợp không đảm bảo D1: Có tụ điểm ma tuý, mại dâm');
    expect(text).toContain('Không đạt tiêu chí bắt buộc 2.1: Thực hiện tốt các nội dung tự quản');
    expect(text).toContain('Tiêu chuẩn 1: Hệ thống chính trị: đạt 2/3 tiêu chí, cần 3');
    const undecided = explainText(undetermined, ruleset);
    expect(undecided).toContain('    - Chưa đủ số liệu để kết luận về:\n');
    expect(undecided).toContain('        · tiêu chí 1.2: 98% trở lên các hộ gia đình');
    expect(undecided).toContain('        · trường hợp không đảm bảo D1: Có tụ điểm ma tuý, mại dâm');
  });

  it('summarises each standard: passed/applicable, required, percent and status', () => {
    const text = explainText(notRecognised, ruleset);
    expect(text).toContain('đạt 2/3 = 66% (cần 3) → KHÔNG ĐẠT');
    expect(text).toContain('đạt 0/1 = 0% (cần 1); 1 không tính → KHÔNG ĐẠT');
    expect(explainText(recognised, ruleset)).toContain('đạt 3/3 = 100% (cần 3) → ĐẠT');
    expect(explainText(undetermined, ruleset)).toContain('đạt 2/3 = 66% (cần 3); 1 chưa rõ → CHƯA RÕ');
  });

  it('marks each criterion with its status', () => {
    const text = explainText(undetermined, ruleset);
    expect(lineStarting(text, '✓ 1.1')).toContain('[đạt]');
    expect(lineStarting(text, '? 1.2')).toContain('[chưa rõ]');
    expect(lineStarting(text, '– 2.2')).toContain('[không áp dụng]');
    expect(lineStarting(text, '✓ 2.1')).toContain('[đạt, bắt buộc]');
    expect(text).toContain('Không có phương án nào áp dụng cho đối tượng được đánh giá này.');
    expect(lineStarting(explainText(notRecognised, ruleset), '✗ 1.2')).toContain('[không đạt]');
  });

  it('lists the facts read, with labels, value labels, units, yes/no and no data', () => {
    const text = explainText(undetermined, ruleset);
    expect(text).toContain('· Số mô hình điển hình: 1 mô hình');
    expect(text).toContain('· Số hộ chấp hành: chưa có số liệu');
    expect(text).toContain('· Tổng số hộ: 80 hộ');
    expect(text).toContain('· Xếp loại chi bộ: Hoàn thành tốt nhiệm vụ');
    expect(text).toContain('· Thực hiện tốt nội dung tự quản: có');
    expect(explainText(recognised, ruleset)).toContain('· Có tụ điểm ma tuý: không');
  });

  it('names the variant used by its label', () => {
    expect(explainText(recognised, ruleset)).toContain('Phương án: Đối với tổ dân phố (to_dan_pho)');
  });

  it('shortens long criterion texts unless full is set', () => {
    const short = explainText(recognised, ruleset);
    const line = lineStarting(short, '✓ 1.2');
    expect(line).toContain('…');
    expect(short).not.toContain('các quy định của địa phương');
    expect(short).not.toContain('Ghi chú của người soạn quy tắc.');
    const full = explainText(recognised, ruleset, { full: true });
    expect(full.replace(/\s+/g, ' ')).toContain('pháp luật của Nhà nước và các quy định của địa phương');
    expect(full).toContain('Ghi chú: Ghi chú của người soạn quy tắc.');
    for (const l of full.split('\n')) expect(Array.from(l).length).toBeLessThanOrEqual(110);
  });

  it('lists disqualifiers, mandatory criteria and the facts still needed', () => {
    const text = explainText(undetermined, ruleset);
    expect(text).toContain('CÁC TRƯỜNG HỢP KHÔNG ĐẢM BẢO');
    expect(lineStarting(text, '? D1')).toContain('[chưa rõ]');
    expect(lineStarting(explainText(notRecognised, ruleset), '✗ D1')).toContain('[thuộc trường hợp này]');
    expect(lineStarting(explainText(recognised, ruleset), '✓ D1')).toContain('[không thuộc]');
    expect(text).toContain('TIÊU CHÍ BẮT BUỘC');
    expect(text).toContain('SỐ LIỆU CÒN THIẾU');
    expect(text).toContain('- Số hộ chấp hành (hộ) — households_ok');
    expect(text).toContain('- Có tụ điểm ma tuý — drug_spot');
    expect(explainText(recognised, ruleset)).toContain('Không: đã có đủ số liệu cần cho kết luận.');
  });

  it('has no colour unless asked, and colour when asked', () => {
    expect(explainText(notRecognised, ruleset)).not.toContain(ESC);
    const coloured = explainText(notRecognised, ruleset, { color: true });
    expect(coloured).toContain(`${ESC}31m`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts the colour codes this strips
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(explainText(notRecognised, ruleset));
  });

  it('names a standard in an unknown reason by its title', () => {
    const text = explainText({ ...undetermined, reasons: [{ kind: 'unknown', ids: ['1', 'zz'] }] }, ruleset);
    expect(text).toContain('        · Tiêu chuẩn 1: Hệ thống chính trị\n        · zz');
  });

  it('falls back to ids for criteria and facts the ruleset does not know', () => {
    const [firstCriterion] = recognised.criteria;
    assert(firstCriterion);
    const odd = {
      ...recognised,
      criteria: [...recognised.criteria, { ...firstCriterion, id: '9.9', facts: [{ id: 'mystery', value: 3 }] }],
      missing: ['mystery'],
    };
    const text = explainText(odd, ruleset);
    expect(lineStarting(text, '✓ 9.9')).toContain('[đạt]');
    expect(text).toContain('· mystery: 3');
    expect(text).toContain('  - mystery');
  });
});

describe('explainText (English)', () => {
  it('states each decision in words', () => {
    expect(explainText(recognised, ruleset, { lang: 'en' })).toContain('DECISION\n  RECOGNISED');
    expect(explainText(notRecognised, ruleset, { lang: 'en' })).toContain('NOT RECOGNISED');
    expect(explainText(undetermined, ruleset, { lang: 'en' })).toContain('UNDETERMINED');
  });

  it('renders reasons, counts, statuses and facts in English', () => {
    const text = explainText(notRecognised, ruleset, { lang: 'en' });
    expect(text).toContain('Falls under disqualifying case D1: A drug or prostitution spot');
    expect(text).toContain('Mandatory criterion 2.1 is not passed: Performs the self-management contents well');
    expect(text).toContain('Standard 1: Political system: 2 of 3 criteria passed, 3 required');
    expect(text).toContain('2/3 passed = 66% (required 3) → NOT MET');
    expect(lineStarting(text, '✗ 1.2')).toContain('[fail]');
    expect(lineStarting(text, '– 2.2')).toContain('[not applicable]');
    expect(text).toContain('· Total households: 1,200 households');
    expect(text).toContain('· A drug spot exists: yes');
    // Past the header (area names stay as written), nothing is in Vietnamese.
    expect(text.slice(text.indexOf('DECISION'))).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
  });

  it('says no data and lists facts still needed', () => {
    const text = explainText(undetermined, ruleset, { lang: 'en' });
    expect(text).toContain('· Law-abiding households: no data');
    expect(text).toContain('FACTS STILL NEEDED');
    expect(text).toContain('- Law-abiding households (households) — households_ok');
    expect(text).toContain('Not enough data yet to decide on:\n        · criterion 1.2: 98% or more of households');
    expect(text).toContain('        · disqualifying case D1: A drug or prostitution spot');
  });
});

describe('text tools', () => {
  it('shorten keeps short texts and cuts long ones at a word with …', () => {
    expect(shorten('  a\n  b ', 10)).toBe('a b');
    const s = shorten('mot hai ba bon nam sau bay tam chin muoi', 20);
    expect(Array.from(s).length).toBeLessThanOrEqual(20);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toBe('mot hai ba bon nam…');
  });

  it('wrap respects widths', () => {
    expect(wrap('aa bb cc dd', 5, 8)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('', 5, 5)).toEqual(['']);
  });
});

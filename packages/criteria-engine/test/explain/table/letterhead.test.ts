/**
 * The letterhead of printed documents (Nghị định 30/2020/NĐ-CP): dates written the decree's way,
 * `{unit}` filled in (in capitals inside capitals), dots when there is nothing to fill in, and
 * nothing printed that the data does not give.
 */
import { describe, expect, it } from 'vitest';
import { letterhead, placeDateLine, shortDate, writtenDate } from '../../../src/explain/table/letterhead.js';

describe('dates in the Vietnamese form', () => {
  it('a zero before days under 10 and before months 1 and 2 only', () => {
    expect(writtenDate('2024-01-05', 'vi')).toBe('ngày 05 tháng 01 năm 2024');
    expect(writtenDate('2024-02-28', 'vi')).toBe('ngày 28 tháng 02 năm 2024');
    expect(writtenDate('2024-03-09', 'vi')).toBe('ngày 09 tháng 3 năm 2024');
    expect(writtenDate('2024-12-31', 'vi')).toBe('ngày 31 tháng 12 năm 2024');
    expect(writtenDate('2024-10-10', 'en')).toBe('10 October 2024');
    expect(shortDate('2020-01-01')).toBe('01/01/2020');
  });

  it('the place-and-date line, with dots when there is no date', () => {
    expect(placeDateLine('Hà Giang', '2025-04-07', 'vi')).toBe('Hà Giang, ngày 07 tháng 4 năm 2025');
    expect(placeDateLine('Hà Giang', undefined, 'vi')).toBe('Hà Giang, ngày …… tháng …… năm ……');
  });
});

describe('letterhead()', () => {
  const doc = {
    issuing_body: { vi: 'ỦY BAN NHÂN DÂN {unit}', en: "PEOPLE'S COMMITTEE OF {unit}" },
    place: { vi: 'Sơn La', en: 'Son La' },
    signers: [
      { title: { vi: 'Người lập biểu của {unit}', en: 'Prepared for {unit}' } },
      {
        title: { vi: 'TM. ỦY BAN NHÂN DÂN {unit}', en: 'FOR THE COMMITTEE OF {unit}' },
        position: { vi: 'CHỦ TỊCH', en: 'CHAIR' },
      },
    ],
  };

  it('fills in the unit, in capitals where the text is in capitals, and the date', () => {
    const l = letterhead(doc, 'vi', { unit: 'Xã Chiềng Cơi', date: '2025-02-03' });
    expect(l).toEqual({
      issuingBody: 'ỦY BAN NHÂN DÂN XÃ CHIỀNG CƠI',
      placeDate: 'Sơn La, ngày 03 tháng 02 năm 2025',
      signers: [
        { title: 'Người lập biểu của Xã Chiềng Cơi' },
        { title: 'TM. ỦY BAN NHÂN DÂN XÃ CHIỀNG CƠI', position: 'CHỦ TỊCH' },
      ],
    });
  });

  it('leaves dots for what is not known, and prints nothing the data does not give', () => {
    const l = letterhead(doc, 'en');
    expect(l?.issuingBody).toBe("PEOPLE'S COMMITTEE OF ……………………");
    expect(l?.nationalName).toBeUndefined();
    expect(l?.motto).toBeUndefined();
    expect(letterhead(undefined, 'vi')).toBeNull();
  });
});

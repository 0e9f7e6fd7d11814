/**
 * The words of a coverage report, per locale (the same keys in both). Ids, variant ids and fact
 * names stay as written in the rule file.
 */
import type { Locale } from '../diagnostics/format.js';
import type { DayPoint, OutcomeColumn, ThresholdPoint } from './coverage.js';

export interface CoverageWords {
  readonly title: string;
  readonly cases: string;
  readonly criteria: string;
  readonly disqualifiers: string;
  readonly thresholds: string;
  readonly levels: string;
  readonly dates: string;
  readonly columns: Readonly<Record<OutcomeColumn | ThresholdPoint | DayPoint, string>>;
  readonly total: string;
  readonly complete: string;
  readonly missing: string;
  readonly legend: string;
  /** What a case must do to fill a gap, per column. */
  readonly gap: Readonly<Record<OutcomeColumn | ThresholdPoint | DayPoint, string>>;
}

export const COVERAGE_WORDS: Readonly<Record<Locale, CoverageWords>> = {
  vi: {
    title: 'ĐỘ PHỦ CỦA CÁC CA KIỂM THỬ',
    cases: 'ca đã chạy',
    criteria: 'Tiêu chí',
    disqualifiers: 'Trường hợp không đảm bảo',
    thresholds: 'Ngưỡng',
    levels: 'Mức',
    dates: 'Ngày',
    columns: {
      pass: 'đạt',
      fail: 'không đạt',
      unknown: 'chưa rõ',
      not_applicable: 'không áp dụng',
      applies: 'xảy ra',
      clear: 'không xảy ra',
      at: 'đúng ngưỡng',
      beyond: 'ngay bên kia',
      empty: 'tổng bằng 0',
      reached: 'đạt đúng mức này',
      below: 'ngay dưới mức',
      day_before: 'ngày trước',
      day: 'đúng ngày',
      day_after: 'ngày sau',
    },
    total: 'Độ phủ',
    complete: 'đủ mọi trường hợp có thể xảy ra',
    missing: 'Còn thiếu ca kiểm thử cho',
    legend: '✓ có ca kiểm thử · ✗ chưa có · – không thể xảy ra',
    gap: {
      pass: 'chưa có ca nào làm tiêu chí đạt',
      fail: 'chưa có ca nào làm tiêu chí không đạt',
      unknown: 'chưa có ca nào thiếu số liệu của tiêu chí (chưa rõ)',
      not_applicable: 'chưa có ca nào mà tiêu chí không áp dụng',
      applies: 'chưa có ca nào thuộc trường hợp này',
      clear: 'chưa có ca nào không thuộc trường hợp này',
      at: 'chưa có ca nào có giá trị đúng bằng ngưỡng',
      beyond: 'chưa có ca nào có giá trị ngay bên kia ngưỡng (lệch một đơn vị; với equals: cả phía dưới và phía trên)',
      empty: 'chưa có ca nào có tổng bằng 0',
      reached: 'chưa có ca nào đạt đúng mức này (không cao hơn)',
      below: 'chưa có ca nào đạt đúng mức ngay dưới mức này (hoặc, với mức thấp nhất, không được công nhận)',
      day_before: 'chưa có ca nào có ngày đánh giá là ngày liền trước ngày này',
      day: 'chưa có ca nào có ngày đánh giá đúng ngày này',
      day_after: 'chưa có ca nào có ngày đánh giá là ngày liền sau ngày này',
    },
  },
  en: {
    title: 'TEST CASE COVERAGE',
    cases: 'cases run',
    criteria: 'Criterion',
    disqualifiers: 'Disqualifying case',
    thresholds: 'Threshold',
    levels: 'Level',
    dates: 'Date',
    columns: {
      pass: 'pass',
      fail: 'fail',
      unknown: 'unknown',
      not_applicable: 'n/a',
      applies: 'applies',
      clear: 'clear',
      at: 'at',
      beyond: 'just beyond',
      empty: 'empty whole',
      reached: 'reached exactly',
      below: 'just below',
      day_before: 'day before',
      day: 'the day',
      day_after: 'day after',
    },
    total: 'Coverage',
    complete: 'every outcome that can happen',
    missing: 'Test cases still missing for',
    legend: '✓ a case exercises it · ✗ none does · – cannot happen',
    gap: {
      pass: 'no case makes the criterion pass',
      fail: 'no case makes the criterion fail',
      unknown: 'no case leaves a fact of it unknown',
      not_applicable: 'no case makes the criterion not applicable',
      applies: 'no case falls under this disqualifying case',
      clear: 'no case stays clear of this disqualifying case',
      at: 'no case has the value exactly at the threshold',
      beyond: 'no case has the value just beyond the threshold (one unit across; for equals: both below and above)',
      empty: 'no case has an empty whole',
      reached: 'no case reaches exactly this level (and no higher)',
      below: 'no case stops at the level just below (or, for the lowest level, is not recognised)',
      day_before: 'no case is assessed on the day before',
      day: 'no case is assessed on the day itself',
      day_after: 'no case is assessed on the day after',
    },
  },
};

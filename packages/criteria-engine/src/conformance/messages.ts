/**
 * The words of a test report, per locale (the same keys in both; a test checks it). Statuses,
 * ids and fact names stay as written in the files, so a reader can search for them.
 */
import type { Locale } from '../diagnostics/format.js';

export interface TestReportWords {
  readonly expected: string;
  readonly actual: string;
  readonly only_expected: string;
  readonly only_actual: string;
  readonly not_run: string;
  readonly see_above: string;
  readonly file_not_run: string;
  readonly empty_list: string;
}

export const TEST_REPORT_WORDS: Readonly<Record<Locale, TestReportWords>> = {
  vi: {
    expected: 'mong đợi',
    actual: 'thực tế',
    only_expected: 'mong đợi nhưng không có trong kết quả',
    only_actual: 'có trong kết quả nhưng không mong đợi',
    not_run: 'không chạy được ca này:',
    see_above: 'đã nêu ở trên',
    file_not_run: 'tệp có lỗi nên không ca nào được chạy',
    empty_list: '[] (không thiếu gì)',
  },
  en: {
    expected: 'expected',
    actual: 'actual',
    only_expected: 'expected but not in the result',
    only_actual: 'in the result but not expected',
    not_run: 'this case could not run:',
    see_above: 'reported above',
    file_not_run: 'the file has errors, so none of its cases ran',
    empty_list: '[] (nothing missing)',
  },
};

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
  /** A case that failed only for a fact no layer gives: `{facts}`. */
  readonly lacking_case: string;
  /** Once per fact and file: `{fact}`, `{file}`, `{count}`. */
  readonly lacking_fact: string;
  readonly lacking_heading: string;
  readonly proposal_heading: string;
  readonly proposal_why: string;
  readonly proposal_none: string;
  readonly proposal_accept_hint: string;
  readonly reason_disqualified: string;
  readonly reason_mandatory_failed: string;
  readonly reason_group_not_met: string;
  readonly reason_total_not_met: string;
  readonly reason_requirement_count: string;
  readonly reason_requirement_points: string;
  readonly reason_unknown: string;
  /** `{id}`, `{passed}`, `{applicable}`, `{required}`. */
  readonly detail_group: string;
  readonly detail_failing: string;
  readonly detail_unknown: string;
  /** `{id}`, `{status}`, `{facts}`. */
  readonly detail_criterion: string;
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
    lacking_case: 'không đạt chỉ vì thiếu dữ kiện mà không lớp nào của ca cho: {facts} (xem cuối)',
    lacking_fact: '{file}: chưa có dữ kiện {fact}; {count} ca không đạt vì thiếu nó. Hãy thêm {fact} vào tệp này.',
    lacking_heading: 'Dữ kiện mà các tệp nền còn thiếu (mỗi dữ kiện sửa một lần, ở một tệp):',
    proposal_heading: 'Kết quả mới theo bộ quy tắc hiện tại, cạnh điều mong đợi cũ (xem xét rồi mới chấp nhận):',
    proposal_why: 'vì sao',
    proposal_none: 'Không có ca nào cần đổi điều mong đợi.',
    proposal_accept_hint:
      'Chấp nhận từng ca: lcz test {rules} --accept "<tên ca>"; tất cả sau khi đã xem: lcz test {rules} --accept-all',
    reason_disqualified: 'thuộc trường hợp loại trừ {id}',
    reason_mandatory_failed: 'tiêu chí bắt buộc {id} không đạt',
    reason_group_not_met: 'nhóm {id} không đạt',
    reason_total_not_met: 'tổng điểm chưa đủ',
    reason_requirement_count: 'chưa đủ {value} trong các tiêu chí {of} đạt',
    reason_requirement_points: 'các tiêu chí {of} chưa đủ {value} điểm',
    reason_unknown: 'còn thiếu dữ kiện để kết luận về: {ids}',
    detail_group: 'nhóm {id}: {passed}/{applicable} tiêu chí đạt, cần {required}',
    detail_failing: 'không đạt',
    detail_unknown: 'chưa rõ',
    detail_criterion: 'tiêu chí {id}: {status} ({facts})',
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
    lacking_case: 'fails only for facts that no layer of the case gives: {facts} (see the end)',
    lacking_fact: '{file}: has no {fact}; {count} failed cases lack it. Add {fact} to this file.',
    lacking_heading: 'Facts the base files lack (each is one fix, in one file):',
    proposal_heading: 'The outcome under the current rules, beside the old expectation (review before accepting):',
    proposal_why: 'why',
    proposal_none: 'No case needs a new expectation.',
    proposal_accept_hint:
      'Accept one case: lcz test {rules} --accept "<case name>"; all of them after review: lcz test {rules} --accept-all',
    reason_disqualified: 'disqualifier {id} applies',
    reason_mandatory_failed: 'mandatory criterion {id} fails',
    reason_group_not_met: 'group {id} is not met',
    reason_total_not_met: 'the total points fall short',
    reason_requirement_count: 'fewer than {value} of the criteria {of} pass',
    reason_requirement_points: 'the criteria {of} earn fewer than {value} {value|point|points}',
    reason_unknown: 'facts still missing to decide: {ids}',
    detail_group: 'group {id}: {passed}/{applicable} criteria passed, needs {required}',
    detail_failing: 'failing',
    detail_unknown: 'unknown',
    detail_criterion: 'criterion {id}: {status} ({facts})',
  },
};

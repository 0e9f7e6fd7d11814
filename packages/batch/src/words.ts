/**
 * The words of the summary table and the template, in Vietnamese and English. Nothing here names
 * a scheme: standards' names come from the rule file's group titles, and `{assessed}` and
 * `{Grouped_by}` from its `words:` (summaryHeaders).
 */
import { withWords, type CompiledRuleset, type Decision, type GroupInfo } from '@lcz/criteria-engine';

export type Lang = 'vi' | 'en';

export type SummaryDecision = Decision | 'invalid';

export const DECISION_WORDS: Readonly<Record<Lang, Readonly<Record<SummaryDecision, string>>>> = {
  vi: {
    recognised: 'Được công nhận',
    not_recognised: 'Không được công nhận',
    undetermined: 'Chưa đủ căn cứ để kết luận',
    invalid: 'Dữ liệu có lỗi',
  },
  en: {
    recognised: 'Recognised',
    not_recognised: 'Not recognised',
    undetermined: 'Undetermined',
    invalid: 'Invalid data',
  },
};

const SUMMARY_HEADERS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: {
    row: 'Dòng',
    code: 'Mã {assessed}',
    name: 'Tên {assessed}',
    unit: '{Grouped_by}',
    year: 'Năm',
    decision: 'Kết luận',
    failed: 'Tiêu chí không đạt',
    disqualifiers: 'Trường hợp không đảm bảo',
    missing: 'Dữ kiện còn thiếu',
    errors: 'Lỗi dữ liệu',
    passed_of: 'đạt/áp dụng',
  },
  en: {
    row: 'Row',
    code: '{Assessed} code',
    name: '{Assessed} name',
    unit: '{Grouped_by}',
    year: 'Year',
    decision: 'Decision',
    failed: 'Failed criteria',
    disqualifiers: 'Disqualifying cases that apply',
    missing: 'Missing facts',
    errors: 'Data errors',
    passed_of: 'passed/applicable',
  },
};

/** The summary's headers with the scheme's words put in. */
export function summaryHeaders(ruleset: CompiledRuleset, lang: Lang): Readonly<Record<string, string>> {
  return withWords(SUMMARY_HEADERS[lang], ruleset.words, lang);
}

/** "Tiêu chuẩn 1" from "Tiêu chuẩn 1: Củng cố, …"; the group id when the title has no short head. */
function groupShortName(group: GroupInfo, lang: Lang): string {
  const head = group.title[lang].split(':')[0]?.trim() ?? '';
  return head !== '' && head.length <= 24 ? head : group.id;
}

export function summaryGroupHeaders(ruleset: CompiledRuleset, lang: Lang): string[] {
  const unit = SUMMARY_HEADERS[lang]['passed_of'] ?? '';
  return ruleset.groups.map((g) => `${groupShortName(g, lang)} (${unit})`);
}

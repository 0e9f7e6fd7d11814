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
    level: 'Mức đạt chắc chắn',
    level_possible: 'Mức cao nhất có thể đạt',
    points: 'Tổng điểm',
    failed: 'Tiêu chí không đạt',
    disqualifiers: 'Trường hợp không đảm bảo',
    missing: 'Dữ kiện còn thiếu',
    errors: 'Lỗi dữ liệu',
    passed_of: 'đạt/áp dụng',
    passed_of_points: 'đạt/áp dụng · điểm',
  },
  en: {
    row: 'Row',
    code: '{Assessed} code',
    name: '{Assessed} name',
    unit: '{Grouped_by}',
    year: 'Year',
    decision: 'Decision',
    level: 'Level reached',
    level_possible: 'Highest level possible',
    points: 'Total points',
    failed: 'Failed criteria',
    disqualifiers: 'Disqualifying cases that apply',
    missing: 'Missing facts',
    errors: 'Data errors',
    passed_of: 'passed/applicable',
    passed_of_points: 'passed/applicable · points',
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

/**
 * Whether the scheme scores in points other than one per criterion (a criterion's or variant's
 * points, a step table, best_of): then the summary shows each row's total points. A scheme whose
 * criteria all count 1 (Lai Châu's, a tiered one) has no points column: its standards' passed
 * counts say the same.
 */
export function scoresPoints(ruleset: CompiledRuleset): boolean {
  return ruleset.criteria.some(
    (c) =>
      c.points !== 1 ||
      c.pointsRule !== undefined ||
      (c.variants ?? []).some((v) => (v.points !== undefined && v.points !== 1) || v.pointsRule !== undefined),
  );
}

/** A derived quantity's column header: its label, with its unit in brackets. */
export function derivedHeader(d: CompiledRuleset['derived'][number], lang: Lang): string {
  return d.unit !== undefined ? `${d.label[lang]} (${d.unit[lang]})` : d.label[lang];
}

/** A standard's column: "Tiêu chuẩn 1 (đạt/áp dụng)", with its points when the scheme scores them. */
export function summaryGroupHeaders(ruleset: CompiledRuleset, lang: Lang): string[] {
  const unit = SUMMARY_HEADERS[lang][scoresPoints(ruleset) ? 'passed_of_points' : 'passed_of'] ?? '';
  return ruleset.groups.map((g) => `${groupShortName(g, lang)} (${unit})`);
}

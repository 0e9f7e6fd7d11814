/**
 * Problems the report finds in its own inputs (the targets file, the `registered` column or
 * field, the same area counted twice): data with a code from a closed list, a location and
 * parameters, like the engine's diagnostics; text comes from messages/ at the edge.
 */
import { escapeInvisible, escapeParams } from '@lcz/criteria-engine';
import { checkLanguage } from '@lcz/criteria-engine/tools';
import { problemMessagesEn } from './messages/problems-en.js';
import { problemMessagesVi } from './messages/problems-vi.js';

export const REPORT_PROBLEM_CODES = [
  'targets_unreadable',
  'targets_yaml',
  'targets_missing_key',
  'targets_unknown_key',
  'targets_wrong_type',
  'targets_bad_value',
  'targets_out_of_range',
  'targets_bad_form',
  'targets_bad_pattern',
  'targets_ruleset_mismatch',
  'targets_unknown_fact',
  'targets_fact_type',
  'targets_period_order',
  'targets_duplicate_id',
  'report_registered_value',
  'report_registered_duplicate_column',
  'report_duplicate_area',
  'report_no_areas',
] as const;

export type ReportProblemCode = (typeof REPORT_PROBLEM_CODES)[number];
export type Lang = 'vi' | 'en';

export interface ReportProblem {
  readonly code: ReportProblemCode;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file. For spreadsheets: the row. */
  readonly line: number;
  /** 1-based; 0 when unknown. For spreadsheets: the column number. */
  readonly column: number;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ProblemParams = ReportProblem['params'];
export interface ProblemText {
  readonly message: string;
  readonly hint: string;
}
export type ProblemCatalog = Readonly<Record<ReportProblemCode, (p: ProblemParams) => ProblemText>>;

const CATALOGS: Readonly<Record<Lang, ProblemCatalog>> = { vi: problemMessagesVi, en: problemMessagesEn };
const SEVERITY: Readonly<Record<Lang, Readonly<Record<ReportProblem['severity'], string>>>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo' },
  en: { error: 'error', warning: 'warning' },
};

export function problem(
  code: ReportProblemCode,
  file: string,
  line: number,
  column: number,
  params: ProblemParams = {},
  severity: ReportProblem['severity'] = 'error',
): ReportProblem {
  return { code, severity, file, line, column, params };
}

/**
 * `file:line:column: lỗi [code] message` then `    → hint`, like the engine's diagnostics, with
 * invisible and reordering characters in what it quotes (params, the file name) shown escaped.
 */
export function formatProblem(p: ReportProblem, lang: Lang): string {
  checkLanguage(lang, 'formatProblem');
  const { message, hint } = CATALOGS[lang][p.code](escapeParams(p.params));
  const file = escapeInvisible(p.file);
  const where = p.line > 0 ? `${file}:${p.line}:${p.column}` : file;
  const head = `${where}: ${SEVERITY[lang][p.severity]} [${p.code}] ${message}`;
  return hint === '' ? head : `${head}\n    → ${hint}`;
}

/** Every problem, sorted by file, line and column. */
export function formatProblems(list: readonly ReportProblem[], lang: Lang): string {
  checkLanguage(lang, 'formatProblems');
  return [...list]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column)
    .map((p) => formatProblem(p, lang))
    .join('\n');
}

export function hasProblemErrors(list: readonly ReportProblem[]): boolean {
  return list.some((p) => p.severity === 'error');
}

/**
 * Problems the record finds in what it is given (an unknown area, a fact from the wrong
 * department, two parts that disagree, a correction without a reason…): data with a code from a
 * closed list, a location and parameters, like the engine's diagnostics; the words come from
 * messages/ at the edge, in Vietnamese and English.
 */
import { GENERIC_WORDS, type SchemeWords, withWords } from '@lcz/criteria-engine';
import { recordsMessagesEn } from './messages/en.js';
import { recordsMessagesVi } from './messages/vi.js';

export const RECORDS_PROBLEM_CODES = [
  'records_area_unknown',
  'records_area_not_registered',
  'records_area_change_needs_reason',
  'records_fact_unknown',
  'records_fact_not_owned',
  'records_owner_unknown',
  'records_conflict',
  'records_conflict_stored',
  'records_correction_needs_reason',
  'records_not_evaluated',
  'records_board_reason_required',
  'records_board_exists',
  'records_cycle_invalid',
  'records_backup_unsupported',
  'records_year_invalid',
  'records_keys_invalid',
  'records_key_missing',
  'records_key_unknown',
  'records_forbidden_role',
  'records_forbidden_area',
  'records_forbidden_fact',
  'records_report_invalid',
  'records_report_other_rules',
  'records_store_damaged',
  'records_store_missing',
] as const;

/** Where a problem in the stored record itself is placed; a program that knows the record's name shows it instead. */
export const RECORD_FILE = '<record>';

export type RecordsProblemCode = (typeof RECORDS_PROBLEM_CODES)[number];
export type Lang = 'vi' | 'en';

export interface RecordsProblem {
  readonly code: RecordsProblemCode;
  readonly severity: 'error' | 'warning';
  /** The file (or request) the problem is in; RECORD_FILE (`<record>`) for the stored record itself. */
  readonly file: string;
  /** 1-based; for spreadsheets the row; 0 when the problem concerns the whole input. */
  readonly line: number;
  /** 1-based; for spreadsheets the column number; 0 when unknown. */
  readonly column: number;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ProblemParams = RecordsProblem['params'];
export interface ProblemText {
  readonly message: string;
  readonly hint: string;
}
export type ProblemCatalog = Readonly<Record<RecordsProblemCode, (p: ProblemParams) => ProblemText>>;

const CATALOGS: Readonly<Record<Lang, ProblemCatalog>> = { vi: recordsMessagesVi, en: recordsMessagesEn };
const SEVERITY: Readonly<Record<Lang, Readonly<Record<RecordsProblem['severity'], string>>>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo' },
  en: { error: 'error', warning: 'warning' },
};

export function problem(
  code: RecordsProblemCode,
  where: { readonly file: string; readonly line?: number; readonly column?: number },
  params: ProblemParams = {},
): RecordsProblem {
  return { code, severity: 'error', file: where.file, line: where.line ?? 0, column: where.column ?? 0, params };
}

/**
 * The message and hint of one problem, without its location, in the scheme's words for what it
 * assesses and what groups it (`words:` of the rule file: `{assessed}`, `{grouped_by}`…). The
 * words go in after the values, so a value that itself reads "{assessed}" would show the word;
 * what is stored is never changed.
 */
export function problemText(p: RecordsProblem, lang: Lang, words: SchemeWords): ProblemText {
  const { message, hint } = CATALOGS[lang][p.code](p.params);
  return withWords({ message, hint }, words, lang);
}

/** `file:line:column: lỗi [code] message` then `    → hint`, like the engine's diagnostics. */
export function formatRecordsProblem(p: RecordsProblem, lang: Lang, words: SchemeWords): string {
  const { message, hint } = problemText(p, lang, words);
  const where = p.line > 0 ? (p.column > 0 ? `${p.file}:${p.line}:${p.column}` : `${p.file}:${p.line}`) : p.file;
  const head = `${where}: ${SEVERITY[lang][p.severity]} [${p.code}] ${message}`;
  return hint === '' ? head : `${head}\n    → ${hint}`;
}

/** Every problem, sorted by file, line and column. */
export function formatRecordsProblems(list: readonly RecordsProblem[], lang: Lang, words: SchemeWords): string {
  return [...list]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column)
    .map((p) => formatRecordsProblem(p, lang, words))
    .join('\n');
}

/** Thrown by the store's own writes when the input breaks a rule of the record; nothing was written. */
export class RecordsError extends Error {
  readonly problems: readonly RecordsProblem[];
  constructor(problems: readonly RecordsProblem[]) {
    // For a developer's log: the codes and values matter, the scheme's words do not.
    super(formatRecordsProblems(problems, 'en', GENERIC_WORDS));
    this.name = 'RecordsError';
    this.problems = problems;
  }
}

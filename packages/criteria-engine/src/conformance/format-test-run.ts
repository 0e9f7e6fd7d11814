/**
 * Renders a test run for people: a line per case (✓ / ✗ and its name), and under a failed case a
 * readable diff of each expectation that did not hold, at `file:line:column` of the expectation:
 *
 *   ✗ 1.3: 9799/10000 hộ (97,99%) thì không đạt
 *       rules/lai-chau-2020-2025/tests/04-boundaries.yaml:61:20  criteria."1.3"
 *         - mong đợi: fail
 *         + thực tế:  pass
 *
 * Pure: the caller prints. A diagnostic shared by several cases (a bad fact in a base) is printed
 * once; later cases point back to it (`seen` carries that memory across files).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, type Locale } from '../diagnostics/format.js';
import { interpolate } from '../diagnostics/interpolate.js';
import { checkLanguage } from '../diagnostics/language.js';
import { TEST_REPORT_WORDS } from './messages.js';
import { type ComparedValue, isList, type TestCaseResult, type TestMismatch, type TestRun } from './result.js';

export interface FormatTestOptions {
  /** ANSI colours (green ✓, red ✗). */
  readonly color?: boolean;
  /** Keys of diagnostics already printed; filled as this prints. */
  readonly seen?: Set<string>;
  /** How the file is named in locations (default: `run.file`). */
  readonly file?: string;
}

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** The file's problems (if any), then a line per case with the details of each failure. */
export function formatTestRun(run: TestRun, lang: Locale, options: FormatTestOptions = {}): string {
  checkLanguage(lang, 'formatTestRun');
  const seen = options.seen ?? new Set<string>();
  const lines: string[] = [];
  for (const d of run.diagnostics) {
    seen.add(diagnosticKey(d));
    lines.push(indent(formatDiagnostic(d, lang), '  '));
  }
  if (run.cases.length === 0 && run.diagnostics.some((d) => d.severity === 'error')) {
    lines.push(`  ${paint('✗', RED, options.color)} ${TEST_REPORT_WORDS[lang].file_not_run}`);
  }
  for (const c of run.cases) lines.push(formatTestCase(run, c, lang, { ...options, seen }));
  return lines.join('\n');
}

/** `✓ name`, or `✗ name` followed by the mismatches and problems of the case. */
export function formatTestCase(run: TestRun, c: TestCaseResult, lang: Locale, options: FormatTestOptions = {}): string {
  checkLanguage(lang, 'formatTestCase');
  const words = TEST_REPORT_WORDS[lang];
  const file = options.file ?? run.file;
  if (c.ok) return `  ${paint('✓', GREEN, options.color)} ${c.name}`;
  const lines = [`  ${paint('✗', RED, options.color)} ${c.name}`];
  // One cause, reported once at the end (formatLacking), not as one diff per case.
  if (c.lacking !== undefined && c.lacking.length > 0)
    lines.push(`      ${interpolate(words.lacking_case, { facts: c.lacking.join(', ') })}`);
  else for (const m of c.mismatches) lines.push(...formatMismatch(m, file, lang, options.color));
  const problems = c.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    lines.push(`      ${words.not_run}`);
    for (const d of problems) {
      const key = diagnosticKey(d);
      if (options.seen?.has(key)) {
        lines.push(`        ↑ ${where(d)} [${d.code}] (${words.see_above})`);
        continue;
      }
      options.seen?.add(key);
      lines.push(indent(formatDiagnostic(d, lang), '        '));
    }
  }
  return lines.join('\n');
}

/** One failed expectation: where it is, then expected and actual as a two-line diff. */
export function formatMismatch(m: TestMismatch, file: string, lang: Locale, color = false): string[] {
  const words = TEST_REPORT_WORDS[lang];
  const width = Math.max(words.expected.length, words.actual.length) + 1;
  const lines = [
    `      ${paint(`${file}:${m.line}:${m.column}`, DIM, color)}  ${m.path}`,
    `        - ${`${words.expected}:`.padEnd(width)} ${show(m.expected, lang)}`,
    `        + ${`${words.actual}:`.padEnd(width)} ${show(m.actual, lang)}`,
  ];
  if (isList(m.expected) && isList(m.actual)) {
    const actual = new Set(m.actual);
    const expected = new Set(m.expected);
    const onlyExpected = [...expected].filter((x) => !actual.has(x));
    const onlyActual = [...actual].filter((x) => !expected.has(x));
    if (onlyExpected.length > 0) lines.push(`          ${words.only_expected}: ${onlyExpected.join(', ')}`);
    if (onlyActual.length > 0) lines.push(`          ${words.only_actual}: ${onlyActual.join(', ')}`);
  }
  return lines;
}

function show(value: ComparedValue, lang: Locale): string {
  if (Array.isArray(value)) return value.length === 0 ? TEST_REPORT_WORDS[lang].empty_list : `[${value.join(', ')}]`;
  return value === null ? 'null' : String(value);
}

function where(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.code, d.file, d.line, d.column, d.path ?? '', d.params]);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function paint(text: string, code: string, color: boolean | undefined): string {
  return color ? `${code}${text}${RESET}` : text;
}

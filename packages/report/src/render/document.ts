/**
 * The report laid out once, in one language, as headings, notes and tables: every renderer
 * (Markdown, HTML, CSV, XLSX) writes this same document, so the formats cannot disagree. The
 * detailed tables are for the latest year; earlier years appear in the summary and the
 * year-on-year tables.
 */
import { withWords } from '@lcz/criteria-engine';
import { type Letterhead, letterhead } from '@lcz/criteria-engine/tools';
import { reportEn, type ReportMessages } from '../messages/report-en.js';
import { reportVi } from '../messages/report-vi.js';
import type { CityReport, YearFigures } from '../model.js';
import { type Build, fill, type Table } from './table.js';
import { targetsByYearTable, targetsTable } from './target-tables.js';
import { yearOnYearTables } from './trend-tables.js';
import { detailTables, summaryTable } from './year-tables.js';

export type Lang = 'vi' | 'en';

export const reportMessages: Readonly<Record<Lang, ReportMessages>> = { vi: reportVi, en: reportEn };

/** The report's words in one language, with the scheme's words for what it assesses and what groups it. */
export function reportWords(report: Pick<CityReport, 'ruleset'>, lang: Lang): ReportMessages {
  return withWords(reportMessages[lang], report.ruleset.words, lang);
}

export interface ReportDocument {
  readonly lang: Lang;
  /** The words it was laid out with (the scheme's words put in), for renderers' own labels. */
  readonly messages: ReportMessages;
  readonly title: string;
  /** Lines under the title: ruleset, years, targets file. */
  readonly facts: readonly string[];
  /** What the reader must know to read the figures right (registration, duplicates, rates). */
  readonly notes: readonly string[];
  readonly tables: readonly Table[];
  /** The year the detailed tables are for (null: the inputs gave no year). */
  readonly detailYear: number | null | undefined;
  /** Issuing body, national name and motto, place, signers (Nghị định 30/2020/NĐ-CP), from the targets or rule file. */
  readonly letterhead: Letterhead | null;
}

export interface RenderOptions {
  readonly lang?: Lang;
}

export function reportDocument(report: CityReport, options: RenderOptions = {}): ReportDocument {
  const lang = options.lang ?? 'vi';
  const m = reportWords(report, lang);
  const b: Build = {
    report,
    lang,
    m,
    t: (text) => text[lang].replace(/\s+/g, ' ').trim(),
    say: (key, params = {}) => fill(m[key], params),
    yearName: (y) => (y === null ? m.year_unknown : String(y)),
    unitName: (u) => (u === '' ? m.unit_unknown : u),
    criterionText: new Map(report.criteria.map((c) => [c.id, keepLines(c.text[lang])])),
  };
  const numbered = report.years.filter((y) => y.year !== null);
  const detail: YearFigures | undefined = numbered[numbered.length - 1] ?? report.years[report.years.length - 1];
  const tables: Table[] = [summaryTable(b)];
  if (detail) tables.push(...detailTables(b, detail));
  if (report.targets) tables.push(targetsTable(b, report.targets));
  if (report.targets && report.targets.by_year.length > 1) tables.push(targetsByYearTable(b, report.targets));
  if (numbered.length > 1) tables.push(...yearOnYearTables(b, numbered));
  return {
    lang,
    messages: m,
    title: b.say('title', { title: b.t(report.ruleset.title) }),
    facts: factsOf(b),
    notes: notesOf(b, detail),
    tables,
    detailYear: detail?.year,
    letterhead: letterhead(report.letterhead, lang),
  };
}

/** Lines under the title: ruleset, years, targets file. */
function factsOf({ report, m, t, say, yearName }: Build): string[] {
  const facts = [say('ruleset', { id: report.ruleset.id, version: report.ruleset.version })];
  facts.push(say('years', { years: report.years.map((y) => yearName(y.year)).join(', ') || m.none }));
  if (report.source) {
    const { record, as_of: asOf } = report.source;
    facts.push(
      asOf === undefined ? say('source_record', { record }) : say('source_record_as_of', { record, year: asOf }),
    );
  }
  if (report.targets) {
    facts.push(say('targets_file', { title: t(report.targets.info.title), file: report.targets.info.file }));
    if (report.targets.info.source) facts.push(say('targets_source', { source: t(report.targets.info.source) }));
  }
  return facts;
}

/** What the reader must know to read the figures right. */
function notesOf({ report, m, say, yearName }: Build, detail: YearFigures | undefined): string[] {
  const notes: string[] = [];
  if (report.source) notes.push(m.registration_record);
  else if (report.registration.stated === 0) notes.push(m.registration_assumed);
  else {
    notes.push(m.registration_stated);
    if (report.registration.unstated > 0)
      notes.push(say('registration_partial', { count: report.registration.unstated }));
  }
  if (report.left_out > 0) notes.push(say('left_out', { count: report.left_out }));
  if (report.duplicates > 0) notes.push(say('duplicates', { count: report.duplicates }));
  if (report.years.length > 1 && detail) notes.push(say('detail_year', { year: yearName(detail.year) }));
  return notes;
}

/** Spaces collapsed within each line, line breaks kept: a rule file keeps the source's bullets on their own lines. */
function keepLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

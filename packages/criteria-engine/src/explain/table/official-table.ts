/**
 * The official table of criteria, as the source document prints it: a title, the columns "Số TT
 * | Nội dung | Kết quả đánh giá (Đạt | Không đạt) | Ghi chú", section I with the numbered
 * standards and their criteria, section II with the numbered disqualifying cases, and the note
 * under the table. Built from the ruleset alone; given an evaluation result, the same table
 * filled in (✓ per criterion, remarks, the area in a header, the decision at the bottom).
 *
 * This module builds the table as data; render-table-markdown.ts and render-table-html.ts print
 * it. Pure and browser-safe.
 */
import { requirementValue } from '../../evaluate/requirement.js';
import type { CompiledRuleset } from '../../compile/compiled-ruleset.js';
import { checkLanguage } from '../../diagnostics/language.js';
import { GENERIC_WORDS, withWords } from '../../compile/words.js';
import type { CriterionResult, DecisionReason, EvaluationResult, GroupResult } from '../../evaluate/result.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import { en as explainEn, type ExplainMessages } from '../messages/en.js';
import { vi as explainVi } from '../messages/vi.js';
import { interpolate, shorten } from '../text-tools.js';
import { tableEn, type TableMessages } from './messages/en.js';
import { tableVi } from './messages/vi.js';
import { kindTotals } from './kind-totals.js';
import { type Letterhead, letterhead, shortDate, writtenDate } from './letterhead.js';
import {
  criterionPoints,
  derivedPart,
  derivedRemarks,
  groupPoints,
  hasPoints,
  levelsPart,
  most,
  parameterLines,
  parametersPart,
  pointsLines,
  variantLines,
  summaryFields,
  type Say,
  type TableContext,
  type TableDerived,
  type TableLevels,
  type TableParameter,
} from './table-sections.js';

export type TableLang = keyof LocalizedText;

/** Headings of the printed table that a rule file has no place for (e.g. a scheme's wording of section II). */
export interface TableHeadings {
  /** The title above the table; default: the ruleset's `source.table`, else its title. */
  readonly title?: LocalizedText;
  /** Section I; default "Tiêu chí đánh giá" / "Assessment criteria". */
  readonly criteria?: LocalizedText;
  /** Section II; default "Các trường hợp không đảm bảo" / "Cases that block recognition". */
  readonly disqualifiers?: LocalizedText;
}

export interface OfficialTableOptions {
  /** Vietnamese (the authority) by default. */
  readonly lang?: TableLang;
  readonly headings?: TableHeadings;
  /** The evaluation to fill the table with; without it, a blank form. */
  readonly result?: EvaluationResult;
}

/** The parts of a compiled ruleset the table reads. */
export type TableRuleset = Pick<
  CompiledRuleset,
  'title' | 'version' | 'effective' | 'document' | 'context' | 'groups' | 'disqualifiers'
> &
  // Absent in a description made before rule files declared them: generic words, no values.
  Partial<
    Pick<
      CompiledRuleset,
      | 'words'
      | 'facts'
      | 'derived'
      | 'derivedValues'
      | 'derivedExact'
      | 'parameterTables'
      | 'parameters'
      // Without them a blank table cannot count each kind of unit's criteria: one total for all.
      | 'validateAssessment'
      | 'evaluate'
    >
  >;

export type TableMark = 'pass' | 'fail';

export interface TableRow {
  readonly kind: 'section' | 'group' | 'criterion' | 'disqualifier';
  /** "I", "1", "1.1", … as the source numbers them. */
  readonly number: string;
  /** The text, one entry per line of the rule file's text ("- Đối với …" variants keep their lines). */
  readonly lines: readonly string[];
  /** The ✓: in the "Đạt" or the "Không đạt" column; null for a blank form or an undecided item. */
  readonly mark: TableMark | null;
  /** The "Ghi chú" cell: empty on a blank form. */
  readonly remark: string;
  /** The points cell, when the table has a points column: "3", "0–5"; filled, "3/5". */
  readonly points?: string;
  /**
   * A section whose items are not passed or failed (section II: cases that block recognition)
   * names the two result columns afresh: "Không thuộc trường hợp này" / "Thuộc trường hợp này".
   */
  readonly columns?: { readonly pass: string; readonly fail: string };
}

/** A labelled line above the table: the area's identity (filled), or a line to fill in (blank). */
export interface TableField {
  readonly label: string;
  readonly value: string;
}

export interface OfficialTable {
  readonly lang: TableLang;
  readonly title: string;
  /** The ruleset's title and version, and its period in force. */
  readonly subtitle: string;
  readonly columns: {
    readonly number: string;
    readonly content: string;
    readonly result: string;
    readonly pass: string;
    readonly fail: string;
    readonly remark: string;
    /** Present when the scheme has points (other than 1 each, or a requirement on points). */
    readonly points?: string;
  };
  readonly fields: readonly TableField[];
  readonly rows: readonly TableRow[];
  /** The note under the table (the recognition rule's note), or null. */
  readonly note: { readonly label: string; readonly text: string } | null;
  /** The decision line: the decision and its reasons (filled), or the boxes to tick (blank). */
  readonly decision: { readonly label: string; readonly value: string; readonly reasons: readonly string[] };
  /** The recognition levels and what each requires (null: no `levels:`); filled, the ✓ per level. */
  readonly levels: TableLevels | null;
  /** Parameter tables (a row per context, a column per `from:` date) and the constants. */
  readonly parameters: readonly TableParameter[];
  readonly parametersHeading: string;
  /** Derived quantities with their formula and if_zero; filled, their values (null: none). */
  readonly derived: TableDerived | null;
  /** Filled: the level reached (and possible) and the total points, printed with the decision. */
  readonly summary: readonly TableField[];
  /** The assessor's line, printed when the rule file declares no signers. */
  readonly signature: string;
  /** National name, motto, issuing body, place and date, signers: from the rule file's `letterhead:`. */
  readonly letterhead: Letterhead | null;
  readonly filled: boolean;
}

export const tableMessages: Readonly<Record<TableLang, TableMessages>> = { vi: tableVi, en: tableEn };
const EXPLAIN: Readonly<Record<TableLang, ExplainMessages>> = { vi: explainVi, en: explainEn };
const ROMAN = ['I', 'II', 'III', 'IV'];

export function officialTable(ruleset: TableRuleset, options: OfficialTableOptions = {}): OfficialTable {
  const lang = options.lang ?? 'vi';
  checkLanguage(lang, 'officialTable');
  const m = withWords(tableMessages[lang], ruleset.words ?? GENERIC_WORDS, lang);
  const say: Say = (key, params = {}) => interpolate(m[key], params);
  const kinds = options.result === undefined ? kindTotals(ruleset, lang, m, most) : undefined;
  const ctx: TableContext = { lang, m, say, ruleset, result: options.result, kinds };
  const points = hasPoints(ruleset);
  const result = options.result;
  const note = ruleset.document.recognition.note;
  return {
    lang,
    title: (options.headings?.title ?? ruleset.document.source?.table ?? ruleset.title)[lang],
    subtitle: subtitle(ctx),
    columns: {
      number: m.column_number,
      content: m.column_content,
      result: m.column_result,
      pass: m.column_pass,
      fail: m.column_fail,
      remark: m.column_remark,
      ...(points ? { points: m.column_points } : {}),
    },
    fields: result === undefined ? blankFields(ruleset, lang, m, say) : filledFields(result, ruleset, lang, m),
    rows: [...criteriaRows(ctx, options.headings, points), ...disqualifierRows(ctx, options.headings)],
    note: note === undefined ? null : { label: m.note_label, text: flat(note[lang]) },
    levels: levelsPart(ctx),
    parameters: parametersPart(ctx),
    parametersHeading: m.section_parameters,
    derived: derivedPart(ctx),
    decision:
      result === undefined
        ? { label: m.decision_label, value: m.decision_blank, reasons: [] }
        : decisionOf(result, ruleset, lang, say),
    summary: summaryFields(ctx, points),
    signature: m.assessor,
    letterhead: letterhead(ruleset.document.letterhead, lang, {
      ...(result?.area.unit !== undefined ? { unit: result.area.unit } : {}),
      ...(result?.area.date !== undefined ? { date: result.area.date } : {}),
    }),
    filled: result !== undefined,
  };
}

/** The ruleset's title and version, and its period in force. */
function subtitle({ ruleset, lang, say }: TableContext): string {
  const period = ruleset.effective;
  const effective =
    period === undefined
      ? ''
      : period.to !== undefined
        ? say('effective', { from: dateIn(period.from, lang), to: dateIn(period.to, lang) })
        : say('effective_open', { from: dateIn(period.from, lang) });
  const line = say('ruleset_line', { title: flat(ruleset.title[lang]), version: ruleset.version });
  return `${line}${effective === '' ? '' : `, ${effective}`}`;
}

function sectionRow(index: number, heading: LocalizedText | undefined, fallback: string, lang: TableLang): TableRow {
  return {
    kind: 'section',
    number: ROMAN[index] ?? String(index + 1),
    lines: [heading ? heading[lang] : fallback],
    mark: null,
    remark: '',
  };
}

/** Section I: each standard, then its criteria (with their points, and the parameters their thresholds name). */
function criteriaRows(ctx: TableContext, headings: TableHeadings | undefined, points: boolean): TableRow[] {
  const { ruleset, result, lang, m, say } = ctx;
  const criteria = new Map((result?.criteria ?? []).map((c) => [c.id, c]));
  const groups = new Map((result?.standards ?? []).map((g) => [g.id, g]));
  const rows: TableRow[] = [sectionRow(0, headings?.criteria, m.section_criteria, lang)];
  for (const group of ruleset.groups) {
    const g = groups.get(group.id);
    rows.push({
      kind: 'group',
      number: group.id,
      lines: lines(group.title[lang]),
      ...groupCell(g, say),
      ...(points ? { points: groupPoints(group, g, ctx, criteria) } : {}),
    });
    for (const criterion of group.criteria) {
      const c = criteria.get(criterion.id);
      const variant =
        c?.variant === null || c === undefined ? undefined : criterion.variants?.find((v) => v.id === c.variant);
      const variantName =
        variant === undefined ? undefined : variant.label !== undefined ? variant.label[lang] : variant.id;
      // Marked from recognition.mandatory itself, not from the note: the two may disagree
      // (lcz check: mandatory_not_in_note), and the table must show what decides.
      const marker = criterion.mandatory ? [m.mandatory_marker] : [];
      const cell = criterionCell(c, variantName, say);
      const derived = derivedRemarks(criterion, c, ctx);
      rows.push({
        kind: 'criterion',
        number: criterion.id,
        lines: [
          ...lines(criterion.text[lang]),
          ...variantLines(criterion, ctx),
          ...marker,
          ...pointsLines(criterion, ctx),
          ...parameterLines(criterion, ctx),
        ],
        mark: cell.mark,
        remark: [cell.remark, ...derived].filter((x) => x !== '').join('; '),
        ...(points ? { points: criterionPoints(criterion, c, lang) } : {}),
      });
    }
  }
  return rows;
}

/** Section II: the cases that block recognition, numbered 1, 2, … */
function disqualifierRows(ctx: TableContext, headings: TableHeadings | undefined): TableRow[] {
  const { ruleset, result, lang, m } = ctx;
  if (ruleset.disqualifiers.length === 0) return [];
  const statuses = new Map((result?.disqualifiers ?? []).map((d) => [d.id, d.status]));
  // A ✓ under "Đạt" beside "Có hoạt động lợi dụng tôn giáo…" would read as praise for it.
  const heading = sectionRow(1, headings?.disqualifiers, m.section_disqualifiers, lang);
  const rows: TableRow[] = [{ ...heading, columns: { pass: m.column_dq_clear, fail: m.column_dq_applies } }];
  ruleset.disqualifiers.forEach((d, i) => {
    const status = statuses.get(d.id);
    const cell =
      status === undefined
        ? { mark: null, remark: '' }
        : status === 'clear'
          ? { mark: 'pass' as const, remark: m.remark_dq_clear }
          : status === 'applies'
            ? { mark: 'fail' as const, remark: m.remark_dq_applies }
            : { mark: null, remark: m.remark_dq_unknown };
    rows.push({ kind: 'disqualifier', number: String(i + 1), lines: lines(d.text[lang]), ...cell });
  });
  return rows;
}

function groupCell(g: GroupResult | undefined, say: Say): Pick<TableRow, 'mark' | 'remark'> {
  if (g === undefined) return { mark: null, remark: '' };
  const counts = { passed: g.passed, applicable: g.applicable, required: g.required };
  const remark =
    g.points !== undefined
      ? say('remark_group_points', { points: g.points.passed, required: g.required })
      : g.status === 'unknown'
        ? say('remark_group_unknown', counts)
        : say('remark_group', counts);
  return { mark: g.status === 'met' ? 'pass' : g.status === 'not_met' ? 'fail' : null, remark };
}

function criterionCell(
  c: CriterionResult | undefined,
  variant: string | undefined,
  say: Say,
): Pick<TableRow, 'mark' | 'remark'> {
  if (c === undefined) return { mark: null, remark: '' };
  const applies = variant === undefined ? [] : [say('remark_variant', { variant })];
  switch (c.status) {
    case 'pass':
      return { mark: 'pass', remark: applies.join('; ') };
    case 'fail':
      return { mark: 'fail', remark: applies.join('; ') };
    case 'unknown':
      return { mark: null, remark: [say('remark_unknown'), ...applies].join('; ') };
    case 'not_applicable':
      return c.counts_as === 'failed'
        ? { mark: 'fail', remark: say('remark_not_applicable_fail') }
        : { mark: null, remark: say('remark_not_applicable') };
  }
}

function blankFields(ruleset: TableRuleset, lang: TableLang, m: TableMessages, say: Say): TableField[] {
  const fields: TableField[] = [
    { label: m.area, value: m.blank_line },
    { label: m.unit, value: m.blank_line },
    { label: m.date, value: m.blank_line },
  ];
  // Context attributes choose variants: the form asks for them as boxes to tick.
  for (const c of ruleset.context) {
    const choices = c.type === 'boolean' ? [m.yes, m.no] : (c.values ?? []).map((v) => v.label[lang]);
    fields.push({ label: c.label[lang], value: choices.map((label) => say('choice', { label })).join('    ') });
  }
  return fields;
}

function filledFields(
  result: EvaluationResult,
  ruleset: TableRuleset,
  lang: TableLang,
  m: TableMessages,
): TableField[] {
  const area = result.area;
  const fields: TableField[] = [];
  const name = area.name ?? EXPLAIN[lang].area_unnamed;
  fields.push({ label: m.area, value: area.code !== undefined ? `${name} (${m.area_code}: ${area.code})` : name });
  if (area.unit !== undefined) fields.push({ label: m.unit, value: area.unit });
  if (area.date !== undefined) fields.push({ label: m.date, value: dateIn(area.date, lang) });
  for (const c of ruleset.context) {
    const value = result.context[c.id];
    if (value === undefined) continue;
    const shown =
      typeof value === 'boolean'
        ? value
          ? m.yes
          : m.no
        : (c.values?.find((v) => v.id === value)?.label[lang] ?? String(value));
    fields.push({ label: c.label[lang], value: shown });
  }
  return fields;
}

function decisionOf(
  result: EvaluationResult,
  ruleset: TableRuleset,
  lang: TableLang,
  say: Say,
): OfficialTable['decision'] {
  const x = EXPLAIN[lang];
  const words = {
    recognised: x.decision_recognised,
    not_recognised: x.decision_not_recognised,
    undetermined: x.decision_undetermined,
  }[result.decision];
  const reasons = result.reasons.map((r) => reasonText(r, result, ruleset, lang, say));
  return { label: tableMessages[lang].decision_label, value: words, reasons };
}

function reasonText(
  r: DecisionReason,
  result: EvaluationResult,
  ruleset: TableRuleset,
  lang: TableLang,
  say: Say,
): string {
  const criterionText = (id: string) =>
    flat(ruleset.groups.flatMap((g) => g.criteria).find((c) => c.id === id)?.text[lang] ?? '');
  switch (r.kind) {
    case 'disqualified': {
      const index = ruleset.disqualifiers.findIndex((d) => d.id === r.id);
      return say('reason_disqualified', {
        number: index + 1,
        text: flat(ruleset.disqualifiers[index]?.text[lang] ?? ''),
      });
    }
    case 'mandatory_failed':
      return say('reason_mandatory_failed', { id: r.id, text: criterionText(r.id) });
    case 'group_not_met': {
      const g = result.standards.find((s) => s.id === r.id);
      const title = ruleset.groups.find((x) => x.id === r.id)?.title[lang] ?? r.id;
      return say('reason_group_not_met', {
        title: flat(title),
        passed: g?.passed ?? 0,
        applicable: g?.applicable ?? 0,
        required: g?.required ?? 0,
      });
    }
    case 'total_not_met':
      return say('reason_total_not_met', {
        passed: result.total?.passed_points ?? 0,
        required: result.total?.required ?? 0,
      });
    case 'requirement_not_met':
      return say('at_least_count' in r.requirement ? 'reason_requirement_count' : 'reason_requirement_points', {
        value: requirementValue(r.requirement),
        of: r.of.join(', '),
      });
    case 'unknown':
      return say('reason_unknown', { ids: r.ids.map((id) => undecidedName(id, ruleset, lang, say)).join('; ') });
  }
}

/** What an id of an `unknown` reason names: a standard (its title), a mandatory criterion, a case, the total. */
function undecidedName(id: string, ruleset: TableRuleset, lang: TableLang, say: Say): string {
  const group = ruleset.groups.find((g) => g.id === id);
  if (group !== undefined) return shorten(group.title[lang], 60);
  const index = ruleset.disqualifiers.findIndex((d) => d.id === id);
  if (index >= 0) return say('undecided_disqualifier', { number: index + 1 });
  if (id === 'total') return say('undecided_total');
  return say('undecided_criterion', { id });
}

/** The lines of a text: a rule file keeps the source's line breaks ("- Đối với …\n- Đối với …"). */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map(flat)
    .filter((l) => l !== '');
}

/** A date as people in each language write it: 05/01/2024 in Vietnamese, 5 January 2024 in English. */
function dateIn(iso: string, lang: TableLang): string {
  return lang === 'vi' ? shortDate(iso) : writtenDate(iso, lang);
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

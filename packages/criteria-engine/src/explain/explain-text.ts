/**
 * The text report: one EvaluationResult rendered for a person (a policy officer, an appraisal
 * board), in Vietnamese by default or in English. Pure and browser-safe: it reads the result and
 * the ruleset's texts and returns a string.
 *
 * Layout: header (area, ruleset) → decision and its reasons → each standard with each of its
 * criteria (status, text, variant, facts read) → disqualifiers → mandatory criteria → total
 * points (if the ruleset has a points scheme) → facts still needed.
 */
import { parameterValue } from './gap-values.js';
import { shownBeside } from './derived-shown.js';
import { requirementValue } from '../evaluate/requirement.js';
import { formatDecimalText, formatReportNumber } from './report-number.js';
import type { CompiledRuleset, CriterionInfo, DisqualifierInfo, GroupInfo } from '../compile/compiled-ruleset.js';
import { type FactDeclaration, printValue, type ValueWords } from '../compile/fact-types/index.js';
import type {
  CriterionResult,
  CriterionStatus,
  Decision,
  DecisionReason,
  DisqualifierStatus,
  EvaluationResult,
  FactReading,
  FactValue,
  GroupResult,
  GroupStatus,
} from '../evaluate/result.js';
import type { LocalizedText, ValueDeclaration } from '../validate/ruleset-document.js';
import { en, type ExplainMessageKey, type ExplainMessages } from './messages/en.js';
import { vi } from './messages/vi.js';
import { checkLanguage, LANGUAGES } from '../diagnostics/language.js';
import { GENERIC_WORDS, withWords } from '../compile/words.js';
import { fallbackLanguage } from '../validate/text-languages.js';
import { interpolate, levelStanding, oneLine, painter, shorten, type Tone, unitAfter, wrap } from './text-tools.js';
import { SYMBOL } from '../compile/expression/compare-ops.js';
import { DATE_NAME } from '../compile/parameter-table.js';
import { hasPoints } from './table/table-sections.js';
import { compare, fromNumber, parseDecimal, toDecimalText } from '../compile/exact/rational.js';
import { thresholdHooks, thresholdShape } from '../compile/functions/index.js';

export type ExplainLang = keyof LocalizedText;

export interface ExplainOptions {
  /** Language of the report; Vietnamese (the authority) by default. */
  readonly lang?: ExplainLang;
  /** ANSI colour; off by default. */
  readonly color?: boolean;
  /** Full criterion texts (and notes) instead of texts shortened to about 100 characters. */
  readonly full?: boolean;
}

/**
 * The parts of a compiled ruleset the report reads (its texts, labels and units). A
 * CompiledRuleset is one; so is a plain description of it, e.g. sent to a browser as JSON.
 */
export type ExplainRuleset = Pick<
  CompiledRuleset,
  'title' | 'context' | 'facts' | 'groups' | 'criteria' | 'disqualifiers'
> &
  // Absent in a description made before rule files declared them: both languages, generic words.
  Partial<
    Pick<
      CompiledRuleset,
      | 'languages'
      | 'words'
      | 'derived'
      | 'derivedValues'
      | 'derivedExact'
      | 'levels'
      | 'parameterTables'
      | 'document'
      | 'parameters'
    >
  >;

export const explainMessages: Readonly<Record<ExplainLang, ExplainMessages>> = { vi, en };

/** Criterion texts longer than this are shortened with "…" unless `full` is set. */
const SHORT_TEXT = 100;
/** Full texts are wrapped to this width. */
const WRAP_WIDTH = 100;
const RULE = '─'.repeat(72);

const CRITERION_MARK: Readonly<Record<CriterionStatus, readonly [string, Tone]>> = {
  pass: ['✓', 'green'],
  fail: ['✗', 'red'],
  unknown: ['?', 'yellow'],
  not_applicable: ['–', 'dim'],
};
const DISQUALIFIER_MARK: Readonly<Record<DisqualifierStatus, readonly [string, Tone]>> = {
  clear: ['✓', 'green'],
  applies: ['✗', 'red'],
  unknown: ['?', 'yellow'],
};
const DECISION_TONE: Readonly<Record<Decision, Tone>> = {
  recognised: 'green',
  not_recognised: 'red',
  undetermined: 'yellow',
};
const GROUP_TONE: Readonly<Record<GroupStatus, Tone>> = { met: 'green', not_met: 'red', unknown: 'yellow' };

const CRITERION_STATUS_KEY: Readonly<Record<CriterionStatus, ExplainMessageKey>> = {
  pass: 'status_pass',
  fail: 'status_fail',
  unknown: 'status_unknown',
  not_applicable: 'status_not_applicable',
};
const DISQUALIFIER_STATUS_KEY: Readonly<Record<DisqualifierStatus, ExplainMessageKey>> = {
  applies: 'dq_applies',
  clear: 'dq_clear',
  unknown: 'dq_unknown',
};
const GROUP_STATUS_KEY: Readonly<Record<GroupStatus, ExplainMessageKey>> = {
  met: 'group_met',
  not_met: 'group_not_met',
  unknown: 'group_unknown',
};
const DECISION_KEY: Readonly<Record<Decision, ExplainMessageKey>> = {
  recognised: 'decision_recognised',
  not_recognised: 'decision_not_recognised',
  undetermined: 'decision_undetermined',
};
const NOT_APPLICABLE_KEY: Readonly<Record<NonNullable<CriterionResult['reason']>, ExplainMessageKey>> = {
  no_variant: 'na_no_variant',
  not_applicable_when: 'na_not_applicable_when',
  not_applicable_counts_as_fail: 'na_counts_as_fail',
};

/** Render an evaluation result as a readable report. The string has no trailing newline. */
export function explainText(result: EvaluationResult, ruleset: ExplainRuleset, options: ExplainOptions = {}): string {
  return new TextReport(result, ruleset, options).render();
}

interface Describable extends FactDeclaration {
  readonly label?: LocalizedText;
  readonly unit?: LocalizedText;
  readonly values?: readonly ValueDeclaration[];
}

/**
 * Of a standard's `excluded` criteria, how many count only from a higher level (`from_level`):
 * those are left out because of the level judged, not because they do not apply, and reports
 * must say so apart.
 */
export function laterExcluded(ruleset: ExplainRuleset, group: string, excluded: number): number {
  let later = 0;
  for (const c of ruleset.criteria) if (c.group === group && c.fromLevel !== undefined) later++;
  return Math.min(excluded, later);
}

class TextReport {
  private readonly lang: ExplainLang;
  private readonly m: ExplainMessages;
  private readonly paint: (tone: Tone, text: string) => string;
  private readonly full: boolean;
  /** How values print in this language (compile/fact-types/ says how each type prints). */
  private readonly valueWords: ValueWords;
  private readonly criteria: ReadonlyMap<string, CriterionInfo>;
  private readonly groups: ReadonlyMap<string, GroupInfo>;
  private readonly disqualifiers: ReadonlyMap<string, DisqualifierInfo>;
  private readonly named: ReadonlyMap<string, Describable>;
  private readonly criterionResults: ReadonlyMap<string, CriterionResult>;
  /**
   * Whether points are printed: when the scheme gives them (a criterion earns other than 1, or a
   * requirement counts them), as the official table's points column. A scheme with levels or count
   * requirements carries points in its result anyway (1 a criterion); printed there, they would read
   * as a rule the scheme does not have.
   */
  private readonly showPoints: boolean;
  private readonly lines: string[] = [];

  constructor(
    private readonly result: EvaluationResult,
    private readonly ruleset: ExplainRuleset,
    options: ExplainOptions,
  ) {
    const lang = options.lang ?? 'vi';
    checkLanguage(lang, 'explainText');
    this.lang = lang;
    this.m = withWords(explainMessages[this.lang], ruleset.words ?? GENERIC_WORDS, this.lang);
    this.paint = painter(options.color === true);
    this.full = options.full === true;
    this.valueWords = {
      yes: this.m.value_true,
      no: this.m.value_false,
      number: (n) => formatReportNumber(n, lang),
      label: (text) => oneLine(this.t(text)),
    };
    this.criteria = byId(ruleset.criteria);
    this.groups = byId(ruleset.groups);
    this.disqualifiers = byId(ruleset.disqualifiers);
    // Facts and context attributes share one namespace in readings and in `missing`.
    this.named = new Map<string, Describable>([
      ...ruleset.context.map((c) => [c.id, c] as const),
      ...ruleset.facts.map((f) => [f.id, f] as const),
    ]);
    this.criterionResults = byId(result.criteria);
    const document = ruleset.document;
    this.showPoints = document === undefined || hasPoints({ groups: ruleset.groups, document });
  }

  render(): string {
    this.header();
    this.decision();
    this.standards();
    this.disqualifierSection();
    this.mandatorySection();
    this.totalSection();
    this.missingSection();
    return this.lines.join('\n');
  }

  // ── sections ────────────────────────────────────────────────────────────────

  private header(): void {
    const { m, result, ruleset } = this;
    const area = result.area;
    this.push(this.paint('bold', `${m.report_heading}: ${oneLine(this.t(ruleset.title))}`));
    const name = area.name ?? m.area_unnamed;
    this.field(m.area, area.code !== undefined ? `${name} (${m.area_code}: ${area.code})` : name);
    if (area.unit !== undefined) this.field(m.unit, area.unit);
    if (area.date !== undefined) this.field(m.date, area.date);
    else if (area.year !== undefined) this.field(m.year_only, String(area.year));
    const context = Object.entries(result.context).map(
      ([id, value]) => `${this.labelOf(id)}: ${this.value(id, value, false)}`,
    );
    if (context.length > 0) this.field(m.context, context.join('; '));
    // A text asked for in a language the rule file lacks shows the file's first language: say so.
    const shown = fallbackLanguage(ruleset.languages ?? LANGUAGES, this.lang);
    if (shown !== undefined)
      this.push(this.paint('dim', interpolate(m.language_fallback, { language: m[`language_${shown}`] })));
    this.field(
      m.ruleset,
      interpolate(m.ruleset_line, {
        id: result.ruleset.id,
        version: result.ruleset.version,
        hash: shortHash(result.ruleset.hash),
      }),
    );
  }

  private decision(): void {
    const { m, result } = this;
    this.heading(m.decision_heading);
    const words = m[DECISION_KEY[result.decision]];
    this.push(`  ${this.paint('bold', this.paint(DECISION_TONE[result.decision], words))}`);
    const reasons = result.reasons.map((r) => this.reason(r));
    if (reasons.length === 0 && result.decision === 'recognised')
      reasons.push({ text: m.reason_recognised, items: [] });
    if (reasons.length > 0) this.push(`  ${m.reasons_heading}:`);
    for (const { text, items } of reasons) {
      this.bullet('    - ', text);
      for (const item of items) this.bullet('        · ', item);
    }
    this.levels();
  }

  /** A scheme with levels: the level reached, the highest still possible, and each level's status. */
  private levels(): void {
    const { m, result } = this;
    const level = result.level;
    if (level === undefined) return;
    const name = (id: string | null) => {
      if (id === null) return m.level_none;
      const info = this.ruleset.levels?.find((l) => l.id === id);
      return info ? `${oneLine(this.t(info.label))} (${id})` : id;
    };
    this.push(`  ${this.paint('bold', interpolate(m.level_reached, { level: name(level.reached) }))}`);
    if (level.possible !== level.reached)
      this.push(`  ${interpolate(m.level_possible, { level: name(level.possible) })}`);
    // As reached (a level needs every level below it), not each level's own part.
    const standing = levelStanding(
      level.levels.map((l) => l.id),
      level,
    );
    for (const { id } of level.levels) {
      const status = standing.get(id) ?? 'unknown';
      const info = this.ruleset.levels?.find((x) => x.id === id);
      const mark = status === 'met' ? '✓' : status === 'not_met' ? '✗' : '?';
      const line = interpolate(m.level_line, {
        mark,
        label: info ? oneLine(this.t(info.label)) : id,
        id,
        status: m[GROUP_STATUS_KEY[status]],
      });
      this.push(`    ${this.paint(GROUP_TONE[status], line)}`);
    }
    const next = level.next;
    if (next === undefined) return;
    this.push(`  ${interpolate(m.next_heading, { level: name(next.id) })}`);
    for (const part of next.lacking) {
      if (!('need' in part)) {
        const key = part.kind === 'mandatory' ? 'next_mandatory' : 'next_disqualifier';
        this.bullet('    - ', interpolate(m[key], { id: part.id }));
        continue;
      }
      const what =
        part.kind === 'group'
          ? this.groupTitle(part.id ?? '')
          : part.kind === 'total'
            ? m.next_total
            : interpolate(m.next_requirement, { n: (part.index ?? 0) + 1 });
      const key = part.unit === 'points' ? 'next_points' : 'next_criteria';
      this.bullet(
        '    - ',
        interpolate(m[key], { what, need: part.need, have: part.have, more: Math.max(0, part.need - part.have) }),
      );
    }
  }

  /** Points as people read them: `3`, or `0–18` while facts are unknown. */
  private points(p: { readonly least: number; readonly most: number }): string {
    const n = (x: number) => formatReportNumber(x, this.lang);
    return p.least === p.most ? n(p.least) : `${n(p.least)}–${n(p.most)}`;
  }

  /** A wrapped list item: continuation lines aligned under the text. */
  private bullet(marker: string, text: string): void {
    const indent = ' '.repeat(marker.length);
    const [first = '', ...rest] = wrap(text, WRAP_WIDTH - marker.length, WRAP_WIDTH - marker.length);
    this.push(`${marker}${first}`, ...rest.map((line) => `${indent}${line}`));
  }

  /** A reason as one sentence, with sub-items for the undecided parts of an `unknown` reason. */
  private reason(reason: DecisionReason): { text: string; items: string[] } {
    if (reason.kind === 'unknown') {
      return { text: this.m.reason_unknown, items: reason.ids.map((id) => this.undecided(id)) };
    }
    return { text: this.sentence(reason), items: [] };
  }

  /** An id from an `unknown` reason: a standard, a criterion or a disqualifier, with its text. */
  private undecided(id: string): string {
    const { m } = this;
    if (this.criteria.has(id))
      return interpolate(m.unknown_criterion, { id, text: this.shortText(this.criteria.get(id)?.text) });
    if (this.disqualifiers.has(id)) {
      return interpolate(m.unknown_disqualifier, { id, text: this.shortText(this.disqualifiers.get(id)?.text) });
    }
    return this.groups.has(id) ? shorten(this.groupTitle(id), SHORT_TEXT) : id;
  }

  private sentence(reason: Exclude<DecisionReason, { kind: 'unknown' }>): string {
    const { m } = this;
    switch (reason.kind) {
      case 'disqualified':
        return interpolate(m.reason_disqualified, {
          id: reason.id,
          text: this.fullText(this.disqualifiers.get(reason.id)?.text),
        });
      case 'mandatory_failed': {
        const status = this.criterionResults.get(reason.id)?.status;
        const key = status === 'not_applicable' ? 'reason_mandatory_not_applicable' : 'reason_mandatory_failed';
        return interpolate(m[key], { id: reason.id, text: this.fullText(this.criteria.get(reason.id)?.text) });
      }
      case 'group_not_met': {
        const g = this.result.standards.find((s) => s.id === reason.id);
        const title = this.groupTitle(reason.id);
        if (g === undefined) return title;
        return isPoints(g)
          ? interpolate(m.reason_group_not_met_points, {
              title,
              points: g.points?.passed ?? g.passed,
              required: g.required,
            })
          : interpolate(m.reason_group_not_met, {
              title,
              passed: g.passed,
              applicable: g.applicable,
              required: g.required,
            });
      }
      case 'total_not_met':
        return interpolate(m.reason_total_not_met, {
          passed: this.result.total?.passed_points ?? this.result.points_total?.least ?? 0,
          required: this.result.total?.required ?? 0,
        });
      case 'requirement_not_met':
        return interpolate(
          'at_least_count' in reason.requirement ? m.reason_requirement_count : m.reason_requirement_points,
          { value: requirementValue(reason.requirement), of: reason.of.join(', ') },
        );
    }
  }

  private standards(): void {
    const { m, result } = this;
    this.heading(m.standards_heading);
    result.standards.forEach((g, i) => {
      if (i > 0) this.push('');
      for (const line of wrap(this.groupTitle(g.id), WRAP_WIDTH - 2, WRAP_WIDTH - 4)) {
        this.push(`  ${this.paint('bold', line)}`);
      }
      const extra: string[] = [];
      if (g.unknown > 0) extra.push(interpolate(m.group_unknown_count, { count: g.unknown }));
      // Left out of this count: criteria that do not apply, and those that count only from a higher
      // level (`from_level`), which may well pass and must not read as "not counted" for no reason.
      const later = laterExcluded(this.ruleset, g.id, g.excluded);
      if (g.excluded > later) extra.push(interpolate(m.group_excluded_count, { count: g.excluded - later }));
      if (later > 0) extra.push(interpolate(m.group_later_count, { count: later }));
      const summary = isPoints(g)
        ? interpolate(m.group_summary_points, { points: g.points?.passed ?? g.passed, required: g.required })
        : interpolate(m.group_summary, {
            passed: g.passed,
            applicable: g.applicable,
            required: g.required,
            percent: g.percent === null ? m.percent_none : `${g.percent}%`,
          });
      // The standard's points at every level: with the criteria of a higher level, said so, since
      // they are not in the count just before.
      if (g.points_total !== undefined && this.showPoints) {
        const points = this.points(g.points_total);
        extra.push(
          later > 0
            ? interpolate(m.group_points_with_later, { count: later, points })
            : interpolate(m.points_line, { points }),
        );
      }
      const status = this.paint(GROUP_TONE[g.status], m[GROUP_STATUS_KEY[g.status]]);
      this.push(`  ${[summary, ...extra].join('; ')} → ${status}`);
      for (const c of result.criteria) if (c.group === g.id) this.criterion(c);
    });
  }

  private levelLabel(id: string): string {
    const info = this.ruleset.levels?.find((l) => l.id === id);
    return info ? oneLine(this.t(info.label)) : id;
  }

  private criterion(c: CriterionResult): void {
    const { m } = this;
    const info = this.criteria.get(c.id);
    const [mark, tone] = CRITERION_MARK[c.status];
    const from =
      info?.fromLevel === undefined ? [] : [interpolate(m.from_level_tag, { level: this.levelLabel(info.fromLevel) })];
    const tags = [m[CRITERION_STATUS_KEY[c.status]], ...(c.mandatory ? [m.mandatory_tag] : []), ...from].join(', ');
    this.item(`${mark} ${c.id}`, `[${tags}]`, tone, info?.text);
    const detail = '        ';
    if (c.status === 'not_applicable') {
      if (c.reason !== undefined) this.push(`${detail}${this.paint('dim', m[NOT_APPLICABLE_KEY[c.reason]])}`);
      if (c.counts_as === 'failed' && c.reason !== 'not_applicable_counts_as_fail') {
        this.push(`${detail}${this.paint('dim', m.na_counts_as_fail)}`);
      }
    }
    if (c.variant !== null) {
      const variant = info?.variants?.find((v) => v.id === c.variant);
      const label = variant?.label !== undefined ? `${oneLine(this.t(variant.label))} (${c.variant})` : c.variant;
      this.push(`${detail}${m.variant}: ${label}`);
      // The variant's own wording, when the rule file gives one: what this unit had to do.
      if (variant?.text !== undefined)
        for (const line of wrap(oneLine(this.t(variant.text)), WRAP_WIDTH - 10, WRAP_WIDTH - 10))
          this.push(`${detail}  ${line}`);
    }
    if (c.earned !== undefined && this.showPoints)
      this.push(`${detail}${interpolate(m.points_line, { points: this.points(c.earned) })}`);
    // A criterion that does not apply needs no data: its unread facts are not missing, so only the
    // facts that were given (the ones that made it not apply) are listed.
    this.readings(c.status === 'not_applicable' ? c.facts.filter((f) => f.value !== null) : c.facts, detail);
    this.derivedReadings(c, info, detail);
    this.parameterReadings(c, info, detail);
    this.shareReading(c, info, detail);
    if (this.full && info?.note !== undefined) this.wrapped(`${m.note}: `, this.t(info.note), detail);
  }

  private disqualifierSection(): void {
    const { m, result } = this;
    this.heading(m.disqualifiers_heading);
    if (result.disqualifiers.length === 0) this.push(`  ${m.disqualifiers_none}`);
    for (const d of result.disqualifiers) {
      const [mark, tone] = DISQUALIFIER_MARK[d.status];
      this.item(
        `${mark} ${d.id}`,
        `[${m[DISQUALIFIER_STATUS_KEY[d.status]]}]`,
        tone,
        this.disqualifiers.get(d.id)?.text,
      );
      this.readings(d.facts, '        ');
      const note = this.disqualifiers.get(d.id)?.note;
      if (this.full && note !== undefined) this.wrapped(`${m.note}: `, this.t(note), '        ');
    }
  }

  private mandatorySection(): void {
    const { m, result } = this;
    this.heading(m.mandatory_heading);
    // A level's `mandatory:` is mandatory from that level up (a cap such as "a failed 1.1 keeps the
    // unit at Fair at most"): listed with its level, so the section never says there is none.
    const byLevel = (this.ruleset.document?.levels ?? []).flatMap((level) =>
      (level.mandatory ?? []).map((id) => ({ id, level })),
    );
    if (result.mandatory.length === 0 && byLevel.length === 0) this.push(`  ${m.mandatory_none}`);
    for (const c of result.mandatory) {
      const [mark, tone] = CRITERION_MARK[c.status];
      this.item(`${mark} ${c.id}`, `[${m[CRITERION_STATUS_KEY[c.status]]}]`, tone, this.criteria.get(c.id)?.text);
    }
    for (const { id, level } of byLevel) {
      const status = result.criteria.find((c) => c.id === id)?.status ?? 'unknown';
      const [mark, tone] = CRITERION_MARK[status];
      const from = interpolate(m.mandatory_from_level, { level: oneLine(this.t(level.label)) });
      this.item(`${mark} ${id}`, `[${m[CRITERION_STATUS_KEY[status]]}] (${from})`, tone, this.criteria.get(id)?.text);
    }
  }

  private totalSection(): void {
    const { m, result } = this;
    const total = result.total;
    if (total === undefined && (result.points_total === undefined || !this.showPoints)) return;
    this.heading(m.total_heading);
    if (total !== undefined) {
      const status = this.paint(GROUP_TONE[total.status], m[GROUP_STATUS_KEY[total.status]]);
      this.push(
        `  ${interpolate(m.total_line, { passed: total.passed_points, required: total.required })} → ${status}`,
      );
    }
    if (result.points_total !== undefined && this.showPoints)
      this.push(`  ${interpolate(m.points_total_line, { points: this.points(result.points_total) })}`);
  }

  private missingSection(): void {
    const { m, result } = this;
    this.heading(m.missing_heading);
    // Undetermined with no fact missing: some value the rules need has none for this unit (a
    // division by 0 with `if_zero: unknown`, a table with no cell for it). "Every fact was
    // supplied" alone would read as a contradiction; say where to look instead.
    if (result.missing.length === 0)
      this.push(`  ${result.decision === 'undetermined' ? m.missing_none_undetermined : m.missing_none}`);
    // First what can still change the decision, then what is missing but no longer matters.
    const needed = new Set(result.needed);
    for (const id of result.needed) this.factLine(id);
    // Decided, but the level is still open: what can still raise (or lower) it.
    const forLevel = (result.level?.needed ?? []).filter((id) => !needed.has(id));
    if (forLevel.length > 0) {
      this.push(`  ${m.missing_level}`);
      for (const id of forLevel) {
        this.factLine(id);
        needed.add(id);
      }
    }
    const others = result.missing.filter((id) => !needed.has(id));
    if (others.length > 0) {
      this.push(`  ${m.missing_other}`);
      for (const id of others) this.factLine(id);
    }
  }

  private factLine(id: string): void {
    const info = this.named.get(id);
    const unit = info?.unit !== undefined ? ` (${this.t(info.unit)})` : '';
    const label =
      info?.label !== undefined
        ? `${oneLine(this.t(info.label))}${unit} — ${id}`
        : id === DATE_NAME
          ? `${this.m.date} — ${id}`
          : id;
    this.push(`  - ${label}`);
  }

  // ── pieces ──────────────────────────────────────────────────────────────────

  /** `  ✓ 1.1  [đạt] text`, the text shortened, or wrapped in full when `full` is set. */
  private item(head: string, tags: string, tone: Tone, text: LocalizedText | undefined): void {
    const coloured = `${this.paint(tone, head)}  ${this.paint(tone, tags)}`;
    const plain = `  ${head}  ${tags} `;
    const body = text === undefined ? '' : this.t(text);
    if (!this.full) {
      this.push(`  ${coloured}${body === '' ? '' : ` ${shorten(body, SHORT_TEXT)}`}`);
      return;
    }
    const indent = '        ';
    const [first = '', ...rest] = wrap(body, Math.max(20, WRAP_WIDTH - plain.length), WRAP_WIDTH - indent.length);
    this.push(`  ${coloured}${first === '' ? '' : ` ${first}`}`);
    for (const line of rest) this.push(`${indent}${line}`);
  }

  /**
   * The derived quantities a criterion compares, with their value against the threshold:
   * `· Thu nhập bình quân: 57.2 → cần ≥ 58`. Computed from the facts the criterion read.
   */
  private derivedReadings(c: CriterionResult, info: CriterionInfo | undefined, indent: string): void {
    const { ruleset } = this;
    if (!ruleset.derived?.length || ruleset.derivedValues === undefined || info === undefined) return;
    const variant = c.variant === null ? undefined : info.variants?.find((v) => v.id === c.variant);
    const thresholds = (variant?.condition ?? info.condition)?.thresholds ?? [];
    const derived = new Map(ruleset.derived.map((d) => [d.id, d]));
    const compared = thresholds.filter((t) => t.kind === 'compare' && derived.has(t.fact));
    if (compared.length === 0) return;
    const factIds = new Set(ruleset.facts.map((f) => f.id));
    const facts: Record<string, FactValue> = {};
    for (const f of c.facts) if (f.value !== null) facts[f.id] = f.value;
    const assessment = { ...this.unitRead(), facts };
    const values = ruleset.derivedValues(assessment);
    const exact = ruleset.derivedExact?.(assessment);
    for (const t of compared) {
      if (t.kind !== 'compare') continue;
      const d = derived.get(t.fact);
      const value = values.get(t.fact);
      if (d === undefined) continue;
      // A parameter's name shows as its value for this unit (a table's cell): "needs ≥ 58",
      // written with the report's decimal mark as the value beside it is ("cần ≥ 52,5").
      const threshold =
        (typeof t.value === 'string' ? parameterValue(ruleset, t.value, assessment) : undefined) ?? t.value;
      if (value === undefined) {
        // Every fact it reads was given, yet it has no value: a divisor was 0 and the file says
        // `if_zero: unknown`. Said here, or the reader sees an unknown criterion with no data missing.
        if (d.ifZero === 'unknown' && d.reads.every((id) => !factIds.has(id) || id in facts))
          this.push(
            `${indent}  · ${oneLine(this.t(d.label))}: ${interpolate(this.m.derived_zero_unknown, {
              expression: d.expression,
              op: SYMBOL[t.op],
              threshold: formatDecimalText(String(threshold), this.lang),
            })}`,
          );
        continue;
      }
      const unit = d.unit !== undefined ? unitAfter(this.t(d.unit)) : '';
      const shown = shownBeside(value, exact?.get(t.fact), typeof threshold === 'number' ? threshold : undefined);
      const line = interpolate(this.m.derived_value, {
        value: `${formatDecimalText(shown, this.lang)}${unit}`,
        op: SYMBOL[t.op],
        threshold: formatDecimalText(String(threshold), this.lang),
      });
      this.push(`${indent}  · ${oneLine(this.t(d.label))}: ${line}`);
    }
  }

  /**
   * A fact compared with a parameter (`{ fact: events_held, at_least: events_min }`): the fact's
   * value against the parameter's for this unit, `· Số hoạt động: 2 hoạt động → cần ≥ 5`. A number
   * written in the rule is in the criterion's text; a table's cell is not, and it differs by
   * context and date, so the reader is told which value this unit had to reach.
   */
  private parameterReadings(c: CriterionResult, info: CriterionInfo | undefined, indent: string): void {
    if (info === undefined || c.status === 'not_applicable') return;
    const variant = c.variant === null ? undefined : info.variants?.find((v) => v.id === c.variant);
    const derived = new Set(this.ruleset.derived?.map((d) => d.id) ?? []);
    const unit = { ...this.unitRead(), facts: {} };
    const shown = new Set<string>();
    for (const t of (variant?.condition ?? info.condition)?.thresholds ?? []) {
      // A string value is a parameter's name, or a rating's value (which names no parameter).
      if (t.kind !== 'compare' || typeof t.value !== 'string' || derived.has(t.fact)) continue;
      const fact = c.facts.find((f) => f.id === t.fact);
      if (fact === undefined || typeof fact.value !== 'number') continue;
      const threshold = parameterValue(this.ruleset, t.value, unit);
      if (threshold === undefined) continue;
      const line = `${indent}  · ${this.labelOf(t.fact)}: ${interpolate(this.m.derived_value, {
        value: this.value(t.fact, fact.value, true),
        op: SYMBOL[t.op],
        threshold: formatDecimalText(String(threshold), this.lang),
      })}`;
      if (!shown.has(line)) this.push(line);
      shown.add(line);
    }
  }

  /**
   * A share compared with a parameter (`"percent(part, whole, 0) <= table"`, as rule-format.md
   * writes it): the share and the parameter's value in force for this unit,
   * `· Tỷ lệ "<part's label>" trên "<whole's label>": 3,33% → cần ≤ 3%`. Found among the
   * condition's thresholds, read through their function's hooks (compile/functions/). Shown
   * rounded to 2 decimals; the decision compared the exact fraction.
   */
  private shareReading(c: CriterionResult, info: CriterionInfo | undefined, indent: string): void {
    if (info === undefined || c.status === 'not_applicable') return;
    const variant = c.variant === null ? undefined : info.variants?.find((v) => v.id === c.variant);
    const facts = (id: string) => c.facts.find((f) => f.id === id)?.value;
    const unit = { ...this.unitRead(), facts: {} };
    const shown = new Set<string>();
    for (const t of (variant?.condition ?? info.condition)?.thresholds ?? []) {
      if (t.kind === 'compare') continue;
      const shape = thresholdShape(t);
      const parameter = shape?.value;
      if (shape?.ratio === undefined || typeof parameter !== 'string') continue;
      const exact = thresholdHooks(t.kind)?.measure(t, facts);
      const threshold = parameterValue(this.ruleset, parameter, unit);
      if (exact === undefined || threshold === undefined) continue;
      // 2 decimals, more when rounding would show the share on the other side of (or at) the value.
      const side = compare(exact, fromNumber(threshold));
      let share = toDecimalText(exact, 2);
      for (
        let places = 3;
        places <= 9 && compare(parseDecimal(share) ?? exact, fromNumber(threshold)) !== side;
        places++
      )
        share = toDecimalText(exact, places);
      const sign = shape.unit === 'percent' ? '%' : '';
      const label = interpolate(this.m.share_label, {
        part: this.labelOf(shape.ratio.part),
        whole: this.labelOf(shape.ratio.whole),
      });
      const line = `${indent}  · ${label}: ${interpolate(this.m.derived_value, {
        value: `${formatDecimalText(share, this.lang)}${sign}`,
        op: SYMBOL[shape.op],
        threshold: `${formatDecimalText(String(threshold), this.lang)}${sign}`,
      })}`;
      // A named condition's thresholds come with the criterion's: one line each.
      if (!shown.has(line)) this.push(line);
      shown.add(line);
    }
  }

  /** The unit's date and context as an assessment gives them: what a parameter's value is looked up by. */
  private unitRead(): { area?: { date: string } | { year: number }; context: Record<string, string | boolean> } {
    const context: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(this.result.context)) if (typeof v !== 'number') context[k] = v;
    const { date, year } = this.result.area ?? {};
    // The date, or the year given alone (its table values known only where the whole year agrees).
    const area = date !== undefined ? { date } : year !== undefined ? { year } : undefined;
    return { ...(area !== undefined ? { area } : {}), context };
  }

  /** The facts a condition read: `· Tổng số hộ: 120 hộ`. */
  private readings(facts: readonly FactReading[], indent: string): void {
    if (facts.length === 0) return;
    this.push(`${indent}${this.m.facts}:`);
    for (const f of facts) {
      const known = f.value === null ? this.paint('yellow', this.m.value_null) : this.value(f.id, f.value, true);
      const value =
        f.implied_by === undefined
          ? known
          : interpolate(this.m.value_implied_zero, { value: known, whole: this.labelOf(f.implied_by) });
      this.push(`${indent}  · ${this.labelOf(f.id)}: ${value}`);
    }
  }

  private value(id: string, value: FactValue | null, withUnit: boolean): string {
    if (value === null) return this.m.value_null;
    const info = this.named.get(id);
    const unit = withUnit && typeof value === 'number' && info?.unit !== undefined ? unitAfter(this.t(info.unit)) : '';
    return `${printValue(info, value, this.valueWords)}${unit}`;
  }

  private labelOf(id: string): string {
    const label = this.named.get(id)?.label;
    if (label === undefined && id === DATE_NAME) return this.m.date; // read like a fact, declared by none
    return label !== undefined ? oneLine(this.t(label)) : id;
  }

  private groupTitle(id: string): string {
    const title = this.groups.get(id)?.title;
    return title !== undefined ? oneLine(this.t(title)) : id;
  }

  /** Reasons quote their criterion or disqualifier in full: they are what the decision rests on. */
  private fullText(text: LocalizedText | undefined): string {
    return text === undefined ? '' : oneLine(this.t(text));
  }

  private shortText(text: LocalizedText | undefined): string {
    if (text === undefined) return '';
    return this.full ? oneLine(this.t(text)) : shorten(this.t(text), SHORT_TEXT);
  }

  private wrapped(prefix: string, text: string, indent: string): void {
    const width = WRAP_WIDTH - indent.length;
    const [first = '', ...rest] = wrap(text, width - prefix.length, width);
    this.push(`${indent}${this.paint('dim', prefix + first)}`);
    for (const line of rest) this.push(`${indent}${this.paint('dim', line)}`);
  }

  private t(text: LocalizedText): string {
    return text[this.lang];
  }

  private field(name: string, value: string): void {
    this.push(`${name}: ${value}`);
  }

  private heading(text: string): void {
    this.push('', this.paint('dim', RULE), this.paint('bold', text));
  }

  private push(...lines: string[]): void {
    this.lines.push(...lines);
  }
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function isPoints(g: GroupResult): boolean {
  return 'at_least_points' in g.requirement;
}

/** `sha256:0123456789ab…`: enough to tell versions apart in a printed report. */
function shortHash(hash: string): string {
  const [algorithm, hex] = hash.includes(':') ? hash.split(':', 2) : ['', hash];
  const short = (hex ?? '').length > 12 ? `${(hex ?? '').slice(0, 12)}…` : (hex ?? '');
  return algorithm === '' ? short : `${algorithm}:${short}`;
}

/**
 * The gap analysis as text, for a person: Vietnamese by default, or English. Pure and
 * browser-safe. The JSON form is the GapReport itself (schemas/gap.schema.json).
 *
 * Layout: each standard short of its requirement (how many more, then the criteria that could
 * pass: text, threshold, data, the changes needed) → mandatory criteria → disqualifying cases →
 * total points → missing facts grouped by what they decide → one checked plan and its decision.
 */
import { DATE_NAME } from '../compile/parameter-table.js';
import { formatDecimalText } from './report-number.js';
import type { Threshold } from '../compile/compiled-ruleset.js';
import { checkLanguage } from '../diagnostics/language.js';
import { SYMBOL } from '../compile/expression/compare-ops.js';
import { thresholdHooks, thresholdShape } from '../compile/functions/index.js';
import { type FactDeclaration, printValue, type ValueWords } from '../compile/fact-types/index.js';
import type { Decision, FactReading, FactValue } from '../evaluate/result.js';
import type { LocalizedText, ValueDeclaration } from '../validate/ruleset-document.js';
import { explainMessages, type ExplainLang, type ExplainRuleset, laterExcluded } from './explain-text.js';
import type {
  GapChange,
  GapCriterion,
  GapDerived,
  GapDisqualifier,
  GapObstacle,
  GapReport,
  GapStandard,
  GapUndecided,
} from './gap-report.js';
import { gapEn, type GapMessageKey, type GapMessages } from './messages/gap-en.js';
import { gapVi } from './messages/gap-vi.js';
import { GENERIC_WORDS, withWords } from '../compile/words.js';
import { interpolate, oneLine, painter, shorten, type Tone, unitAfter, wrap } from './text-tools.js';
import { declaredParameter } from './declared-parameters.js';

export interface ExplainGapOptions {
  readonly lang?: ExplainLang;
  /** ANSI colour; off by default. */
  readonly color?: boolean;
  /** Full criterion texts instead of texts shortened to about 100 characters. */
  readonly full?: boolean;
}

const gapMessages: Readonly<Record<ExplainLang, GapMessages>> = { vi: gapVi, en: gapEn };

const SHORT_TEXT = 100;
const WRAP_WIDTH = 100;
const RULE = '─'.repeat(72);
const OBSTACLE_KEY: Readonly<Record<GapObstacle, GapMessageKey>> = {
  context: 'obstacle_context',
  empty_whole: 'obstacle_empty_whole',
  whole_unknown: 'obstacle_whole_unknown',
  bounds: 'obstacle_bounds',
  unsupported: 'obstacle_unsupported',
};
const DECISION_KEY = {
  recognised: 'decision_recognised',
  not_recognised: 'decision_not_recognised',
  undetermined: 'decision_undetermined',
} as const satisfies Record<Decision, string>;
const DECISION_TONE: Readonly<Record<Decision, Tone>> = {
  recognised: 'green',
  not_recognised: 'red',
  undetermined: 'yellow',
};

interface Describable extends FactDeclaration {
  readonly label?: LocalizedText;
  readonly unit?: LocalizedText;
  readonly values?: readonly ValueDeclaration[];
}

/** Render a gap analysis. The string has no trailing newline. */
export function explainGap(gap: GapReport, ruleset: ExplainRuleset, options: ExplainGapOptions = {}): string {
  return new GapText(gap, ruleset, options).render();
}

class GapText {
  private readonly lang: ExplainLang;
  private readonly m: GapMessages;
  private readonly words: (typeof explainMessages)[ExplainLang];
  private readonly paint: (tone: Tone, text: string) => string;
  private readonly full: boolean;
  private readonly numbers: Intl.NumberFormat;
  /** How values print in this language (compile/fact-types/ says how each type prints). */
  private readonly valueWords: ValueWords;
  private readonly named: ReadonlyMap<string, Describable>;
  private readonly lines: string[] = [];

  constructor(
    private readonly gap: GapReport,
    private readonly ruleset: ExplainRuleset,
    options: ExplainGapOptions,
  ) {
    const lang = options.lang ?? 'vi';
    checkLanguage(lang, 'explainGap');
    this.lang = lang;
    const words = ruleset.words ?? GENERIC_WORDS;
    this.m = withWords(gapMessages[this.lang], words, this.lang);
    this.words = withWords(explainMessages[this.lang], words, this.lang);
    this.paint = painter(options.color === true);
    this.full = options.full === true;
    this.numbers = new Intl.NumberFormat(this.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 4 });
    this.valueWords = {
      yes: this.words.value_true,
      no: this.words.value_false,
      number: (n) => this.numbers.format(n),
      label: (text) => oneLine(this.t(text)),
    };
    // Derived quantities first, so a fact of the same name (none: ids are unique) would win.
    this.named = new Map<string, Describable>([
      ...(ruleset.derived ?? []).map(
        (d) => [d.id, { type: 'number', label: d.label, ...(d.unit ? { unit: d.unit } : {}) }] as const,
      ),
      ...ruleset.context.map((c) => [c.id, c] as const),
      ...ruleset.facts.map((f) => [f.id, f] as const),
    ]);
  }

  render(): string {
    const { m, gap } = this;
    // An undetermined result is not "short" of anything yet: its heading says what is missing instead.
    const heading = gap.decision === 'undetermined' ? m.heading_undetermined : m.heading;
    this.push('', this.paint('dim', RULE), this.paint('bold', heading));
    if (gap.decision === 'recognised') {
      this.push(`  ${m.recognised}`);
      this.levels();
      return this.lines.join('\n');
    }
    for (const s of gap.standards) this.standard(s);
    if (gap.mandatory.length > 0) {
      this.push('', `  ${this.paint('bold', m.mandatory_heading)}`);
      for (const c of gap.mandatory) this.criterion(c);
    }
    if (gap.disqualifiers.length > 0) {
      this.push('', `  ${this.paint('bold', m.disqualifiers_heading)}`);
      for (const d of gap.disqualifiers) this.disqualifier(d);
    }
    if (gap.total !== undefined) {
      const t = gap.total;
      this.push('');
      this.bullet(
        '  ',
        interpolate(m.total_more, {
          passed: t.passed_points,
          required: t.required,
          more_points: t.more_points,
          more: t.more,
        }),
      );
    }
    this.undecided();
    this.plan();
    this.levels();
    return this.lines.join('\n');
  }

  /** Each level above the one reached: what it lacks, then the ways found, each checked. */
  private levels(): void {
    const { m, gap } = this;
    if (gap.levels === undefined || gap.levels.length === 0) return;
    this.push('', this.paint('dim', RULE), this.paint('bold', m.levels_heading));
    for (const [li, level] of gap.levels.entries()) {
      this.push('', `  ${this.paint('bold', interpolate(m.level_head, { label: this.t(level.label), id: level.id }))}`);
      if (li > 0) this.bullet('    ', this.paint('dim', m.level_after));
      for (const lack of level.lacking) this.bullet('    - ', this.lack(lack));
      // "N more points" is already in the lacking line of a points requirement; said alone otherwise.
      if (level.more_points !== undefined && !level.lacking.some((l) => 'unit' in l && l.unit === 'points'))
        this.bullet('    ', interpolate(m.level_more_points, { more_points: level.more_points }));
      if (level.ways.length === 0) this.bullet('    ', this.paint('yellow', m.level_no_way));
      level.ways.forEach((way, i) => {
        // The way to the level below may reach this one too: a heading over no change read as lost.
        if (way.changes.length === 0) {
          this.bullet('    ', m.level_already);
          return;
        }
        const reached = this.ruleset.levels?.find((l) => l.id === way.reached);
        this.bullet(
          '    ',
          interpolate(m.level_way, {
            n: i + 1,
            level: reached === undefined ? String(way.reached) : this.t(reached.label),
          }),
        );
        for (const change of way.changes) this.bullet('      → ', this.change(change));
      });
    }
  }

  private lack(lack: NonNullable<GapReport['levels']>[number]['lacking'][number]): string {
    const { m } = this;
    if (lack.kind === 'mandatory') return interpolate(m.lack_mandatory, { id: lack.id });
    if (lack.kind === 'disqualifier') return interpolate(m.lack_disqualifier, { id: lack.id });
    if (!('unit' in lack)) return lack.id;
    const title =
      lack.kind === 'group'
        ? shorten(this.groupTitle(lack.id ?? ''), SHORT_TEXT)
        : lack.kind === 'total'
          ? m.lack_total
          : interpolate(m.lack_list, { n: (lack.index ?? 0) + 1 });
    return interpolate(lack.unit === 'points' ? m.lack_points : m.lack_criteria, {
      title,
      need: lack.need,
      have: lack.have,
      more: Math.max(0, lack.need - lack.have),
    });
  }

  private standard(s: GapStandard): void {
    const { m } = this;
    const title = this.t(this.ruleset.groups.find((g) => g.id === s.id)?.title ?? s.title);
    this.push('');
    const line =
      s.more_points !== undefined
        ? interpolate(m.standard_more_points, {
            title,
            points: s.passed_points ?? 0,
            required: s.required,
            more_points: s.more_points,
            more: s.more,
          })
        : interpolate(m.standard_more, {
            title,
            passed: s.passed,
            applicable: s.applicable,
            required: s.required,
            more: s.more,
          });
    for (const [i, text] of wrap(line, WRAP_WIDTH - 2, WRAP_WIDTH - 4).entries())
      this.push(i === 0 ? `  ${this.paint('bold', text)}` : `    ${text}`);
    // Left out of the count: criteria that do not apply, and those that count only from a higher
    // level (`from_level`), which are not "not applicable" and must not be called so.
    const later = laterExcluded(this.ruleset, s.id, s.excluded);
    const excluded = s.excluded - later;
    if (excluded > 0)
      this.push(`    ${this.paint('dim', interpolate(m.standard_excluded, { excluded, applicable: s.applicable }))}`);
    if (later > 0)
      this.push(`    ${this.paint('dim', interpolate(m.standard_later, { later, applicable: s.applicable }))}`);
    if (s.candidates.every((c) => !c.achievable)) this.push(`    ${m.no_candidates}`);
    if (s.candidates.length > 0) this.push(`    ${m.candidates}`);
    for (const c of s.candidates) this.criterion(c);
  }

  private criterion(c: GapCriterion): void {
    const status =
      this.words[
        c.status === 'not_applicable'
          ? 'status_not_applicable'
          : c.status === 'unknown'
            ? 'status_unknown'
            : 'status_fail'
      ];
    const mark = c.status === 'unknown' ? '?' : '✗';
    const tone: Tone = c.status === 'unknown' ? 'yellow' : 'red';
    const tags = [status, ...(c.mandatory ? [this.words.mandatory_tag] : [])].join(', ');
    this.item(`${this.paint(tone, `${mark} ${c.id}`)}  ${this.paint(tone, `[${tags}]`)}`, c.text);
    this.details(c.thresholds, c.facts, c);
  }

  private disqualifier(d: GapDisqualifier): void {
    const status = this.words[d.status === 'applies' ? 'dq_applies' : 'dq_unknown'];
    const tone: Tone = d.status === 'applies' ? 'red' : 'yellow';
    this.item(
      `${this.paint(tone, `${d.status === 'applies' ? '✗' : '?'} ${d.id}`)}  ${this.paint(tone, `[${status}]`)}`,
      d.text,
    );
    this.details(d.thresholds, d.facts, d);
  }

  private details(
    thresholds: readonly Threshold[],
    facts: readonly FactReading[],
    outcome: {
      readonly achievable: boolean;
      readonly obstacle?: GapObstacle;
      readonly changes: readonly GapChange[];
      readonly alternatives?: readonly (readonly GapChange[])[];
      readonly derived?: readonly GapDerived[];
      readonly parameters?: Readonly<Record<string, number>>;
    },
  ): void {
    const { m } = this;
    const indent = '          ';
    if (thresholds.length > 0)
      this.push(
        `${indent}${m.threshold}: ${thresholds.map((t) => this.threshold(t, outcome.parameters ?? {})).join('; ')}`,
      );
    if (facts.length > 0) {
      this.push(`${indent}${m.facts}:`);
      for (const f of facts) this.push(`${indent}  · ${this.label(f.id)}: ${this.value(f.id, f.value, true)}`);
    }
    for (const d of outcome.derived ?? []) this.bullet(`${indent}  · `, this.derived(d));
    if (!outcome.achievable) {
      this.bullet(indent, this.paint('yellow', m[OBSTACLE_KEY[outcome.obstacle ?? 'unsupported']]));
      return;
    }
    this.push(`${indent}${m.changes}:`);
    for (const change of outcome.changes) this.bullet(`${indent}  → `, this.change(change));
    for (const alternative of outcome.alternatives ?? []) {
      this.push(`${indent}${m.alternative}`);
      for (const change of alternative) this.bullet(`${indent}  → `, this.change(change));
    }
  }

  /** A derived quantity the criterion reads: its value now, after the changes, and what it needs. */
  private derived(d: GapDerived): string {
    const { m } = this;
    const info = this.ruleset.derived?.find((x) => x.id === d.id);
    const label = info === undefined ? d.id : oneLine(this.t(info.label));
    const unit = info?.unit === undefined ? '' : ` ${this.t(info.unit)}`;
    const needs =
      d.threshold === undefined || d.op === undefined
        ? ''
        : interpolate(m.derived_needs, { op: SYMBOL[d.op], threshold: this.numbers.format(d.threshold) });
    const current = d.current === null ? this.words.value_null : `${formatDecimalText(d.current, this.lang)}${unit}`;
    const suggested = d.suggested === undefined ? undefined : `${formatDecimalText(d.suggested, this.lang)}${unit}`;
    return suggested === undefined
      ? interpolate(m.derived_value, { label, current, needs })
      : interpolate(m.derived_change, { label, current, suggested, needs });
  }

  private undecided(): void {
    const { m, gap } = this;
    if (gap.undecided.length === 0) return;
    this.push('', `  ${this.paint('bold', m.undecided_heading)}`);
    for (const u of gap.undecided) {
      this.bullet('    - ', this.undecidedHead(u));
      for (const id of u.facts) this.push(`        · ${this.label(id)}${this.unitInBrackets(id)} — ${id}`);
    }
  }

  private undecidedHead(u: GapUndecided): string {
    const { m } = this;
    const criteria = u.criteria.join(', ');
    if (u.kind === 'standard')
      return interpolate(m.undecided_standard, { title: shorten(this.groupTitle(u.id), SHORT_TEXT), criteria });
    if (u.kind === 'mandatory') return interpolate(m.undecided_mandatory, { id: u.id });
    if (u.kind === 'disqualifier') return interpolate(m.undecided_disqualifier, { id: u.id });
    return interpolate(m.undecided_total, { criteria });
  }

  private plan(): void {
    const { m, gap } = this;
    const plan = gap.plan;
    this.push('');
    if (gap.decision === 'undetermined') {
      this.planForMissing();
      return;
    }
    if (plan.changes.length === 0) {
      this.push(`  ${this.paint('bold', m.plan_none)}`);
      return;
    }
    this.push(`  ${this.paint('bold', m.plan_heading)}`);
    for (const change of plan.changes) this.bullet('    → ', this.change(change));
    const decision = this.paint(DECISION_TONE[plan.decision], this.words[DECISION_KEY[plan.decision]]);
    this.push(`  ${interpolate(plan.decision === 'recognised' ? m.plan_result : m.plan_partial, { decision })}`);
  }

  /**
   * The plan of an undetermined result: its changes are mostly values for missing facts, so the
   * heading says so, and when even they leave it undetermined the closing lines name the facts
   * still missing and the parts of the decision they would settle.
   */
  private planForMissing(): void {
    const { m, gap } = this;
    const plan = gap.plan;
    if (plan.changes.length === 0) {
      this.heading(m.plan_none_missing);
      this.stillMissing(gap.needed);
      return;
    }
    const onlyMissing = plan.changes.every((c) => c.current === null);
    this.heading(
      plan.decision !== 'recognised'
        ? m.plan_heading_missing_partial
        : onlyMissing
          ? m.plan_heading_missing
          : m.plan_heading_missing_changed,
    );
    for (const change of plan.changes) this.bullet('    → ', this.change(change));
    const decision = this.paint(DECISION_TONE[plan.decision], this.words[DECISION_KEY[plan.decision]]);
    if (plan.decision === 'recognised') this.push(`  ${interpolate(m.plan_result_missing, { decision })}`);
    else if (plan.decision === 'undetermined') this.stillMissing(plan.still_needed ?? gap.needed);
    else this.push(`  ${interpolate(m.plan_missing_partial, { decision })}`);
  }

  /** "Still missing: …" and what those facts would decide (the undecided parts that read them). */
  private stillMissing(facts: readonly string[]): void {
    const { m, gap } = this;
    if (facts.length === 0) return;
    const missing = new Set(facts);
    this.bullet('  ', interpolate(m.plan_still_missing, { facts: facts.map((id) => this.label(id)).join('; ') }));
    const parts = gap.undecided.filter((u) => u.facts.some((f) => missing.has(f))).map((u) => this.undecidedHead(u));
    if (parts.length > 0) this.bullet('  ', interpolate(m.plan_would_decide, { parts: parts.join('; ') }));
  }

  /** A bold heading, wrapped to the width like every other line. */
  private heading(text: string): void {
    for (const line of wrap(text, WRAP_WIDTH - 2, WRAP_WIDTH - 2)) this.push(`  ${this.paint('bold', line)}`);
  }

  // ── pieces ──────────────────────────────────────────────────────────────────

  private change(c: GapChange): string {
    const { m } = this;
    const label = this.label(c.fact);
    const current = this.value(c.fact, c.current, false);
    const suggested = this.value(c.fact, c.suggested, false);
    if (c.percent === undefined) return interpolate(m.change, { label, current, suggested });
    const p = c.percent;
    const additional =
      p.additional === null || p.additional === 0
        ? ''
        : interpolate(p.additional > 0 ? m.more_items : m.fewer_items, {
            count: this.numbers.format(Math.abs(p.additional)),
          });
    return interpolate(m.change_percent, {
      label,
      current,
      suggested,
      required_part: this.numbers.format(p.required_part),
      whole_value: this.numbers.format(p.whole_value),
      unit: this.unit(p.whole),
      op: SYMBOL[p.op],
      threshold: this.numbers.format(p.threshold),
      additional,
    }).replace(/ {2,}/g, ' ');
  }

  /**
   * A threshold in the words of the report: facts by their labels, a number with its unit, a
   * parameter by its label and its value for this unit when it has one ("≤ Poverty ceiling (4%)").
   */
  private threshold(t: Threshold, values: Readonly<Record<string, number>>): string {
    // The unit a parameter's value prints with: a share's is %, a comparison's the parameter's or the fact's.
    const unit =
      t.kind === 'compare'
        ? (id: string) => {
            const own = declaredParameter(this.ruleset, id)?.unit;
            return unitAfter(own !== undefined ? this.t(own) : this.unit(t.fact));
          }
        : () => (thresholdShape(t)?.unit === 'percent' ? '%' : '');
    // A threshold may be a parameter's name (`at_least: income_min`, `percent(…) <= poverty_max`): its label.
    const name = (id: string) => {
      const parameter = declaredParameter(this.ruleset, id);
      if (parameter === undefined) return this.label(id);
      const label = parameter.label !== undefined ? oneLine(this.t(parameter.label)) : id;
      const value = Object.hasOwn(values, id) ? values[id] : undefined;
      return value === undefined ? label : `${label} (${this.numbers.format(value)}${unit(id)})`;
    };
    if (t.kind !== 'compare') return thresholdHooks(t.kind)?.print(t, (n) => this.numbers.format(n), name) ?? t.kind;
    const parameter = typeof t.value === 'string' ? declaredParameter(this.ruleset, t.value) : undefined;
    const value =
      parameter !== undefined && typeof t.value === 'string'
        ? name(t.value)
        : typeof t.value === 'number'
          ? `${this.numbers.format(t.value)}${unitAfter(this.unit(t.fact))}`
          : this.value(t.fact, t.value, false);
    return `${name(t.fact)} ${SYMBOL[t.op]} ${value}`;
  }

  /** `  ✗ 1.3  [không đạt] text`, shortened, or wrapped in full when `full` is set. */
  private item(head: string, text: LocalizedText): void {
    const body = this.t(text);
    if (!this.full) {
      this.push(`      ${head} ${shorten(body, SHORT_TEXT)}`);
      return;
    }
    const [first = '', ...rest] = wrap(body, WRAP_WIDTH - 30, WRAP_WIDTH - 10);
    this.push(`      ${head} ${first}`, ...rest.map((line) => `          ${line}`));
  }

  private bullet(marker: string, text: string): void {
    const indent = ' '.repeat(Array.from(marker).length);
    const [first = '', ...rest] = wrap(text, WRAP_WIDTH - indent.length, WRAP_WIDTH - indent.length);
    this.push(`${marker}${first}`, ...rest.map((line) => `${indent}${line}`));
  }

  private value(id: string, value: FactValue | null, withUnit: boolean): string {
    if (value === null) return this.words.value_null;
    const printed = printValue(this.named.get(id), value, this.valueWords);
    if (typeof value !== 'number') return printed;
    const unit = this.unit(id);
    return `${printed}${withUnit ? unitAfter(unit) : ''}`;
  }

  private label(id: string): string {
    const label = this.named.get(id)?.label;
    if (label === undefined && id === DATE_NAME) return this.words.date; // read like a fact, declared by none
    return label !== undefined ? oneLine(this.t(label)) : id;
  }

  private unit(id: string): string {
    const unit = this.named.get(id)?.unit;
    return unit !== undefined ? this.t(unit) : '';
  }

  private unitInBrackets(id: string): string {
    const unit = this.unit(id);
    return unit === '' ? '' : ` (${unit})`;
  }

  private groupTitle(id: string): string {
    const title = this.ruleset.groups.find((g) => g.id === id)?.title;
    return title !== undefined ? oneLine(this.t(title)) : id;
  }

  private t(text: LocalizedText): string {
    return text[this.lang];
  }

  private push(...lines: string[]): void {
    this.lines.push(...lines);
  }
}

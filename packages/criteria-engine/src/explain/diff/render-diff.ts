/**
 * The ruleset diff for people: plain text (a terminal, an e-mail) or Markdown (a wiki page, a
 * pull request), Vietnamese by default. Thresholds are written with the facts' labels and units
 * ("≥ 98% → ≥ 95% số hộ"), rewordings as word-level diffs, and, when assessments were compared,
 * each area whose decision changes with the statuses that moved. Pure and browser-safe.
 */
import { requirementValue } from '../../evaluate/requirement.js';
import { SYMBOL } from '../../compile/expression/compare-ops.js';
import { type FactDeclaration, printThreshold } from '../../compile/fact-types/index.js';
import { thresholdHooks } from '../../compile/functions/index.js';
import type { ThresholdShape } from '../../compile/functions/threshold-hooks.js';
import { checkLanguage } from '../../diagnostics/language.js';
import type {
  CriterionStatus,
  Decision,
  DecisionReason,
  DisqualifierStatus,
  GroupStatus,
  Requirement,
} from '../../evaluate/result.js';
import type { LocalizedText, ParameterDeclaration, ValueDeclaration } from '../../validate/ruleset-document.js';
import { en as explainEn, type ExplainMessages } from '../messages/en.js';
import { vi as explainVi } from '../messages/vi.js';
import { interpolate, painter, shorten, unitAfter, wrap } from '../text-tools.js';
import { formatReportNumber } from '../report-number.js';
import type { DiffRuleset } from './diff-rulesets.js';
import type { CompiledRuleset } from '../../compile/compiled-ruleset.js';
import { diffEn, type DiffMessageKey, type DiffMessages } from './messages/en.js';
import { diffVi } from './messages/vi.js';
import { textChange } from './word-diff.js';
import type {
  AreaDecision,
  ConditionChange,
  CountRequirementChange,
  LevelChange,
  LevelOutcome,
  PointsOptionSpec,
  PointsPartChange,
  PointsRange,
  PointsSpec,
  CriterionChange,
  GroupSize,
  DecisionImpact,
  DeclarationDiff,
  FieldChange,
  FieldValue,
  ItemDiff,
  NamedRef,
  PresenceChange,
  RulesetDiff,
  TextChange,
  ThresholdValue,
  VariantChange,
  WordPart,
} from './ruleset-diff.js';
import { declaredParameter } from '../declared-parameters.js';

export type DiffLang = keyof LocalizedText;
export type DiffFormat = 'text' | 'md';

export interface RenderDiffOptions {
  /** Vietnamese (the authority) by default. */
  readonly lang?: DiffLang;
  /** Plain text (default) or Markdown. */
  readonly format?: DiffFormat;
  /** ANSI colour for the text format: removed words red, added words green. Off by default. */
  readonly color?: boolean;
  /** What the change does to assessed areas (compareDecision for each, then summariseDecisions). */
  readonly impact?: DecisionImpact;
}

/** The two rulesets the diff was made from: labels, units and texts are looked up in them. */
export interface DiffRulesets {
  readonly before: DiffSide;
  readonly after: DiffSide;
}

/** One version as the report reads it; levels and derived quantities are absent in older descriptions. */
type DiffSide = Pick<DiffRuleset, 'facts' | 'context' | 'criteria' | 'groups' | 'disqualifiers'> &
  Partial<Pick<CompiledRuleset, 'levels' | 'derived' | 'document' | 'parameters'>>;

export const diffMessages: Readonly<Record<DiffLang, DiffMessages>> = { vi: diffVi, en: diffEn };

/** A fact or a context attribute, as far as the report describes it. */
interface Describable extends FactDeclaration {
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  readonly values?: readonly ValueDeclaration[];
}

const WIDTH = 100;
const SHORT_LABEL = 90;

/** The diff as text or Markdown; no trailing newline. */
export function renderDiff(diff: RulesetDiff, rulesets: DiffRulesets, options: RenderDiffOptions = {}): string {
  return new DiffReport(diff, rulesets, options).render();
}

interface Sink {
  title(text: string): void;
  section(text: string): void;
  subsection(text: string): void;
  item(depth: number, text: string): void;
  paragraph(text: string): void;
  /** A labelled line: "  Cũ: …" in text, "- **Cũ**: …" in Markdown. */
  field(label: string, value: string): void;
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void;
  /** Text from a rule file or an assessment, made safe for the format. */
  esc(text: string): string;
  code(text: string): string;
  strong(text: string): string;
  words(parts: readonly WordPart[]): string;
  /** Whether words() was used: then the report explains its markers. */
  readonly usedWords: boolean;
  /** Where the next line goes, to insert a paragraph there later. */
  mark(): number;
  insertParagraph(at: number, text: string): void;
  done(): string;
}

class TextSink implements Sink {
  private readonly lines: string[] = [];
  private readonly paint: ReturnType<typeof painter>;
  constructor(color: boolean) {
    this.paint = painter(color);
  }
  title(text: string) {
    this.lines.push(this.paint('bold', text));
  }
  section(text: string) {
    this.lines.push('', this.paint('bold', text));
  }
  subsection(text: string) {
    this.lines.push(`  ${this.paint('cyan', text)}`);
  }
  item(depth: number, text: string) {
    const marker = `${'  '.repeat(depth + 2)}${depth === 0 ? '•' : '-'} `;
    const indent = ' '.repeat(marker.length);
    const [first = '', ...rest] = wrap(text, WIDTH - marker.length, WIDTH - marker.length);
    this.lines.push(marker + first, ...rest.map((l) => indent + l));
  }
  paragraph(text: string) {
    this.lines.push(...wrap(text, WIDTH - 2, WIDTH - 2).map((l) => `  ${l}`));
  }
  field(label: string, value: string) {
    const head = `  ${label}: `;
    const [first = '', ...rest] = wrap(value, WIDTH - head.length, WIDTH - head.length);
    this.lines.push(head + first, ...rest.map((l) => ' '.repeat(head.length) + l));
  }
  table(headers: readonly string[], rows: readonly (readonly string[])[]) {
    for (const row of rows) this.item(0, row.map((cell, i) => `${headers[i]}: ${cell}`).join(' — '));
  }
  esc(text: string) {
    return text;
  }
  code(text: string) {
    return text;
  }
  strong(text: string) {
    return text;
  }
  usedWords = false;
  mark() {
    return this.lines.length;
  }
  insertParagraph(at: number, text: string) {
    this.lines.splice(at, 0, ...wrap(text, WIDTH - 2, WIDTH - 2).map((l) => `  ${l}`));
  }
  words(parts: readonly WordPart[]) {
    this.usedWords = true;
    return parts
      .map((p) =>
        p.op === 'same'
          ? p.text
          : p.op === 'removed'
            ? this.paint('red', `[-${p.text}-]`)
            : this.paint('green', `{+${p.text}+}`),
      )
      .join('');
  }
  done() {
    return this.lines.join('\n');
  }
}

class MarkdownSink implements Sink {
  private readonly lines: string[] = [];
  title(text: string) {
    this.lines.push(`# ${text}`, '');
  }
  section(text: string) {
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(`## ${text}`, '');
  }
  subsection(text: string) {
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(`### ${text}`, '');
  }
  item(depth: number, text: string) {
    this.lines.push(`${'  '.repeat(depth)}- ${text}`);
  }
  paragraph(text: string) {
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(text, '');
  }
  field(label: string, value: string) {
    this.lines.push(`- **${label}**: ${value}`);
  }
  table(headers: readonly string[], rows: readonly (readonly string[])[]) {
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`);
    for (const row of rows) this.lines.push(`| ${row.join(' | ')} |`);
  }
  esc(text: string) {
    return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~#]/g, '\\$&');
  }
  code(text: string) {
    return `\`${text.replace(/`/g, "'")}\``;
  }
  strong(text: string) {
    return `**${text}**`;
  }
  usedWords = false;
  mark() {
    return this.lines.length;
  }
  insertParagraph(at: number, text: string) {
    this.lines.splice(at, 0, text, '');
  }
  words(parts: readonly WordPart[]) {
    this.usedWords = true;
    return parts
      .map((p) => {
        const t = this.esc(p.text);
        if (p.op === 'same' || t.trim() === '') return t;
        // Emphasis must not start or end with a space: keep the spaces outside the markers.
        const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(t) ?? [];
        return p.op === 'removed' ? `${lead}~~${body}~~${trail}` : `${lead}**${body}**${trail}`;
      })
      .join('');
  }
  done() {
    while (this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n');
  }
}

class DiffReport {
  private readonly lang: DiffLang;
  private readonly m: DiffMessages;
  private readonly x: ExplainMessages;
  private readonly out: Sink;
  private readonly facts: ReadonlyMap<string, Describable>;

  constructor(
    private readonly diff: RulesetDiff,
    private readonly rulesets: DiffRulesets,
    private readonly options: RenderDiffOptions,
  ) {
    const lang = options.lang ?? 'vi';
    checkLanguage(lang, 'renderDiff');
    this.lang = lang;
    this.m = diffMessages[this.lang];
    this.x = this.lang === 'vi' ? explainVi : explainEn;
    this.out = options.format === 'md' ? new MarkdownSink() : new TextSink(options.color === true);
    // The new version's labels win; a fact only the old version has keeps its old label.
    this.facts = new Map<string, Describable>([
      ...rulesets.before.context.map((c) => [c.id, c] as const),
      ...rulesets.before.facts.map((f) => [f.id, f] as const),
      ...rulesets.after.context.map((c) => [c.id, c] as const),
      ...rulesets.after.facts.map((f) => [f.id, f] as const),
      // Derived quantities are read like facts: their labels and units word the thresholds on them.
      ...[...(rulesets.before.derived ?? []), ...(rulesets.after.derived ?? [])].map(
        (d): readonly [string, Describable] => [
          d.id,
          { type: 'number', label: d.label, ...(d.unit !== undefined ? { unit: d.unit } : {}) },
        ],
      ),
    ]);
  }

  render(): string {
    const { m, out, diff } = this;
    out.title(m.title);
    out.field(m.old, this.rulesetLine(diff.before));
    out.field(m.new, this.rulesetLine(diff.after));
    if (diff.identical) {
      out.paragraph(m.identical);
    } else {
      out.paragraph(
        this.say('summary', {
          added: diff.criteria.added.length,
          removed: diff.criteria.removed.length,
          renumbered: diff.criteria.renumbered.length,
          changed: diff.criteria.changed.filter((c) => c.changes.length > 0).length,
          dq_added: diff.disqualifiers.added.length,
          dq_removed: diff.disqualifiers.removed.length,
          dq_changed: diff.disqualifiers.changed.filter((c) => c.changes.length > 0).length,
          recognition: diff.recognition.length,
        }) +
          // Levels are counted only where some changed: a scheme without levels reads as before.
          this.levelsSummary(),
      );
    }
    // Explained once, before the first word-level diff, and only if there is one.
    const legendAt = out.mark();
    this.rulesetSection();
    this.itemSection('section_criteria', diff.criteria, 'criterion');
    this.recognitionSection();
    this.levelSection();
    this.groupSection();
    this.itemSection('section_disqualifiers', diff.disqualifiers, 'disqualifier');
    this.declarationSection('section_facts', diff.facts);
    this.declarationSection('section_context', diff.context);
    this.contextRulesSection();
    this.declarationSection('section_parameters', diff.parameters);
    this.declarationSection('section_derived', diff.derived);
    if (this.options.impact !== undefined) this.impactSection(this.options.impact);
    if (out.usedWords) out.insertParagraph(legendAt, this.options.format === 'md' ? m.legend_md : m.legend);
    return out.done();
  }

  // ── sections ──────────────────────────────────────────────────────────────────────────────

  private rulesetLine(r: RulesetDiff['before']): string {
    const line = this.say('ruleset_line', { id: r.id, version: r.version });
    const period =
      r.effective === null
        ? ''
        : r.effective.to !== undefined
          ? this.say('effective', { from: r.effective.from, to: r.effective.to })
          : this.say('effective_open', { from: r.effective.from });
    const title = shorten(this.t(r.title), 140);
    return `${this.out.esc(line)}${period === '' ? '' : ` (${period})`}: ${this.out.esc(title)}`;
  }

  private rulesetSection(): void {
    if (this.diff.ruleset.length === 0) return;
    this.out.section(this.m.section_ruleset);
    for (const c of this.diff.ruleset) this.out.item(0, this.fieldChange(c));
  }

  private itemSection(title: DiffMessageKey, items: ItemDiff, kind: 'criterion' | 'disqualifier'): void {
    const { out, m } = this;
    const changed = items.changed.filter((c) => c.changes.length > 0);
    if (items.added.length + items.removed.length + items.renumbered.length + changed.length === 0) return;
    out.section(m[title]);
    const where = (group: string | undefined) => (group === undefined ? '' : ` (${this.say('in_group', { group })})`);
    if (items.added.length > 0) {
      out.subsection(this.say('added', { count: items.added.length }));
      for (const a of items.added)
        out.item(0, `${out.strong(`+ ${a.id}`)}${where(a.group)}: ${out.esc(this.flat(this.t(a.text)))}`);
    }
    if (items.removed.length > 0) {
      out.subsection(this.say('removed', { count: items.removed.length }));
      for (const r of items.removed)
        out.item(0, `${out.strong(`− ${r.id}`)}${where(r.group)}: ${out.esc(this.flat(this.t(r.text)))}`);
    }
    if (items.renumbered.length > 0) {
      out.subsection(this.say('renumbered', { count: items.renumbered.length }));
      const texts = new Map(this.itemsOf(kind, 'after').map((i) => [i.id, i.text]));
      for (const r of items.renumbered) {
        const text = texts.get(r.after);
        out.item(
          0,
          `${out.strong(this.say('renumbered_line', r))}${text === undefined ? '' : `: ${out.esc(shorten(this.t(text), 120))}`}`,
        );
      }
    }
    if (changed.length > 0) {
      out.subsection(this.say('changed', { count: changed.length }));
      for (const c of changed) {
        const head =
          c.before_id !== undefined ? `${c.id} (${this.say('renumbered_from', { before: c.before_id })})` : c.id;
        out.item(0, out.strong(head));
        for (const change of c.changes) this.criterionChange(change);
      }
    }
  }

  private recognitionSection(): void {
    const { out, m, diff } = this;
    if (diff.recognition.length === 0) return;
    out.section(m.section_recognition);
    const criterionText = (id: string) => {
      const found =
        this.rulesets.after.criteria.find((c) => c.id === id) ?? this.rulesets.before.criteria.find((c) => c.id === id);
      return found === undefined ? '' : out.esc(shorten(this.t(found.text), 120));
    };
    for (const c of diff.recognition) {
      switch (c.kind) {
        case 'group_requirement':
          out.item(
            0,
            this.say('recognition_group_requirement', {
              before: this.requirement(c.before),
              after: this.requirement(c.after),
            }),
          );
          break;
        case 'mandatory_added':
          out.item(0, this.say('recognition_mandatory_added', { id: out.strong(c.id), text: criterionText(c.id) }));
          break;
        case 'mandatory_removed':
          out.item(0, this.say('recognition_mandatory_removed', { id: out.strong(c.id), text: criterionText(c.id) }));
          break;
        case 'total_requirement':
          out.item(
            0,
            this.say('recognition_total', { before: this.requirement(c.before), after: this.requirement(c.after) }),
          );
          break;
        case 'disqualifiers':
          out.item(
            0,
            this.say('recognition_disqualifiers', { before: this.blockWord(c.before), after: this.blockWord(c.after) }),
          );
          break;
        case 'note':
          this.textItem(0, m.recognition_note, c.change);
          break;
        default:
          out.item(0, this.countRequirementChange(c));
      }
    }
  }

  private levelsSummary(): string {
    const l = this.diff.levels;
    if (l.added.length + l.removed.length + l.changed.length === 0 && l.order === null) return '';
    return ` ${this.say('summary_levels', { added: l.added.length, removed: l.removed.length, changed: l.changed.length })}`;
  }

  private countRequirementChange(c: CountRequirementChange): string {
    const of = (ids: readonly string[]) => ids.join(', ');
    if (c.kind === 'requirement_changed')
      return this.say('requirement_changed', {
        of: of(c.of),
        before: this.requirement(c.before),
        after: this.requirement(c.after),
      });
    return this.say(c.kind, { requirement: this.requirement(c.requirement.requirement), of: of(c.requirement.of) });
  }

  private levelSection(): void {
    const { out, m } = this;
    const d = this.diff.levels;
    if (d.added.length + d.removed.length + d.changed.length === 0 && d.order === null) return;
    out.section(m.section_levels);
    for (const a of d.added) out.item(0, this.say('level_added', { id: a.id, label: out.esc(this.t(a.label)) }));
    for (const r of d.removed) out.item(0, this.say('level_removed', { id: r.id, label: out.esc(this.t(r.label)) }));
    if (d.order !== null)
      out.item(
        0,
        this.say('level_order', {
          before: d.order.before.map((id) => this.levelName(id)).join(', '),
          after: d.order.after.map((id) => this.levelName(id)).join(', '),
        }),
      );
    for (const c of d.changed) {
      out.item(0, out.strong(this.say('level_changed', { id: c.id, label: this.levelName(c.id) })));
      for (const change of c.changes) this.levelChange(change);
    }
  }

  private levelChange(c: LevelChange): void {
    const { out, m } = this;
    switch (c.kind) {
      case 'label':
        this.textItem(1, m.change_label, c.change);
        return;
      case 'note':
        this.textItem(1, m.change_note, c.change);
        return;
      case 'group_requirement':
        out.item(1, this.say('recognition_group_requirement', this.requirements(c)));
        return;
      case 'group':
        out.item(1, this.say('level_group', { group: c.group, ...this.requirements(c) }));
        return;
      case 'total_requirement':
        out.item(1, this.say('recognition_total', this.requirements(c)));
        return;
      case 'mandatory_added':
      case 'mandatory_removed':
        out.item(1, this.say(`level_${c.kind}`, { id: out.strong(c.id) }));
        return;
      case 'disqualifier_added':
      case 'disqualifier_removed':
        out.item(1, this.say(`level_${c.kind}`, { id: out.strong(c.id) }));
        return;
      default:
        out.item(1, this.countRequirementChange(c));
    }
  }

  private requirements(c: { readonly before: Requirement | null; readonly after: Requirement | null }) {
    return { before: this.requirement(c.before), after: this.requirement(c.after) };
  }

  /** A level by its label in one version (the new one first by default, then the other), else its id. */
  private levelName(id: string | null, side: 'before' | 'after' = 'after'): string {
    if (id === null) return this.m.every_level;
    const other = side === 'after' ? 'before' : 'after';
    const level =
      this.rulesets[side].levels?.find((l) => l.id === id) ?? this.rulesets[other].levels?.find((l) => l.id === id);
    return level === undefined ? this.out.code(id) : this.out.esc(this.t(level.label));
  }

  private groupSection(): void {
    const { out, m, diff } = this;
    const g = diff.groups;
    if (g.added.length + g.removed.length + g.changed.length === 0) return;
    out.section(m.section_groups);
    for (const a of g.added) out.item(0, this.say('group_added', { id: a.id, title: out.esc(this.t(a.title)) }));
    for (const r of g.removed) out.item(0, this.say('group_removed', { id: r.id, title: out.esc(this.t(r.title)) }));
    for (const c of g.changed) {
      // "Tiêu chuẩn 4: 8 → 9 tiêu chí, cần 8": the size on the group's own line.
      const size = c.changes.find((x) => x.kind === 'size');
      const head = out.strong(this.say('group_changed', { id: c.id }));
      out.item(0, size === undefined ? head : `${head}: ${this.groupSize(size.before, size.after)}`);
      for (const change of c.changes) {
        if (change.kind === 'size') continue;
        if (change.kind === 'title') this.textItem(1, m.field_title, change.change);
        else
          out.item(
            1,
            this.say('group_requirement', {
              before: this.requirement(change.before),
              after: this.requirement(change.after),
            }),
          );
      }
    }
  }

  private groupSize(a: GroupSize, b: GroupSize): string {
    const count =
      a.criteria === b.criteria
        ? this.say('group_size_same', { count: b.criteria })
        : this.say('group_size', { before: a.criteria, after: b.criteria });
    if (b.required === null) return count;
    const required =
      a.required === null || a.required === b.required
        ? this.say('group_required', { required: b.required })
        : this.say('group_required_changed', { required: b.required, before: a.required });
    return `${count}, ${required}`;
  }

  private declarationSection(title: DiffMessageKey, d: DeclarationDiff): void {
    const { out, m } = this;
    if (d.added.length + d.removed.length + d.changed.length === 0) return;
    out.section(m[title]);
    if (d.added.length > 0) {
      out.subsection(this.say('added', { count: d.added.length }));
      for (const a of d.added) out.item(0, this.declared('fact_added', a));
    }
    if (d.removed.length > 0) {
      out.subsection(this.say('removed', { count: d.removed.length }));
      for (const r of d.removed) {
        out.item(0, this.declared(title === 'section_facts' ? 'fact_removed' : 'fact_added', r));
      }
    }
    if (d.changed.length > 0) {
      out.subsection(this.say('changed', { count: d.changed.length }));
      for (const c of d.changed) {
        // A parameter is named by its label too (a table's cell, `id[key]`, by its cell only).
        const label =
          this.facts.get(c.id)?.label ?? (title === 'section_parameters' ? this.parameter(c.id)?.label : undefined);
        out.item(
          0,
          this.say('declaration_changed', {
            id: out.code(c.id),
            label: label === undefined ? '' : out.esc(shorten(this.t(label), SHORT_LABEL)),
          }),
        );
        for (const f of c.changes) out.item(1, this.fieldChange(f));
      }
    }
  }

  private contextRulesSection(): void {
    const { out, m, diff } = this;
    const r = diff.context_rules;
    if (r.added.length + r.removed.length === 0) return;
    out.section(m.section_context_rules);
    if (r.added.length > 0) {
      out.subsection(this.say('added', { count: r.added.length }));
      for (const x of r.added)
        out.item(0, this.say('context_rule', { when: out.code(x.when), require: out.code(x.require) }));
    }
    if (r.removed.length > 0) {
      out.subsection(this.say('removed', { count: r.removed.length }));
      for (const x of r.removed)
        out.item(0, this.say('context_rule', { when: out.code(x.when), require: out.code(x.require) }));
    }
  }

  private impactSection(impact: DecisionImpact): void {
    const { out, m } = this;
    out.section(m.section_impact);
    const levels = impact.areas.some((a) => a.level !== undefined);
    out.paragraph(
      this.say(levels ? 'impact_summary_levels' : 'impact_summary', {
        assessed: impact.assessed,
        changed: impact.changed,
      }),
    );
    if (impact.duplicates > 0) out.paragraph(this.say('impact_duplicates', { count: impact.duplicates }));
    // A change the old data cannot avoid (a fact the old version never asked for) is not a change
    // the rules make: counted and listed apart, so the rules' own effect is read first.
    if (impact.changed_by_missing_data > 0)
      out.paragraph(this.say('impact_split', { rules: impact.changed_by_rules, data: impact.changed_by_missing_data }));
    const changed = impact.areas.filter((a) => a.changed && a.cause !== 'missing_new_facts');
    if (changed.length > 0 && this.options.format === 'md') {
      out.table(
        [m.impact_area, m.impact_source, m.impact_decision, m.impact_why],
        changed.map((a) => [this.areaName(a), out.code(sourceOf(a)), this.decisionChange(a), this.why(a).join('; ')]),
      );
    } else {
      for (const a of changed) {
        out.item(0, `${this.areaName(a)} (${sourceOf(a)})`);
        out.item(1, `${m.impact_decision}: ${this.decisionChange(a)}`);
        for (const line of this.why(a)) out.item(1, line);
      }
    }
    this.missingDataChanges(impact.areas.filter((a) => a.cause === 'missing_new_facts'));
    const unchanged = impact.areas.filter((a) => !a.changed).length;
    if (unchanged > 0) out.paragraph(this.say('impact_unchanged', { count: unchanged }));
  }

  /** The changes caused only by facts the old data lack: one line each, the facts by their label. */
  private missingDataChanges(areas: readonly AreaDecision[]): void {
    if (areas.length === 0) return;
    const { out, m } = this;
    out.subsection(this.say('impact_missing_data', { count: areas.length }));
    for (const a of areas) {
      const facts = a.missing_new.map((id) => {
        const label = this.facts.get(id)?.label;
        return label === undefined ? out.code(id) : `${out.esc(this.t(label))} (${out.code(id)})`;
      });
      out.item(0, `${this.areaName(a)} (${sourceOf(a)}): ${this.decisionChange(a)}`);
      out.item(1, `${m.impact_missing_facts}: ${facts.join('; ')}`);
    }
  }

  // ── one change ────────────────────────────────────────────────────────────────────────────

  private criterionChange(c: CriterionChange): void {
    const { out, m } = this;
    switch (c.kind) {
      case 'text':
        this.textItem(1, m.change_text, c.change);
        return;
      case 'note':
        this.textItem(1, m.change_note, c.change);
        return;
      case 'group':
        out.item(1, this.say('change_group', c));
        return;
      case 'condition':
        this.conditionChange(1, c.change);
        return;
      case 'form':
        out.item(
          1,
          c.after === null
            ? this.say('form_to_variants', { before: out.code(c.before ?? '') })
            : this.say('form_to_condition', { after: out.code(c.after) }),
        );
        return;
      case 'applicable_when':
        out.item(
          1,
          this.say('change_applicable_when', { before: this.codeOrNone(c.before), after: this.codeOrNone(c.after) }),
        );
        return;
      case 'not_applicable':
        out.item(1, this.say('change_not_applicable', { before: this.naWord(c.before), after: this.naWord(c.after) }));
        return;
      case 'no_variant':
        out.item(1, this.say('change_no_variant', { before: this.nvWord(c.before), after: this.nvWord(c.after) }));
        return;
      case 'points':
        out.item(1, this.say('change_points', c));
        return;
      case 'variant_added':
        out.item(
          1,
          this.say('variant_added', { name: this.variantName(c.variant), condition: this.variantCondition(c.variant) }),
        );
        return;
      case 'variant_removed':
        out.item(
          1,
          this.say('variant_removed', {
            name: this.variantName(c.variant),
            condition: this.variantCondition(c.variant),
          }),
        );
        return;
      case 'variant_changed':
        out.item(1, this.say('variant_changed', { name: this.variantNameById(c.id) }));
        for (const v of c.changes) this.variantChange(v);
        return;
      case 'variant_order':
        out.item(1, this.say('variant_order', { before: c.before.join(', '), after: c.after.join(', ') }));
        return;
      case 'points_rule':
        this.pointsChange(1, 'change_points_rule', c.before, c.after, c.parts);
        return;
      case 'from_level':
        out.item(
          1,
          this.say('change_from_level', { before: this.levelName(c.before), after: this.levelName(c.after) }),
        );
        return;
    }
    const exhaustive: never = c;
    throw new Error(`unhandled change ${JSON.stringify(exhaustive)}`);
  }

  /** A variant by its label (“Large sites”); by id and selector when it has none. */
  private variantName(v: { readonly id: string; readonly when: string; readonly label?: LocalizedText }): string {
    const { out } = this;
    return v.label !== undefined
      ? this.say('variant_label', { label: out.esc(this.t(v.label)) })
      : this.say('variant_unlabelled', { id: out.code(v.id), when: out.code(v.when) });
  }

  private variantNameById(id: string): string {
    for (const side of [this.rulesets.after, this.rulesets.before])
      for (const c of side.criteria) {
        const v = c.variants?.find((x) => x.id === id);
        if (v !== undefined) return this.variantName(v);
      }
    return this.out.code(id);
  }

  /**
   * A variant's condition in words, from its thresholds ('"Items done" ≥ 1 item'), joined by "và" or
   * "hoặc" when the condition uses only one of them; the expression when the words would lose
   * its structure.
   */
  private variantCondition(v: { readonly condition: string; readonly thresholds: readonly ThresholdValue[] }): string {
    const { out, m } = this;
    const ands = / and /.test(v.condition);
    const ors = / or /.test(v.condition);
    const comparisons = (v.condition.match(/>=|<=|==|!=|>|</g) ?? []).length;
    const plain =
      v.thresholds.length > 0 && comparisons === v.thresholds.length && !(ands && ors) && !/\bnot\b/.test(v.condition);
    if (!plain) return out.code(v.condition);
    return v.thresholds.map((t) => this.thresholdWords(t)).join(ors ? m.words_or : m.words_and);
  }

  /** One threshold in words: '≥ 80% of items (ratio of "…" to "…")', '"Items done" ≥ 1 item'. */
  private thresholdWords(t: ThresholdValue): string {
    const { out } = this;
    if (t.kind !== 'compare') {
      const shape = this.shapeOf(t);
      return shape === undefined ? out.code(JSON.stringify(t)) : `${this.shapeValue(shape)}${this.shapeRatio(shape)}`;
    }
    const fact = this.facts.get(t.fact);
    const unit = fact?.unit !== undefined ? unitAfter(this.t(fact.unit)) : '';
    const name = shorten(fact === undefined ? t.fact : this.t(fact.label), SHORT_LABEL);
    return out.esc(`"${name}" ${SYMBOL[t.op]} ${this.valueWord(t.fact, t.value)}${unit}`);
  }

  /** A function's threshold, as its function declares it (compile/functions/): no name is special here. */
  private shapeOf(t: Exclude<ThresholdValue, { kind: 'compare' }>): ThresholdShape | undefined {
    return thresholdHooks(t.kind)?.shape(t);
  }

  /** "≥ 98%" or "≥ 2.5"; a parameter by its label and name, "≤ Poverty ceiling (poverty_max)". */
  private shapeNumber(s: ThresholdShape): string {
    if (typeof s.value === 'string') return `${SYMBOL[s.op]} ${this.out.esc(this.parameterLabel(s.value) ?? s.value)}`;
    return s.unit === 'percent'
      ? this.say('threshold_percent', { op: SYMBOL[s.op], value: this.number(s.value) })
      : `${SYMBOL[s.op]} ${this.number(s.value)}`;
  }

  /** "≥ 98% số hộ": the value with the unit of the whole it is a share of (a parameter names its own). */
  private shapeValue(s: ThresholdShape): string {
    const whole = s.ratio === undefined || typeof s.value === 'string' ? undefined : this.facts.get(s.ratio.whole);
    const unit = whole?.unit !== undefined ? ` ${this.say('threshold_of', { unit: this.t(whole.unit) })}` : '';
    return `${this.shapeNumber(s)}${this.out.esc(unit)}`;
  }

  /** ' (tỷ lệ "…" trên "…")' for a ratio; nothing otherwise. */
  private shapeRatio(s: ThresholdShape): string {
    if (s.ratio === undefined) return '';
    return ` (${this.say('threshold_ratio', { part: this.out.esc(this.factName(s.ratio.part)), whole: this.out.esc(this.factName(s.ratio.whole)) })})`;
  }

  private factName(id: string): string {
    const fact = this.facts.get(id);
    return shorten(fact === undefined ? id : this.t(fact.label), SHORT_LABEL);
  }

  private variantChange(v: VariantChange): void {
    const { out, m } = this;
    if (v.kind === 'when')
      out.item(2, this.say('variant_when', { before: out.code(v.before), after: out.code(v.after) }));
    else if (v.kind === 'condition') this.conditionChange(2, v.change);
    else if (v.kind === 'points') this.pointsChange(2, 'variant_points', v.before, v.after, v.parts);
    else this.textItem(2, v.kind === 'text' ? m.change_text : m.change_label, v.change);
  }

  private conditionChange(depth: number, c: ConditionChange): void {
    const { out, m } = this;
    if (c.kind === 'expression') {
      out.item(depth, `${m.change_condition}:`);
      out.item(depth + 1, `${m.before}: ${out.code(c.before)}`);
      out.item(depth + 1, `${m.after}: ${out.code(c.after)}`);
      return;
    }
    for (const t of c.changes) out.item(depth, `${m.change_threshold}: ${this.threshold(t.before, t.after)}`);
  }

  /** "≥ 98% → ≥ 95% số hộ (tỷ lệ "…" trên "…")", or "…: ≥ 1 → ≥ 2 mô hình". */
  private threshold(a: ThresholdValue, b: ThresholdValue): string {
    const { out } = this;
    if (a.kind !== 'compare' && b.kind !== 'compare' && a.kind === b.kind) {
      const [sa, sb] = [this.shapeOf(a), this.shapeOf(b)];
      if (sa !== undefined && sb !== undefined) return this.shapeChange(sa, sb);
    }
    if (a.kind === 'compare' && b.kind === 'compare') {
      const fact = this.facts.get(b.fact);
      const unit = fact?.unit !== undefined ? unitAfter(this.t(fact.unit)) : '';
      const value = (t: ThresholdValue & { kind: 'compare' }) =>
        `${SYMBOL[t.op]} ${this.valueWord(t.fact, t.value)}${unit}`;
      return this.say('threshold_compare', {
        fact: out.esc(shorten(fact === undefined ? b.fact : this.t(fact.label), SHORT_LABEL)),
        before: out.strong(out.esc(value(a))),
        after: out.strong(out.esc(value(b))),
      });
    }
    return `${JSON.stringify(a)} → ${JSON.stringify(b)}`;
  }

  /** Two shapes of one function's threshold: the value moved, the empty-whole outcome moved, or both. */
  private shapeChange(a: ThresholdShape, b: ThresholdShape): string {
    const { out } = this;
    const parts: string[] = [];
    if (a.op !== b.op || a.value !== b.value) {
      const whole = b.ratio === undefined || typeof b.value === 'string' ? undefined : this.facts.get(b.ratio.whole);
      const unit = whole?.unit !== undefined ? ` ${this.say('threshold_of', { unit: this.t(whole.unit) })}` : '';
      parts.push(out.strong(`${this.shapeNumber(a)} → ${this.shapeNumber(b)}`) + out.esc(unit));
    }
    if (b.ratio !== undefined && a.ifZero !== undefined && b.ifZero !== undefined && a.ifZero !== b.ifZero) {
      parts.push(
        this.say('threshold_if_zero', {
          whole: out.esc(this.factName(b.ratio.whole)),
          before: this.zeroWord(a.ifZero),
          after: this.zeroWord(b.ifZero),
        }),
      );
    }
    return `${parts.join('; ')}${this.shapeRatio(b)}`;
  }

  /**
   * Points that changed: one line with both versions in words, then the parts that moved (a band,
   * the cap, an option) when that is shorter to read than the two tables.
   */
  private pointsChange(
    depth: number,
    key: DiffMessageKey,
    before: PointsSpec | null,
    after: PointsSpec | null,
    parts: readonly PointsPartChange[],
  ): void {
    const { out } = this;
    // Two whole tables are long to compare by eye: when the form stays, only the parts that moved.
    if (parts.length === 0 || parts.some((p) => p.part === 'form')) {
      out.item(depth, this.say(key, { before: this.pointsWords(before), after: this.pointsWords(after) }));
      return;
    }
    out.item(depth, `${this.m.points_heading}:`);
    for (const p of parts) out.item(depth + 1, this.pointsPart(p));
  }

  private pointsPart(p: PointsPartChange): string {
    const { out } = this;
    const n = (x: number | null) => (x === null ? this.m.none : this.number(x));
    switch (p.part) {
      case 'form':
        return this.say('points_part_form', {
          before: this.m[`points_form_${p.before}`],
          after: this.m[`points_form_${p.after}`],
        });
      case 'points':
        return this.say('change_points', { before: p.before, after: p.after });
      case 'of':
        return this.say('points_part_of', { before: out.code(p.before), after: out.code(p.after) });
      case 'band': {
        const at = this.number(p.at_least);
        if (p.before === null) return this.say('points_part_band_added', { at_least: at, after: n(p.after) });
        if (p.after === null) return this.say('points_part_band_removed', { at_least: at, before: n(p.before) });
        return this.say('points_part_band', { at_least: at, before: n(p.before), after: n(p.after) });
      }
      case 'cap':
        return this.say('points_part_cap', { before: n(p.before), after: n(p.after) });
      case 'option':
        return this.say('points_part_option', {
          index: p.index,
          before: p.before === null ? this.m.none : this.optionWords(p.before),
          after: p.after === null ? this.m.none : this.optionWords(p.after),
        });
    }
  }

  /** "3 points", "by steps of `x`: ≥ 6: 1; ≥ 10: 3, at most 18", "the best of: …"; null: the criterion's. */
  private pointsWords(p: PointsSpec | null): string {
    if (p === null) return this.m.points_of_criterion;
    if (p.kind === 'fixed') return this.say('points_fixed', { n: this.number(p.points) });
    if (p.kind === 'steps') return this.stepsWords({ of: p.of, bands: p.bands }, p.cap);
    return this.say('points_best_of', { options: p.options.map((o) => this.optionWords(o)).join('; ') });
  }

  private stepsWords(steps: NonNullable<PointsOptionSpec['steps']>, cap: number | null): string {
    const bands = steps.bands
      .map((b) => this.say('points_band', { at_least: this.number(b.at_least), points: this.number(b.points) }))
      .join('; ');
    const words = this.say('points_steps', { of: this.out.code(steps.of), bands });
    return cap === null ? words : `${words}, ${this.say('points_cap', { cap: this.number(cap) })}`;
  }

  private optionWords(o: PointsOptionSpec): string {
    const earns =
      o.steps !== null ? this.stepsWords(o.steps, o.cap) : this.say('points_fixed', { n: this.number(o.points ?? 0) });
    return o.condition === null
      ? earns
      : `${earns} ${this.say('points_when', { condition: this.out.code(o.condition) })}`;
  }

  private textItem(depth: number, label: string, change: TextChange | PresenceChange<LocalizedText>): void {
    const { out, m } = this;
    if (!('words' in change)) {
      if (change.after !== null && change.before === null)
        out.item(depth, `${label}: ${this.say('text_added', { text: out.esc(this.flat(this.t(change.after))) })}`);
      else if (change.before !== null)
        out.item(depth, `${label}: ${this.say('text_removed', { text: out.esc(this.flat(this.t(change.before))) })}`);
      return;
    }
    const parts = change.words[this.lang];
    if (parts.length === 0) {
      out.item(depth, `${label}: ${m.change_text_other}`);
      return;
    }
    out.item(depth, `${label}: ${out.words(parts)}`);
  }

  private fieldChange(c: FieldChange): string {
    const { out } = this;
    const name = this.named(`field_${c.field}`) ?? c.field;
    const text = isText(c.before) && isText(c.after) ? textChange(c.before, c.after) : undefined;
    if (text !== undefined) {
      const parts = text.words[this.lang];
      return `${name}: ${parts.length === 0 ? this.m.change_text_other : out.words(parts)}`;
    }
    return `${name}: ${this.fieldValue(c.field, c.before)} → ${this.fieldValue(c.field, c.after)}`;
  }

  private fieldValue(field: string, v: FieldValue): string {
    const { out } = this;
    if (v === null) return this.m.none;
    if (isText(v)) return out.esc(this.flat(this.t(v)));
    if (Array.isArray(v)) return v.map((x) => out.code(String(x))).join(', ');
    if (field === 'type') return this.typeWord(String(v));
    if (typeof v === 'number') return this.number(v);
    return field === 'part_of' || field === 'required_when' || field === 'value'
      ? out.code(String(v))
      : out.esc(String(v));
  }

  // ── areas ─────────────────────────────────────────────────────────────────────────────────

  private areaName(a: AreaDecision): string {
    const { out } = this;
    const name = a.area.name ?? this.m.impact_unnamed;
    const parts = [a.area.code !== undefined ? `${name} (${a.area.code})` : name];
    if (a.area.unit !== undefined) parts.push(a.area.unit);
    return out.esc(parts.join(', '));
  }

  private why(a: AreaDecision): string[] {
    const { m } = this;
    const out: string[] = [];
    if (a.level !== undefined && JSON.stringify(a.level.before) !== JSON.stringify(a.level.after))
      out.push(
        this.say('impact_level', {
          before: this.levelOutcome(a.level.before, 'before'),
          after: this.levelOutcome(a.level.after, 'after'),
        }),
      );
    const points = a.points_total;
    if (points !== undefined && JSON.stringify(points.before) !== JSON.stringify(points.after))
      out.push(
        this.say('impact_points', { before: this.pointsRange(points.before), after: this.pointsRange(points.after) }),
      );
    for (const s of a.standards) {
      const state = (
        status: GroupStatus | null,
        passed: number | null,
        applicable: number | null,
        required: number | null,
      ) =>
        status === null
          ? m.impact_absent
          : this.say('impact_standard_count', {
              status: this.groupWord(status),
              passed: passed ?? 0,
              applicable: applicable ?? 0,
              required: required ?? 0,
            });
      out.push(
        this.say('impact_standard', {
          id: s.id,
          before: state(s.before, s.passed_before, s.applicable_before, s.required_before),
          after: state(s.after, s.passed_after, s.applicable_after, s.required_after),
        }),
      );
    }
    for (const c of a.criteria)
      out.push(
        this.say('impact_criterion', { id: c.id, before: this.statusWord(c.before), after: this.statusWord(c.after) }),
      );
    for (const d of a.disqualifiers)
      out.push(
        this.say('impact_disqualifier', { id: d.id, before: this.dqWord(d.before), after: this.dqWord(d.after) }),
      );
    const reasons = (list: readonly DecisionReason[]) => list.map((r) => this.reason(r)).join(', ');
    if (a.reasons.added.length > 0) out.push(`${m.impact_reason_added}: ${reasons(a.reasons.added)}`);
    if (a.reasons.removed.length > 0) out.push(`${m.impact_reason_removed}: ${reasons(a.reasons.removed)}`);
    if (a.ignored.length > 0)
      out.push(this.say('impact_ignored', { names: a.ignored.map((n) => this.out.code(n)).join(', ') }));
    return out;
  }

  /** "Silver", "Certified (up to Gold possible)", "no level". */
  private levelOutcome(o: LevelOutcome | null, side: 'before' | 'after'): string {
    if (o === null) return this.m.impact_level_absent;
    const reached = o.reached === null ? this.m.impact_level_none : this.levelName(o.reached, side);
    if (o.possible === null || o.possible === o.reached) return reached;
    return this.say('impact_level_possible', { reached, possible: this.levelName(o.possible, side) });
  }

  private pointsRange(p: PointsRange | null): string {
    if (p === null) return this.m.none;
    return p.least === p.most ? this.number(p.least) : `${this.number(p.least)}–${this.number(p.most)}`;
  }

  private reason(r: DecisionReason): string {
    switch (r.kind) {
      case 'disqualified':
        return this.say('reason_disqualified', { id: r.id });
      case 'mandatory_failed':
        return this.say('reason_mandatory_failed', { id: r.id });
      case 'group_not_met':
        return this.say('reason_group_not_met', { id: r.id });
      case 'total_not_met':
        return this.m.reason_total_not_met;
      case 'requirement_not_met':
        return this.say('at_least_count' in r.requirement ? 'reason_requirement_count' : 'reason_requirement_points', {
          value: requirementValue(r.requirement),
          of: r.of.join(', '),
        });
      case 'unknown':
        return this.say('reason_unknown', { ids: r.ids.map((id) => this.undecidedName(id)).join(', ') });
    }
  }

  /** What an id in an `unknown` reason names: a standard, a (mandatory) criterion, a disqualifier or the total. */
  private undecidedName(id: string): string {
    const r = this.rulesets.after;
    if (r.groups.some((g) => g.id === id)) return this.say('undecided_group', { id });
    if (r.criteria.some((c) => c.id === id)) return this.say('undecided_criterion', { id });
    if (r.disqualifiers.some((d) => d.id === id)) return this.say('undecided_disqualifier', { id });
    return id === 'total' ? this.m.undecided_total : id;
  }

  // ── words ─────────────────────────────────────────────────────────────────────────────────

  private say(key: DiffMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
    return interpolate(this.m[key], params);
  }

  private t(text: LocalizedText): string {
    return text[this.lang];
  }

  /** One line: texts keep their line breaks in YAML ("- Đối với …\n- Đối với …"). */
  private flat(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
  }

  /** A fact, attribute or derived quantity with its type; a parameter (a cell of a table) with its value. */
  private declared(key: 'fact_added' | 'fact_removed', r: NamedRef): string {
    const { out } = this;
    const label = out.esc(this.t(r.label));
    if (r.value !== undefined)
      return this.say('parameter_listed', { id: out.code(r.id), value: this.number(r.value), label });
    return this.say(key, { id: out.code(r.id), type: this.typeWord(r.type), label });
  }

  private number(n: number): string {
    return formatReportNumber(n, this.lang);
  }

  private itemsOf(kind: 'criterion' | 'disqualifier', side: 'before' | 'after') {
    return kind === 'criterion' ? this.rulesets[side].criteria : this.rulesets[side].disqualifiers;
  }

  private valueWord(fact: string, value: number | string | boolean): string {
    // A threshold that names a parameter (a table by region, a dated value): its label and name.
    const parameter = typeof value === 'string' ? this.parameterLabel(value) : undefined;
    if (parameter !== undefined) return parameter;
    return printThreshold(this.facts.get(fact), value, {
      yes: this.m.value_true,
      no: this.m.value_false,
      number: (n) => this.number(n),
      label: (text) => this.t(text),
    });
  }

  /** A parameter as the new version declares it, else the old one. */
  private parameter(id: string): ParameterDeclaration | undefined {
    return declaredParameter(this.rulesets.after, id) ?? declaredParameter(this.rulesets.before, id);
  }

  private parameterLabel(id: string): string | undefined {
    const declared = this.parameter(id);
    if (declared === undefined) return undefined;
    return declared.label === undefined ? id : `${this.flat(this.t(declared.label))} (${id})`;
  }

  private requirement(r: Requirement | null): string {
    if (r === null) return this.m.none;
    if ('at_least_percent' in r) return this.say('requirement_percent', { n: r.at_least_percent });
    if ('at_least_count' in r) return this.say('requirement_count', { n: r.at_least_count });
    return this.say('requirement_points', { n: r.at_least_points });
  }

  private codeOrNone(s: string | null): string {
    return s === null ? this.m.none : this.out.code(s);
  }

  private naWord(v: 'exclude' | 'fail' | null): string {
    return v === null ? this.m.none : v === 'exclude' ? this.m.na_exclude : this.m.na_fail;
  }

  private nvWord(v: 'not_applicable' | 'fail' | null): string {
    return v === null ? this.m.none : v === 'fail' ? this.m.nv_fail : this.m.nv_not_applicable;
  }

  private zeroWord(v: 'pass' | 'fail'): string {
    return v === 'pass' ? this.m.zero_pass : this.m.zero_fail;
  }

  private blockWord(v: string | null): string {
    return v === null ? this.m.none : v === 'block' ? this.m.recognition_block : v;
  }

  private typeWord(type: string): string {
    return this.named(`type_${type}`) ?? type;
  }

  /** The catalogue's word under a key made from data (a field or a type), when it has one. */
  private named(key: string): string | undefined {
    const byName: Readonly<Record<string, string | undefined>> = this.m;
    return byName[key];
  }

  /** `before → after`, or the one decision and "unchanged" when only the level or points moved. */
  private decisionChange(a: AreaDecision): string {
    if (a.before === a.after) return this.say('impact_decision_unchanged', { decision: this.decision(a.before) });
    return `${this.decision(a.before)} → ${this.decision(a.after)}`;
  }

  private decision(d: Decision): string {
    const key = (
      {
        recognised: 'decision_recognised',
        not_recognised: 'decision_not_recognised',
        undetermined: 'decision_undetermined',
      } as const
    )[d];
    return this.out.strong(this.x[key]);
  }

  private statusWord(s: CriterionStatus | null): string {
    if (s === null) return this.m.impact_absent;
    return this.x[
      (
        {
          pass: 'status_pass',
          fail: 'status_fail',
          unknown: 'status_unknown',
          not_applicable: 'status_not_applicable',
        } as const
      )[s]
    ];
  }

  private groupWord(s: GroupStatus): string {
    return this.m[({ met: 'group_met', not_met: 'group_not_met', unknown: 'group_unknown' } as const)[s]];
  }

  private dqWord(s: DisqualifierStatus | null): string {
    if (s === null) return this.m.impact_absent;
    return this.x[({ applies: 'dq_applies', clear: 'dq_clear', unknown: 'dq_unknown' } as const)[s]];
  }
}

function sourceOf(a: AreaDecision): string {
  const one = (s: AreaDecision['source']) => (s.row !== undefined ? `${s.file}:${s.row}` : s.file);
  return [a.source, ...(a.also_in ?? [])].map(one).join(', ');
}

function isText(v: FieldValue): v is LocalizedText {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'vi' in v;
}

/**
 * The result panel's DOM from one EvaluationResult (and its gap analysis): for a scheme with
 * levels the level reached and the highest still possible with what the next level lacks, the
 * points, the derived quantities' values, the reasons, what is
 * missing for recognition, each standard's count against its requirement with every criterion's
 * status and text, the disqualifying cases, and the data still needed. Pure rendering: the
 * element owns the live region that announces the decision itself.
 */
import type {
  CompiledRuleset,
  CriterionResult,
  Decision,
  EvaluationResult,
  FactValue,
  GapChange,
  GapCriterion,
  GapReport,
  GroupResult,
} from '@lcz/criteria-engine';
import { comparisonSymbol, levelStanding } from '@lcz/criteria-engine';
import { t, type Lang, type MessageKey } from '../messages/index.js';
import { h } from './dom.js';

export interface ResultView {
  readonly ruleset: CompiledRuleset;
  readonly lang: Lang;
  readonly result: EvaluationResult;
  readonly gap?: GapReport;
  /** Standards the user collapsed (their <details> stay closed across updates). */
  readonly collapsed: ReadonlySet<string>;
  /** Called with a fact id when the user asks to go to its field. */
  readonly focusFact: (fact: string) => void;
  /** The derived quantities' known values, as decimal text (CompiledRuleset.derivedValues). */
  readonly derived?: ReadonlyMap<string, string>;
}

export const DECISION_KEY: Readonly<Record<Decision, MessageKey>> = {
  recognised: 'decision_recognised',
  not_recognised: 'decision_not_recognised',
  undetermined: 'decision_undetermined',
};

const GROUP_KEY = { met: 'group_met', not_met: 'group_not_met', unknown: 'group_unknown' } as const;
const STATUS_KEY = {
  pass: 'status_pass',
  fail: 'status_fail',
  unknown: 'status_unknown',
  not_applicable: 'status_not_applicable',
} as const;
const DQ_KEY = { applies: 'dq_applies', clear: 'dq_clear', unknown: 'dq_unknown' } as const;
const OBSTACLE_KEY = {
  context: 'obstacle_context',
  empty_whole: 'obstacle_empty_whole',
  whole_unknown: 'obstacle_whole_unknown',
  bounds: 'obstacle_bounds',
  unsupported: 'obstacle_unsupported',
} as const;

export function renderResult(view: ResultView): DocumentFragment {
  const out = document.createDocumentFragment();
  out.append(
    levelSection(view),
    derivedSection(view),
    reasons(view),
    gapSection(view),
    standards(view),
    disqualifiers(view),
    needed(view),
  );
  return out;
}

/** A level's label in the form's language (results name levels by id). */
export function levelLabel(ruleset: CompiledRuleset, id: string, lang: Lang): string {
  return ruleset.levels?.find((l) => l.id === id)?.label[lang] ?? id;
}

const LEVEL_STATUS_KEY = {
  met: 'level_status_met',
  not_met: 'level_status_not_met',
  unknown: 'level_status_unknown',
} as const;

/**
 * The level reached for certain and the highest still possible (equal once decided), each
 * level's status, what the next level lacks ("3 more points"), and the points. Absent for a
 * scheme without levels or points.
 */
function levelSection(view: ResultView): HTMLElement | string {
  const { ruleset, lang, result } = view;
  const level = result.level;
  const points = result.points_total;
  if (!level && !points) return '';
  const body: (HTMLElement | null)[] = [];
  if (level) {
    const standing = levelStanding(
      level.levels.map((l) => l.id),
      level,
    );
    const reached = level.reached;
    const possible = level.possible;
    body.push(
      h(
        'p',
        { class: 'level-reached', 'data-level-reached': reached ?? '' },
        reached === null
          ? t(lang, 'level_reached_none')
          : t(lang, 'level_reached', { level: levelLabel(ruleset, reached, lang) }),
      ),
      h(
        'p',
        { class: 'level-possible', 'data-level-possible': possible ?? '' },
        possible === null
          ? t(lang, 'level_possible_none')
          : possible === reached
            ? `${t(lang, 'level_possible', { level: levelLabel(ruleset, possible, lang) })} (${t(lang, 'level_decided')})`
            : t(lang, 'level_possible', { level: levelLabel(ruleset, possible, lang) }),
      ),
      h(
        'ol',
        { class: 'levels' },
        level.levels.map((l) => {
          // As reached, as the text report says it: a level's own part may hold above one that
          // does not (a cap), and must not read as met there.
          const status = standing.get(l.id) ?? 'unknown';
          return h(
            'li',
            { 'data-level': l.id, 'data-status': status },
            h('span', { class: `badge badge--${status}` }, t(lang, LEVEL_STATUS_KEY[status])),
            ' ',
            levelLabel(ruleset, l.id, lang),
          );
        }),
      ),
      nextLevel(view),
    );
  }
  if (points)
    body.push(
      h(
        'p',
        { class: 'points', 'data-points-least': String(points.least), 'data-points-most': String(points.most) },
        points.least === points.most
          ? t(lang, 'points_total', { points: points.least })
          : t(lang, 'points_range', { least: points.least, most: points.most }),
      ),
    );
  return h('section', { class: 'block level' }, h('h3', {}, t(lang, 'level_heading')), body);
}

function nextLevel({ ruleset, lang, result }: ResultView): HTMLElement | null {
  const next = result.level?.next;
  if (!next || next.lacking.length === 0) return null;
  const groupTitle = (id: string) => shorten(ruleset.groups.find((g) => g.id === id)?.title[lang] ?? id);
  const items = next.lacking.map((l) => {
    if (!('need' in l))
      return t(lang, l.kind === 'mandatory' ? 'level_next_mandatory' : 'level_next_disqualifier', { id: l.id });
    const title =
      l.kind === 'group'
        ? groupTitle(l.id ?? '')
        : l.kind === 'total'
          ? t(lang, 'level_next_total')
          : t(lang, 'level_next_requirement', { index: (l.index ?? 0) + 1 });
    const counts = { title, more: Math.max(0, l.need - l.have), have: l.have, need: l.need };
    return t(lang, l.unit === 'points' ? 'level_next_points' : 'level_next_criteria', counts);
  });
  return h(
    'div',
    { class: 'level-next', 'data-next-level': next.id },
    h('p', {}, t(lang, 'level_next', { level: levelLabel(ruleset, next.id, lang) })),
    h(
      'ul',
      {},
      items.map((s) => h('li', {}, s)),
    ),
  );
}

/** Each derived quantity's value (rounded for showing; the decision compared it exactly), with its unit. */
function derivedSection({ ruleset, lang, derived }: ResultView): HTMLElement | string {
  if (!derived || ruleset.derived.length === 0) return '';
  const items = ruleset.derived.flatMap((d) => {
    const value = derived.get(d.id);
    if (value === undefined) return [];
    const shown = d.unit ? `${value} ${d.unit[lang]}` : value;
    return [h('li', { 'data-derived': d.id }, t(lang, 'derived_value', { label: d.label[lang], value: shown }))];
  });
  if (items.length === 0) return '';
  return h('section', { class: 'block derived' }, h('h3', {}, t(lang, 'derived_heading')), h('ul', {}, items));
}

function reasons({ ruleset, lang, result }: ResultView): HTMLElement {
  const groupTitle = (id: string) => ruleset.groups.find((g) => g.id === id)?.title[lang] ?? id;
  const items = result.reasons.map((r) => {
    switch (r.kind) {
      case 'disqualified':
        return t(lang, 'reason_disqualified', { id: r.id, text: textOf(ruleset.disqualifiers, r.id, lang) });
      case 'mandatory_failed':
        return t(lang, 'reason_mandatory_failed', { id: r.id, text: textOf(ruleset.criteria, r.id, lang) });
      case 'group_not_met': {
        const g = result.standards.find((s) => s.id === r.id);
        return t(lang, 'reason_group_not_met', {
          title: groupTitle(r.id),
          passed: g?.passed ?? 0,
          applicable: g?.applicable ?? 0,
          required: g?.required ?? 0,
        });
      }
      case 'total_not_met':
        return t(lang, 'reason_total_not_met');
      case 'requirement_not_met':
        return t(lang, 'at_least_count' in r.requirement ? 'reason_requirement_count' : 'reason_requirement_points')
          .replace(
            '{value}',
            String('at_least_count' in r.requirement ? r.requirement.at_least_count : r.requirement.at_least_points),
          )
          .replace('{of}', r.of.join(', '));
      case 'unknown':
        return [
          t(lang, 'reason_unknown'),
          h(
            'ul',
            {},
            r.ids.map((id) => h('li', {}, undecidedName(ruleset, id, lang))),
          ),
        ];
    }
    const exhaustive: never = r;
    throw new Error(`unhandled reason ${JSON.stringify(exhaustive)}`);
  });
  if (result.decision === 'recognised' && items.length === 0) items.push(t(lang, 'reason_recognised'));
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t(lang, 'reasons_heading')),
    h(
      'ul',
      { class: 'reasons' },
      items.map((s) => h('li', {}, s)),
    ),
  );
}

/** An id of an `unknown` reason: a criterion, a disqualifier, a standard, or the total. */
function undecidedName(ruleset: CompiledRuleset, id: string, lang: Lang): string {
  if (ruleset.criteria.some((c) => c.id === id)) return t(lang, 'ref_criterion', { id });
  if (ruleset.disqualifiers.some((d) => d.id === id)) return t(lang, 'ref_disqualifier', { id });
  const group = ruleset.groups.find((g) => g.id === id);
  if (group) return shorten(group.title[lang]);
  return id === 'total' ? t(lang, 'ref_total') : id;
}

function gapSection(view: ResultView): HTMLElement {
  const { lang, result, gap } = view;
  const body: (HTMLElement | string)[] = [];
  if (result.decision === 'recognised') body.push(h('p', {}, t(lang, 'gap_none', {}, view.ruleset.words)));
  // Undetermined: the gap is mostly data not entered yet, which "data still needed" lists; a
  // plan that fills every unknown with a passing value would be a long list of guesses.
  else if (result.decision === 'undetermined') body.push(h('p', {}, t(lang, 'gap_undetermined')));
  else if (gap) {
    const items: HTMLElement[] = [];
    for (const s of gap.standards) {
      if (s.status === 'unknown') continue; // undecided standards are the "needed" list's business
      const head =
        s.more_points !== undefined
          ? t(lang, 'gap_standard_more_points', { title: s.title[lang], points: s.more_points })
          : t(lang, 'gap_standard_more', { title: s.title[lang], more: s.more });
      items.push(h('li', {}, head, candidates(view, s.candidates.slice(0, Math.max(1, s.more) + 1))));
    }
    for (const m of gap.mandatory)
      if (m.status === 'fail') items.push(h('li', {}, t(lang, 'gap_mandatory', { id: m.id }), candidates(view, [m])));
    for (const d of gap.disqualifiers) {
      if (d.status !== 'applies') continue;
      items.push(
        h(
          'li',
          {},
          t(lang, 'gap_disqualifier', { id: d.id }),
          changeList(view, d.changes),
          d.achievable ? null : obstacle(view, d.obstacle),
        ),
      );
    }
    if (gap.total && gap.total.status === 'not_met')
      items.push(h('li', {}, t(lang, 'gap_total', { points: gap.total.more_points })));
    if (items.length) body.push(h('ul', { class: 'gap' }, items));
    if (gap.plan.changes.length > 0) {
      const planned = gap.plan.decision === 'recognised';
      body.push(
        h(
          'div',
          { class: 'plan' },
          h('p', {}, t(lang, planned ? 'gap_plan' : 'gap_plan_partial')),
          changeList(view, gap.plan.changes),
          h('p', {}, t(lang, 'gap_plan_decision', { decision: t(lang, DECISION_KEY[gap.plan.decision]) })),
        ),
      );
    }
  }
  return h('section', { class: 'block' }, h('h3', {}, t(lang, 'gap_heading')), body);
}

function candidates(view: ResultView, list: readonly GapCriterion[]): HTMLElement | null {
  if (list.length === 0) return null;
  const { lang } = view;
  return h(
    'ul',
    { class: 'candidates' },
    list.map((c) =>
      h(
        'li',
        {},
        h('span', { class: 'cid' }, c.id),
        ' ',
        shorten(c.text[lang]),
        c.achievable ? changeList(view, c.changes) : obstacle(view, c.obstacle),
      ),
    ),
  );
}

function obstacle({ lang, ruleset }: ResultView, o: GapCriterion['obstacle']): HTMLElement {
  const reason = o ? t(lang, OBSTACLE_KEY[o], {}, ruleset.words) : '';
  return h('p', { class: 'obstacle' }, t(lang, 'gap_cannot', { reason }));
}

function changeList(view: ResultView, changes: readonly GapChange[]): HTMLElement | null {
  if (changes.length === 0) return null;
  const { ruleset, lang } = view;
  return h(
    'ul',
    { class: 'changes' },
    changes.map((c) => {
      const fact = ruleset.facts.find((f) => f.id === c.fact);
      const text = t(lang, 'gap_change', {
        label: fact ? fact.label[lang] : c.fact,
        current: valueText(ruleset, c.fact, c.current, lang),
        suggested: valueText(ruleset, c.fact, c.suggested, lang),
      });
      const pct = c.percent
        ? ` ${t(lang, 'gap_change_percent', { part: c.percent.required_part, whole: c.percent.whole_value, op: comparisonSymbol(c.percent.op), threshold: c.percent.threshold })}`
        : '';
      return h('li', {}, factButton(view, c.fact, text + pct));
    }),
  );
}

function standards(view: ResultView): HTMLElement {
  const { ruleset, lang, result } = view;
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t(lang, 'standards_heading')),
    h(
      'div',
      { class: 'groups' },
      result.standards.map((g) => {
        const info = ruleset.groups.find((x) => x.id === g.id);
        const criteria = result.criteria.filter((c) => c.group === g.id);
        return h(
          'details',
          { class: `group group--${g.status}`, 'data-group': g.id, open: !view.collapsed.has(g.id) },
          h(
            'summary',
            {},
            h('span', { class: `badge badge--${g.status}` }, t(lang, GROUP_KEY[g.status])),
            ' ',
            h('span', { class: 'group-title' }, info?.title[lang] ?? g.id),
            ' ',
            h('span', { class: 'count' }, groupCount(g, lang)),
          ),
          h(
            'ul',
            { class: 'criteria' },
            criteria.map((c) => criterionItem(view, c)),
          ),
        );
      }),
    ),
  );
}

function groupCount(g: GroupResult, lang: Lang): string {
  const main =
    'at_least_points' in g.requirement
      ? t(lang, 'group_count_points', { points: g.points?.passed ?? 0, required: g.required })
      : t(lang, 'group_count', { passed: g.passed, applicable: g.applicable, required: g.required });
  const extra = [
    g.unknown > 0 ? t(lang, 'group_unknown_count', { count: g.unknown }) : '',
    g.excluded > 0 ? t(lang, 'group_excluded_count', { count: g.excluded }) : '',
  ].filter(Boolean);
  return extra.length ? `${main} · ${extra.join(' · ')}` : main;
}

function criterionItem({ ruleset, lang }: ResultView, c: CriterionResult): HTMLElement {
  const info = ruleset.criteria.find((x) => x.id === c.id);
  const variant = c.variant !== null ? info?.variants?.find((v) => v.id === c.variant) : undefined;
  const text = variant?.text?.[lang] ?? info?.text[lang] ?? c.id;
  const why =
    c.status === 'not_applicable'
      ? c.reason === 'no_variant'
        ? t(lang, 'na_no_variant', {}, ruleset.words)
        : t(lang, 'na_not_applicable_when', {}, ruleset.words)
      : c.reason !== undefined && c.counts_as === 'failed'
        ? t(lang, 'na_counts_as_fail')
        : '';
  return h(
    'li',
    { class: `criterion criterion--${c.status}`, 'data-criterion': c.id, 'data-status': c.status },
    h('span', { class: `badge badge--${c.status}` }, t(lang, STATUS_KEY[c.status])),
    h(
      'div',
      { class: 'criterion-body' },
      h('span', { class: 'cid' }, c.id),
      c.mandatory ? h('span', { class: 'tag' }, t(lang, 'mandatory')) : null,
      ' ',
      h('span', { class: 'ctext' }, text),
      why ? h('span', { class: 'why' }, why) : null,
    ),
  );
}

function disqualifiers({ ruleset, lang, result }: ResultView): HTMLElement | string {
  if (result.disqualifiers.length === 0) return '';
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t(lang, 'disqualifiers_heading')),
    h(
      'ul',
      { class: 'criteria' },
      result.disqualifiers.map((d) => {
        const tone = d.status === 'applies' ? 'fail' : d.status === 'clear' ? 'pass' : 'unknown';
        return h(
          'li',
          { class: `criterion criterion--${tone}`, 'data-disqualifier': d.id, 'data-status': d.status },
          h('span', { class: `badge badge--${tone}` }, t(lang, DQ_KEY[d.status])),
          h(
            'div',
            { class: 'criterion-body' },
            h('span', { class: 'cid' }, d.id),
            ' ',
            h('span', { class: 'ctext' }, textOf(ruleset.disqualifiers, d.id, lang)),
          ),
        );
      }),
    ),
  );
}

function needed(view: ResultView): HTMLElement {
  const { ruleset, lang, result } = view;
  const facts = result.needed.filter((id) => ruleset.facts.some((f) => f.id === id));
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t(lang, 'needed_heading')),
    facts.length === 0
      ? h('p', {}, t(lang, 'needed_none'))
      : h(
          'ul',
          { class: 'needed' },
          facts.map((id) =>
            h('li', {}, factButton(view, id, ruleset.facts.find((f) => f.id === id)?.label[lang] ?? id)),
          ),
        ),
  );
}

/** A fact named in the result, as a button that takes the user to its field. */
function factButton(view: ResultView, fact: string, text: string): HTMLElement {
  const button = h('button', { type: 'button', class: 'link', 'data-go-to': fact }, text);
  button.addEventListener('click', () => view.focusFact(fact));
  return button;
}

function valueText(ruleset: CompiledRuleset, id: string, value: FactValue | null, lang: Lang): string {
  if (value === null) return t(lang, 'no_data');
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  const fact = ruleset.facts.find((f) => f.id === id);
  if (typeof value === 'string') return fact?.values?.find((v) => v.id === value)?.label[lang] ?? value;
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

function textOf(
  list: readonly { readonly id: string; readonly text: { readonly vi: string; readonly en: string } }[],
  id: string,
  lang: Lang,
): string {
  return list.find((x) => x.id === id)?.text[lang] ?? id;
}

/** Criterion texts run to several sentences; in the gap list the first 140 characters say which. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= 140 ? line : `${line.slice(0, 139).trimEnd()}…`;
}

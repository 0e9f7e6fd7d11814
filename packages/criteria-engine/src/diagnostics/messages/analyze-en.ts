/**
 * English messages of the static checks (analyze/, lcz check) — spread into en.ts. Each says
 * what can never happen, for which kind of unit, and what to change in the rule file.
 */
import { hasParam, param as s } from './catalog.js';
import type { MessageCatalog, MessageParams } from './catalog.js';
import type { analyzeVi } from './analyze-vi.js';

const criterion = (p: MessageParams) =>
  `Criterion ${s(p, 'criterion')}${hasParam(p, 'variant') ? ` (variant "${s(p, 'variant')}")` : ''}`;
const condition = (p: MessageParams) => (hasParam(p, 'condition') ? ` Condition: ${s(p, 'condition')}.` : '');
const when = (p: MessageParams, otherwise: string) => (hasParam(p, 'context') ? ` when ${s(p, 'context')}` : otherwise);

const REQUIREMENTS: Readonly<Record<string, (v: string) => string>> = {
  at_least_percent: (v) => `at least ${v}% of its criteria passed`,
  at_least_count: (v) => `at least ${v} ${v === '1' ? 'criterion' : 'criteria'} passed`,
  at_least_points: (v) => `at least ${v} ${v === '1' ? 'point' : 'points'}`,
};

function best(p: MessageParams): string {
  if (s(p, 'kind') === 'at_least_points')
    return `at most ${s(p, 'best')} ${s(p, 'best') === '1' ? 'point' : 'points'} can be reached`;
  if (s(p, 'kind') === 'at_least_percent') return `at most ${s(p, 'best')} of ${s(p, 'applicable')} criteria can pass`;
  return `at most ${s(p, 'best')} ${s(p, 'best') === '1' ? 'criterion' : 'criteria'} can pass`;
}

const LEVEL_CAUSES_EN: Readonly<Record<string, (p: MessageParams) => string>> = {
  points: (p) => `it needs ${s(p, 'need')} points and its criteria can earn at most ${s(p, 'most')}`,
  requirement: (p) =>
    `a requirement in force at it cannot be met even if every criterion that can pass does${hasParam(p, 'detail') ? ` (${s(p, 'detail')})` : ''}`,
  mandatory: (p) => `mandatory criterion ${s(p, 'detail')} can never pass`,
  disqualifier: (p) => `disqualifying case ${s(p, 'detail')}, which blocks it, always applies`,
};

export const analyzeEn: Pick<MessageCatalog, keyof typeof analyzeVi> = {
  criterion_never_passes: (p) => ({
    message: `${criterion(p)} can never pass: no valid assessment (within the declared min and max, each part no larger than its whole) makes its condition hold.${condition(p)}`,
    hint: "Compare the threshold with the fact's min and max (at_least: 120 when max: 100?), look for an equals: outside the range or for conditions under all: that contradict each other; correct the threshold or the fact's range.",
  }),
  criterion_never_fails: (p) => ({
    message: `${criterion(p)} always passes when it applies: no valid assessment makes its condition false, so it tells no area apart.${condition(p)}`,
    hint: 'Usually a threshold at or below the lowest possible value (at_least: 0 on a count, a percentage at_least: 0). Keep it only if intended (a placeholder, say so in a note:); otherwise correct the threshold.',
  }),
  disqualifier_always_applies: (p) => ({
    message: `Disqualifying case ${s(p, 'disqualifier')} applies to every valid assessment: no area can ever be recognised.${condition(p)}`,
    hint: "A disqualifier's condition describes the bad case. Check its threshold (at_least: 0 always holds) and is: true / is: false.",
  }),
  disqualifier_never_applies: (p) => ({
    message: `Disqualifying case ${s(p, 'disqualifier')} never applies to a valid assessment: it rules no area out.${condition(p)}`,
    hint: "Compare its threshold with the fact's min and max; if the case is no longer used, remove it from disqualifiers:.",
  }),
  requirement_unreachable: (p) => ({
    message: `${hasParam(p, 'group') ? `Standard ${s(p, 'group')}` : 'The total requirement'} can never meet "${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'value'))}"${when(p, ' for any kind of unit')}: ${best(p)}.`,
    hint: 'Lower the requirement, fix the criteria that cannot pass (see the other findings), or let a criterion that is not applicable leave the denominator (not_applicable: exclude). Note that at_least_count counts passed criteria: a criterion that is not applicable does not count as passed.',
  }),
  mandatory_not_applicable: (p) => ({
    message:
      s(p, 'reason') === 'never_applicable'
        ? `Mandatory criterion ${s(p, 'criterion')} is never applicable${when(p, '')}; a mandatory criterion must pass and "not applicable" is not passing, so such a unit can never be recognised.`
        : `Mandatory criterion ${s(p, 'criterion')} can be not applicable${when(p, '')}; then the unit is not recognised, since "not applicable" is not passing.`,
    hint: 'If the criterion is meant for some kinds of unit only, take it out of recognition.mandatory or add variants: for the other kinds. If this is intended, say so in a note:.',
  }),
  criterion_no_effect: (p) =>
    s(p, 'reason') === 'disqualifier'
      ? {
          message: `The outcome of criterion ${s(p, 'criterion')} never changes the decision: whenever it fails, disqualifying case ${s(p, 'disqualifier')} applies too, so the area is not recognised anyway.`,
          hint: 'This is usually one requirement written twice (same fact, same threshold). If intended (the source states it in both places), say so in a note:; otherwise remove one or correct the threshold.',
        }
      : {
          message: `The outcome of criterion ${s(p, 'criterion')} never changes the decision: standard ${s(p, 'group')} meets its requirement even when this criterion and every other that can fail all fail.`,
          hint: "Check the standard's requirement (an at_least_count or at_least_percent set too low?). If the criterion must matter, raise the requirement or list it in recognition.mandatory.",
        },
  threshold_conflict: (p) => ({
    message: `Threshold "${s(p, 'first')}" of criterion ${s(p, 'criterion')} contradicts threshold "${s(p, 'second')}" of criterion ${s(p, 'other')} (line ${s(p, 'other_line')}): no valid assessment meets both, so the two criteria never pass together.`,
    hint: "Read the two thresholds with the facts' min, max and part_of: e.g. 100% of key titles trained required while another criterion caps that count below the smallest number of key titles. Correct one of them.",
  }),
  text_threshold_mismatch: (p) => ({
    message: `The text of criterion ${s(p, 'criterion')} says ${s(p, 'text_values')}, but its condition's threshold is ${s(p, 'threshold')}%.`,
    hint: 'Make the text and the threshold say the same: the engine decides by the threshold, the printed table shows the text.',
  }),
  equals_reads_at_least: (p) => ({
    message: `Criterion ${s(p, 'criterion')} asks ${s(p, 'fact')} to equal ${s(p, 'value')}, but its words say "${s(p, 'words')}".`,
    hint: `If more than ${s(p, 'value')} also passes, write at_least: ${s(p, 'value')} instead of equals.`,
  }),
  mandatory_not_in_note: (p) => ({
    message: `Criterion ${s(p, 'criterion')} is mandatory, but recognition.note does not name it (mandatory: ${s(p, 'mandatory')}).`,
    hint: 'Say in recognition.note which criteria must pass, by id or by their text, so the printed rule matches what the engine decides.',
  }),
  check_limit: (p) => {
    if (s(p, 'reason') === 'budget')
      return {
        message:
          s(p, 'kind') === 'thresholds'
            ? `The comparison of thresholds between criteria stopped after ${s(p, 'max')} pairs: lcz check claims nothing about the pairs not compared.`
            : `The checks stopped at ${s(p, 'kind') === 'disqualifier' ? `disqualifying case ${s(p, 'id')}` : `criterion ${s(p, 'id')}`}: their budget of ${s(p, 'max')} probe evaluations for the whole rule file was used up. lcz check claims nothing about this part or any part after it.`,
        hint: 'This is not a mistake in the rule file. Split a very large rule file into several, or raise the budget (checkRuleset option maxTotalProbes), to have every part checked.',
      };
    return {
      message:
        s(p, 'kind') === 'contexts'
          ? `There are more than ${s(p, 'max')} context combinations: the checks per kind of unit were not made.`
          : `${s(p, 'kind') === 'disqualifier' ? `Disqualifying case ${s(p, 'id')}` : `Criterion ${s(p, 'id')}`} ${
              s(p, 'reason') === 'unknown_value'
                ? "uses a value the checks do not read (a derived quantity, a table cell chosen by context or date, or the assessment's date)"
                : `reads too many facts to try every combination of values (more than ${s(p, 'max')})`
            }: lcz check claims nothing about it.`,
      hint:
        s(p, 'reason') === 'unknown_value'
          ? "This is not a mistake in the rule file. The YAML test cases check such a condition at its threshold, and at each table cell's boundary (lcz test --coverage)."
          : 'This is not a mistake in the rule file. A condition that reads fewer facts (split into several criteria) is checked in full.',
    };
  },
  parameter_cell_missing: (p) => ({
    message: `The parameter table "${s(p, 'parameter')}" has no cell for ${s(p, 'cell')}, though such a unit can be assessed: conditions that use the parameter stay undetermined for it.`,
    hint: `Add a row for ${s(p, 'cell')} to the parameter's values:, or rule the combination out with context_rules: if it cannot exist.`,
  }),
  id_numbering: (p) => ({
    message:
      s(p, 'kind') === 'disqualifier'
        ? `Id "${s(p, 'id')}" does not follow the numbering of the other disqualifying cases (${s(p, 'pattern')}, e.g. "${s(p, 'example')}").`
        : `Id "${s(p, 'id')}" does not follow the numbering of the other criteria of standard ${s(p, 'group')} (${s(p, 'pattern')}, e.g. "${s(p, 'example')}").`,
    hint: "Ids are the scheme's own and no numbering is required: if this is intended, nothing needs fixing; if it is a slip, correct the id (and every place that names it).",
  }),
  level_points: (p) => ({
    message: `Level ${s(p, 'level')} needs ${s(p, 'need')} points; the criteria that count at it can earn at most ${s(p, 'most')}${hasParam(p, 'per_context') ? ` (per kind of unit: ${s(p, 'per_context')})` : ''}.`,
    hint: 'A note, for reading the scheme: the margin between what a level needs and what can be earned. A level that needs more than can be earned is a warning (level_unreachable).',
  }),
  level_unreachable: (p) => ({
    message: `Level ${s(p, 'level')} can never be reached${when(p, ' by any kind of unit')}${hasParam(p, 'above') ? `, nor any level above it (${s(p, 'above')})` : ''}: ${LEVEL_CAUSES_EN[s(p, 'reason')]?.(p) ?? s(p, 'reason')}.`,
    hint: "Lower the level's requirement, fix the criterion or disqualifier named (see the other findings), or give that kind of unit its own variant. Each level adds its requirements to those of the levels below it.",
  }),
  level_requirement_weaker: (p) => ({
    message: `The ${hasParam(p, 'target') ? `requirement of standard ${s(p, 'target')}` : 'total requirement'} of level ${s(p, 'level')} (${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'value'))}) asks no more than ${s(p, 'lower') === 'recognition' ? 'the recognition rule' : `level ${s(p, 'lower')} below it`} (${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'lower_value'))}): levels add their requirements to those below, so it never decides anything.`,
    hint: 'A higher level should ask more than the one below it. Check the figure (copied from the wrong row?), or remove the requirement if the lower one is meant.',
  }),
  level_disqualifier_redundant: (p) => ({
    message: `Disqualifier ${s(p, 'disqualifier')} is listed under level ${s(p, 'level')}, but recognition.disqualifiers: block already makes it block every level: the list does not limit it to level ${s(p, 'level')} and above.`,
    hint: `To block only level ${s(p, 'level')} and the levels above it, write from_level: ${s(p, 'level')} on disqualifier ${s(p, 'disqualifier')} and remove it from this list. If it is meant to block every level, remove it from this list.`,
  }),
};

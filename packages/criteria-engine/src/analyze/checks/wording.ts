/**
 * The words of a rule against its numbers. A policy officer changes a threshold and forgets the
 * text, or writes `equals: 1` where the text says "at least one", or makes a criterion mandatory
 * without saying so in the recognition note: the file validates and every test passes, yet the
 * printed rule and the decision disagree. These checks compare only what can be compared with
 * certainty (percentages written in a text with the percent thresholds of the same criterion;
 * "at least" words with an `equals` on a whole-number fact; the ids or words of a mandatory
 * criterion with the note), and say warnings, never errors: a person decides.
 */
import type { ConditionInfo, CriterionInfo, FactInfo } from '../../compile/compiled-ruleset.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import { thresholdShape } from '../../compile/functions/index.js';
import type { Findings } from '../findings.js';

/** Words that say "this many or more", in the languages rule files are written in. */
const AT_LEAST = /ít nhất|tối thiểu|trở lên|at least|or more|a minimum of/iu;
const PERCENT_IN_TEXT = /(\d+(?:[.,]\d+)?)\s*%/gu;
/** Share of the criterion text's word pairs the note must hold to count as naming it. */
const NOTE_OVERLAP = 0.5;
const NOTE_PAIRS = 12;

type Texts = Readonly<Record<string, string | undefined>> | undefined;

/** A text by language, readable by any language name (a copy: LocalizedText is an interface). */
const byLanguage = (text: LocalizedText | undefined): Texts => (text === undefined ? undefined : { ...text });

export function checkWording(f: Findings): void {
  const { ruleset } = f;
  // Whole-number facts by id, built once for every criterion.
  const wholeNumbers = new Map(ruleset.facts.filter((x) => x.type === 'integer').map((x) => [x.id, x]));
  for (const c of ruleset.criteria) {
    textAgainstThresholds(f, c);
    equalsAgainstWords(f, c, wholeNumbers);
  }
  mandatoryInNote(f);
}

function conditionsOf(c: CriterionInfo): { condition: ConditionInfo; texts: string[] }[] {
  const own = c.condition ? [{ condition: c.condition, texts: values(c.text) }] : [];
  const variants = (c.variants ?? []).map((v) => ({
    condition: v.condition,
    texts: [...values(c.text), ...values(v.text), ...values(v.label)],
  }));
  return [...own, ...variants];
}

/**
 * Per language: when a text writes percentages, each percent threshold of the criterion must be
 * among them. Per language, because an officer who edits the Vietnamese text and forgets the
 * threshold leaves the English text agreeing with it.
 */
function textAgainstThresholds(f: Findings, c: CriterionInfo): void {
  const texts = [c.text, ...(c.variants ?? []).map((v) => v.text)].map(byLanguage);
  const langs = new Set(texts.flatMap((t) => Object.keys(t ?? {})));
  const thresholds = conditionsOf(c).flatMap(({ condition }) => condition.thresholds);
  for (const lang of langs) {
    const written = new Set<string>();
    for (const text of texts)
      for (const m of (text?.[lang] ?? '').matchAll(PERCENT_IN_TEXT)) written.add(normal(m[1] ?? ''));
    if (written.size === 0) continue;
    // A threshold its function prints as a percentage (its shape's unit), whichever function that is.
    const missed = thresholds.find(
      (t) => t.kind !== 'compare' && thresholdShape(t)?.unit === 'percent' && !written.has(normal(String(t.value))),
    );
    if (missed === undefined) continue;
    const shown = [...written].map((v) => `${v}%`).join(', ');
    f.add(
      'text_threshold_mismatch',
      [...f.criterion(c.id), 'text', lang],
      { criterion: c.id, text_values: shown, threshold: missed.value },
      'warning',
    );
    return;
  }
}

function equalsAgainstWords(f: Findings, c: CriterionInfo, wholeNumbers: ReadonlyMap<string, FactInfo>): void {
  for (const { condition, texts } of conditionsOf(c)) {
    for (const t of condition.thresholds) {
      if (t.kind !== 'compare' || t.op !== '==' || typeof t.value !== 'number') continue;
      const fact = wholeNumbers.get(t.fact);
      if (fact === undefined) continue;
      const words = [...texts, ...values(fact.label)].map((text) => AT_LEAST.exec(text)?.[0]).find(Boolean);
      if (words === undefined) continue;
      f.add(
        'equals_reads_at_least',
        f.condition(c.id),
        { criterion: c.id, fact: t.fact, value: t.value, words },
        'warning',
      );
      return;
    }
  }
}

function mandatoryInNote(f: Findings): void {
  const { ruleset } = f;
  const note = byLanguage(ruleset.document.recognition.note);
  if (note === undefined || ruleset.mandatory.length === 0) return;
  const notes = Object.entries(note).filter((e): e is [string, string] => typeof e[1] === 'string');
  ruleset.mandatory.forEach((id, i) => {
    const c = ruleset.criteria.find((x) => x.id === id);
    const named = notes.some(([lang, text]) => {
      if (new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(id)}(?![\\p{L}\\p{N}]|\\.\\d)`, 'u').test(text)) return true;
      const own = byLanguage(c?.text)?.[lang];
      return own !== undefined && overlap(own, text) >= NOTE_OVERLAP;
    });
    if (!named)
      f.add(
        'mandatory_not_in_note',
        ['recognition', 'mandatory', i],
        { criterion: id, mandatory: ruleset.mandatory.join(', ') },
        'warning',
      );
  });
}

/** The share of the first word pairs of `text` that `note` also has: "named by its words". */
function overlap(text: string, note: string): number {
  const pairs = wordPairs(text).slice(0, NOTE_PAIRS);
  if (pairs.length === 0) return 0;
  const inNote = new Set(wordPairs(note));
  return pairs.filter((p) => inNote.has(p)).length / pairs.length;
}

function wordPairs(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/\p{L}+/gu) ?? [];
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

function values(text: unknown): string[] {
  if (text === null || typeof text !== 'object') return [];
  return Object.values(text).filter((v): v is string => typeof v === 'string');
}

function normal(n: string): string {
  return String(Number(n.replace(',', '.')));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

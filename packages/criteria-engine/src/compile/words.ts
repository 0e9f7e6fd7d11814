/**
 * The words a scheme uses for what it assesses and for the attribute that groups its results
 * (the assessment's `area.unit`), from the rule file's `words:`. Every tool (templates, reports,
 * explanations, docs, messages) takes them from here, so nothing in code names one scheme's
 * units. A file without `words:` gets generic words, the same for every scheme.
 */
import type { Language } from '../diagnostics/language.js';
import type { LocalizedText, RulesetDocument, WordForms } from '../validate/ruleset-document.js';

export interface SchemeWords {
  /** What one assessment is about: a residential area, a school, a building… */
  readonly assessed: WordForms;
  /** What groups results in reports (area.unit): the administrative unit above the assessed one… */
  readonly groupedBy: WordForms;
  /** Whether the words came from the rule file (false: the generic ones below). */
  readonly declared: boolean;
}

export const GENERIC_WORDS: SchemeWords = Object.freeze({
  assessed: {
    one: { vi: 'đối tượng được đánh giá', en: 'assessed unit' },
    many: { vi: 'các đối tượng được đánh giá', en: 'assessed units' },
  },
  groupedBy: {
    one: { vi: 'đơn vị tổng hợp kết quả', en: 'reporting unit' },
    many: { vi: 'các đơn vị tổng hợp kết quả', en: 'reporting units' },
  },
  declared: false,
});

export function schemeWords(doc: Pick<RulesetDocument, 'words'>): SchemeWords {
  if (!doc.words) return GENERIC_WORDS;
  return Object.freeze({
    assessed: doc.words.assessed,
    groupedBy: doc.words.grouped_by ?? GENERIC_WORDS.groupedBy,
    declared: true,
  });
}

/** "Đơn vị" from "đơn vị": for a word at the start of a heading or a sentence. */
export function capitalised(text: string): string {
  return text.length === 0 ? text : text[0]?.toLocaleUpperCase('vi') + text.slice(1);
}

/** A word in one language, singular or plural. */
export function word(forms: WordForms, lang: Language, count: 'one' | 'many' = 'one'): string {
  const text: LocalizedText = forms[count];
  return text[lang];
}

/**
 * A message catalogue with the scheme's words put in: `{assessed}`, `{assessed_many}`,
 * `{grouped_by}`, `{grouped_by_many}`, and the same capitalised (`{Assessed}`…) for the start of
 * a heading or a sentence. Catalogues say `{assessed}` where they once named one scheme's unit; other
 * placeholders are left for the message's own values.
 */
export function withWords<T extends Readonly<Record<string, unknown>>>(
  catalogue: T,
  words: SchemeWords,
  lang: Language,
): T {
  const forms: Record<string, string> = {
    assessed: word(words.assessed, lang),
    assessed_many: word(words.assessed, lang, 'many'),
    grouped_by: word(words.groupedBy, lang),
    grouped_by_many: word(words.groupedBy, lang, 'many'),
  };
  for (const [key, text] of Object.entries({ ...forms })) forms[capitalised(key)] = capitalised(text);
  const put = (text: string) =>
    text.replace(
      /\{(assessed|assessed_many|grouped_by|grouped_by_many|Assessed|Assessed_many|Grouped_by|Grouped_by_many)\}/g,
      (_, k: string) => forms[k] ?? _,
    );
  // cast: the same keys with each text's words put in, so the same shape as the catalogue given.
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [key, typeof value === 'string' ? put(value) : value]),
  ) as T;
}

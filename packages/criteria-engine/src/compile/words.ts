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
  /** What groups results in reports (area.unit): a ward or commune, a district… */
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
    one: { vi: 'đơn vị quản lý', en: 'administrative unit' },
    many: { vi: 'các đơn vị quản lý', en: 'administrative units' },
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

/** "Khu dân cư" from "khu dân cư": for a word at the start of a heading or a sentence. */
export function capitalised(text: string): string {
  return text.length === 0 ? text : text[0]?.toLocaleUpperCase('vi') + text.slice(1);
}

/** A word in one language, singular or plural. */
export function word(forms: WordForms, lang: Language, count: 'one' | 'many' = 'one'): string {
  const text: LocalizedText = forms[count];
  return text[lang];
}

/**
 * The languages a rule file writes its texts in (`languages: [vi, en]`, `[vi]` or `[en]`; absent
 * means `[vi, en]`). The schema lets a text hold either language; this step, run after it, asks
 * each text for exactly the declared ones, every problem located at the text. A file in one
 * language is then filled out so every later stage can read a text in either language: the
 * missing one takes the file's first language, and `fallbackLanguage` tells renderers so they
 * can say it (the substitution is documented and shown, never silent).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/source.js';
import type { DocumentPath, ParsedDocument } from '../parse/index.js';
import { LANGUAGES, type Language } from '../diagnostics/language.js';
import type { LocalizedText } from './ruleset-document.js';

/** What a file without `languages:` declares. */
export const ALL_LANGUAGES: readonly Language[] = LANGUAGES;

/** The languages a parsed rule file declares (the schema has checked their form). */
export function declaredLanguages(value: unknown): readonly Language[] {
  const declared = isRecord(value) ? value['languages'] : undefined;
  const languages = Array.isArray(declared) ? declared.filter(isLanguage) : [];
  return languages.length > 0 ? languages : ALL_LANGUAGES;
}

/**
 * The language a text is actually shown in when `wanted` is asked for: `wanted` when the file
 * has it, else the file's first language.
 */
export function shownLanguage(languages: readonly Language[], wanted: Language): Language {
  return languages.includes(wanted) ? wanted : (languages[0] ?? wanted);
}

/** Whether asking for `wanted` shows another language's texts (renderers then say so). */
export function fallbackLanguage(languages: readonly Language[], wanted: Language): Language | undefined {
  const shown = shownLanguage(languages, wanted);
  return shown === wanted ? undefined : shown;
}

/**
 * A text is a mapping whose keys are languages and whose values are strings: no other mapping of
 * the format looks like that (facts, context attributes, parameters and owners map names to
 * mappings, never to strings), so the walk needs no copy of the schema.
 */
function isText(value: Record<string, unknown>): value is Record<string, string> {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'vi' || k === 'en') && typeof value[k] === 'string');
}

/** Every text of the document with its path. */
function collectTexts(value: unknown, path: (string | number)[], out: [DocumentPath, Record<string, string>][]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collectTexts(item, [...path, i], out);
    return;
  }
  if (!isRecord(value)) return;
  if (isText(value)) {
    out.push([path, value]);
    return;
  }
  for (const [key, item] of Object.entries(value)) collectTexts(item, [...path, key], out);
}

/** Each text in the declared languages, and in no other. */
export function checkTextLanguages(parsed: ParsedDocument): Diagnostic[] {
  const languages = declaredLanguages(parsed.value);
  const texts: [DocumentPath, Record<string, string>][] = [];
  collectTexts(parsed.value, [], texts);
  const diagnostics: Diagnostic[] = [];
  const declared = languages.join(', ');
  for (const [path, text] of texts) {
    for (const language of languages) {
      if (text[language] === undefined)
        diagnostics.push(
          makeDiagnostic(parsed.source, 'text_language_missing', parsed.rangeOf(path), {
            language,
            languages: declared,
          }),
        );
    }
    for (const language of Object.keys(text)) {
      if (!languages.some((declaredLanguage) => declaredLanguage === language))
        diagnostics.push(
          makeDiagnostic(parsed.source, 'text_language_undeclared', parsed.keyRangeOf([...path, language]), {
            language,
            languages: declared,
          }),
        );
    }
  }
  return diagnostics;
}

/** The document with every text in both languages: a missing one takes the first declared language's. */
export function fillTextLanguages(value: unknown, languages: readonly Language[]): unknown {
  if (languages.length === ALL_LANGUAGES.length) return value;
  const first = languages[0] ?? 'vi';
  const fill = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fill);
    if (!isRecord(node)) return node;
    if (isText(node)) {
      // A text without the first language is reported (text_language_missing): never filled from it.
      const source = node[first] ?? '';
      const text: LocalizedText = { vi: node['vi'] ?? source, en: node['en'] ?? source };
      return text;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
  };
  return fill(value);
}

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

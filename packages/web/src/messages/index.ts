/** The component's words per language, and the one function that fills a template. */
import { escapeParams, GENERIC_WORDS, interpolate, type SchemeWords, withWords } from '@lcz/criteria-engine';
import { en, type MessageKey, type Messages } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';
export type { MessageKey };

const CATALOGS: Readonly<Record<Lang, Messages>> = { vi, en };

/** Whether `key` names a message (a `data-msg` attribute of the page, say). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** `vi` unless the value says English: an unknown language falls back to the authority. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * The message `key` in `lang`, with `{name}` placeholders replaced by `params`. A param may be
 * what the person typed, so invisible and reordering characters in it are shown escaped. The
 * words for what is assessed (`{assessed}`…) are the rule file's when the caller has it; the
 * engine's generic words otherwise.
 */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
  words: SchemeWords = GENERIC_WORDS,
): string {
  const { text } = withWords({ text: CATALOGS[lang][key] }, words, lang);
  return interpolate(text, escapeParams(params));
}

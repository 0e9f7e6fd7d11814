/** The component's words per language, and the one function that fills a template. */
import { interpolate } from '@lcz/criteria-engine';
import { en, type MessageKey, type Messages } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';
export type { MessageKey, Messages };

const CATALOGS: Readonly<Record<Lang, Messages>> = { vi, en };

/** `vi` unless the value says English: an unknown language falls back to the authority. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** The message `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return interpolate(CATALOGS[lang][key], params);
}

export const catalogs = CATALOGS;

/**
 * The languages every text the engine renders comes in. The compiler checks `lang` for
 * TypeScript callers; a JavaScript caller gets this clear error instead of a TypeError from
 * deep inside a message catalogue (`undefined` reading 'report_heading').
 */
export const LANGUAGES = ['vi', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

/** Throws a RangeError naming the supported languages when `lang` is not one of them. */
export function checkLanguage(lang: unknown, caller: string): asserts lang is Language {
  if (lang === 'vi' || lang === 'en') return;
  const shown = typeof lang === 'string' ? JSON.stringify(lang) : String(lang);
  throw new RangeError(
    `${caller}: ngôn ngữ ${shown} không được hỗ trợ; dùng "vi" (tiếng Việt) hoặc "en" (tiếng Anh). / ` +
      `${caller}: unsupported language ${shown}; the supported languages are "vi" (Vietnamese) and "en" (English).`,
  );
}

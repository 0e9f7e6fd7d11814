/**
 * The client's language from Accept-Language: Vietnamese or English, Vietnamese (the authority)
 * when the header asks for neither. Only texts that come in one language (a problem's title and
 * detail, an explanation) depend on it; `errors` always carry both.
 */
import Negotiator from 'negotiator';
import type { Lang } from './problem.js';

const LANGS: Lang[] = ['vi', 'en'];

export function negotiateLang(acceptLanguage: string | undefined): Lang {
  if (acceptLanguage === undefined || acceptLanguage.trim() === '') return 'vi';
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(LANGS);
  return best === 'en' ? 'en' : 'vi';
}

/**
 * The loaded rule file's words (`words:`: what it assesses, what groups its results) for the CLI's
 * own messages: `say(lang, key, params, wordsOf(ruleset, lang))`. Commands that have loaded a
 * ruleset have loaded the engine, so importing it here costs nothing at start-up.
 */
import { withWords, type CompiledRuleset } from '@lcz/criteria-engine';
import type { Lang } from './session.js';

export function wordsOf(ruleset: Pick<CompiledRuleset, 'words'>, lang: Lang): (text: string) => string {
  return (text) => withWords({ text }, ruleset.words, lang).text;
}

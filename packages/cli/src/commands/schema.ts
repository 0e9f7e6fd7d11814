/**
 * `lcz schema --rules <rules> [--out file]`: the JSON Schema of an assessment for this ruleset,
 * made by the engine from the very zod schema it validates with (assessmentJsonSchema(ruleset)), so
 * editors and other tools check files exactly as lcz does, short of the relations (part ≤ whole)
 * and context rules, which JSON Schema cannot say.
 */
import { assessmentJsonSchema, word } from '@lcz/criteria-engine';
import type { SchemaOptions } from './schema.usage.js';
import { EXIT, say, writeOutput, type Session } from '../session.js';
import { loadRulesOrReport } from './load.js';

export async function schema(options: SchemaOptions, session: Session): Promise<number> {
  const { lang } = options;
  const loaded = await loadRulesOrReport(options.rules, session, lang, 'rules_invalid');
  if (loaded === undefined) return EXIT.invalid;
  const { ruleset } = loaded;
  const json = {
    ...assessmentJsonSchema(ruleset),
    title: `${ruleset.title.en} (${ruleset.id} ${ruleset.version}): assessment`,
    // What is assessed is the rule file's word (`words:`), or the engine's generic one.
    description: `${ruleset.title.vi}. Một phiếu đánh giá: dữ kiện của một ${word(ruleset.words.assessed, 'vi')} trong một năm. / One assessment: the facts of one ${word(ruleset.words.assessed, 'en')} in one year.`,
  };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (options.out === undefined) {
    session.out(text);
    return EXIT.ok;
  }
  await writeOutput(session, options.out, text, 'schema');
  session.err(say(lang, 'schema_written', { path: options.out, id: ruleset.id, version: ruleset.version }));
  return EXIT.ok;
}

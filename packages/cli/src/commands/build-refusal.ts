/**
 * The reason in `lcz build`'s note when it writes no decide or plan module, in the note's
 * language: the engine gives it as data (a code and parameters, generate/refusal.ts) and the
 * words come from the catalogues (`build_reason_<code>`, `build_part_<part>`), never its English.
 */
import type {
  GenerateRefusal,
  GenerateRefusalCode,
  GenerateRefusalConstruct,
  GenerateRefusalPart,
} from '@lcz/criteria-engine';
import type { CliMessageKey } from '../messages/en.js';
import { say } from '../session.js';

type Lang = Parameters<typeof say>[0];

/** The catalogue key of a refusal code. */
export function reasonKey(code: GenerateRefusalCode): CliMessageKey {
  return `build_reason_${code}`;
}

/** The catalogue key of the part of the plan a refusal names. */
export function partKey(part: GenerateRefusalPart): CliMessageKey {
  return `build_part_${part}`;
}

/** The catalogue key of what a `construct` refusal says the part uses. */
export function constructKey(construct: GenerateRefusalConstruct): CliMessageKey {
  return `build_construct_${construct}`;
}

/**
 * The reason, worded in `lang`, its ids and values filled in as they are, and where the part is
 * written when the engine says (`place` shows its file as the user named it).
 */
export function refusalReason(lang: Lang, reason: GenerateRefusal, place: (file: string) => string = (f) => f): string {
  const { part, construct, file, line, column, ...rest } = reason.params;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) params[name] = value;
  if (construct)
    params.construct = say(
      lang,
      // A table keyed by dates only has no keys to name: "(by )" would read as a word left out.
      construct === 'parameter_table' && !params.by ? 'build_construct_parameter_table_dated' : constructKey(construct),
      params,
    );
  if (part) params.part = say(lang, partKey(part), params);
  const text = say(lang, reasonKey(reason.code), params);
  if (file === undefined) return text;
  return `${text}, ${say(lang, 'build_at', { place: `${place(file)}:${line ?? 1}:${column ?? 1}` })}`;
}

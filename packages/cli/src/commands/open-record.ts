/**
 * Opening a record that must exist already: `lcz report --records` reads one and `lcz serve
 * --records` adds to one, and only `lcz records register` starts one. A mistyped folder is
 * records_store_missing and a damaged record its own problem, said in the language asked, never
 * answered by a new, empty record.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type { RecordsStore } from '@lcz/criteria-records';
import type { Lang, Session } from '../session.js';

/** The record at a folder or postgres:// URL, or undefined once its problems are printed. */
export async function openExistingRecord(
  location: string,
  session: Session,
  lang: Lang,
  ruleset: CompiledRuleset,
): Promise<RecordsStore | undefined> {
  // Loaded only here, so that commands without --records never load the record's database code.
  const { formatRecordsProblems, isPostgresUrl, openRecordsStore, RecordsError } = await import(
    '@lcz/criteria-records'
  );
  try {
    return await openRecordsStore(isPostgresUrl(location) ? location : session.abs(location), { create: false });
  } catch (error) {
    if (!(error instanceof RecordsError)) throw error;
    session.err(formatRecordsProblems(session.relocate(error.problems), lang, ruleset.words));
    return undefined;
  }
}

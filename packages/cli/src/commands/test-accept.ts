/**
 * `lcz test --accept <case>… | --accept-all`: rewrite the expectations of failed cases to the
 * outcome under the current rules, in place (comments and layout kept: see the engine's
 * rewriteExpectations). All or nothing: every chosen case is checked and every file rewritten in
 * memory first; only then are the files written, each atomically. A case that fails only because
 * its base file lacks a fact is refused: that is one fix in the base file, not an expectation.
 */
import { readFile } from 'node:fs/promises';
import type { CaseProposal, Proposals } from '@lcz/criteria-engine/tools';
import { rewriteExpectations } from '@lcz/criteria-engine/tools';
import { EXIT, say, writeOutput, type Lang, type Session } from '../session.js';

export interface AcceptChoice {
  readonly names: readonly string[];
  readonly all: boolean;
}

/** Rewrites the chosen cases' files; the exit code when something was refused, else undefined. */
export async function acceptProposals(
  proposals: Proposals,
  lacking: ReadonlyMap<string, { readonly facts: readonly string[]; readonly file: string }>,
  choice: AcceptChoice,
  session: Session,
  lang: Lang,
): Promise<number | undefined> {
  const chosen = choice.all ? [...proposals.cases] : [];
  let refused = false;
  for (const name of choice.names) {
    const found = proposals.cases.filter((c) => c.name === name);
    if (found.length > 0) {
      chosen.push(...found);
      continue;
    }
    refused = true;
    const lack = lacking.get(name);
    session.err(
      lack === undefined
        ? say(lang, 'test_accept_unknown', { name })
        : say(lang, 'test_accept_lacking', { name, facts: lack.facts.join(', '), file: session.display(lack.file) }),
    );
  }
  if (refused) return EXIT.invalid;

  const byFile = new Map<string, CaseProposal[]>();
  for (const c of chosen) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const rewritten: { file: string; text: string; cases: number; changes: number }[] = [];
  for (const [file, cases] of byFile) {
    const changes = cases.flatMap((c) => c.changes);
    const outcome = rewriteExpectations(await readFile(file, 'utf8'), changes);
    if ('failed' in outcome) {
      session.err(say(lang, 'test_accept_failed', { file: session.display(file), path: outcome.failed }));
      return EXIT.invalid;
    }
    rewritten.push({ file, text: outcome.text, cases: cases.length, changes: changes.length });
  }
  for (const r of rewritten) {
    await writeOutput(session, r.file, r.text, 'test');
    session.err(say(lang, 'test_accepted', { file: session.display(r.file), changes: r.changes, cases: r.cases }));
  }
  return undefined;
}

/**
 * Proposals for people (`lcz test --propose`): per failed case, the old expectation and the new
 * value side by side, then why the decision is what it is now; then, once per fact and file, the
 * facts that base files lack. Pure: the caller prints.
 */
import { requirementValue } from '../evaluate/requirement.js';
import type { Locale } from '../diagnostics/format.js';
import { checkLanguage } from '../diagnostics/language.js';
import { interpolate } from '../diagnostics/interpolate.js';
import type { DecisionReason } from '../evaluate/result.js';
import { formatMismatch } from './format-test-run.js';
import { TEST_REPORT_WORDS, type TestReportWords } from './messages.js';
import type { LackingFact, ProposalDetail, Proposals } from './propose.js';

export interface FormatProposalOptions {
  readonly color?: boolean;
  /** The rules path as the user typed it, for the line that says how to accept. */
  readonly rules?: string;
}

export function formatProposals(proposals: Proposals, lang: Locale, options: FormatProposalOptions = {}): string {
  checkLanguage(lang, 'formatProposals');
  const words = TEST_REPORT_WORDS[lang];
  const lines: string[] = [];
  if (proposals.cases.length === 0) lines.push(words.proposal_none);
  else lines.push(words.proposal_heading);
  for (const c of proposals.cases) {
    lines.push('', `  ✗ ${c.name}  (${c.file}:${c.line}:${c.column})`);
    for (const m of c.changes) lines.push(...formatMismatch(m, c.file, lang, options.color));
    if (c.why.length > 0) lines.push(`      ${words.proposal_why}: ${c.why.map((r) => reason(r, words)).join('; ')}`);
    for (const d of c.details) lines.push(`        · ${detail(d, words)}`);
  }
  if (proposals.lacking.length > 0) lines.push('', formatLacking(proposals.lacking, lang));
  if (proposals.cases.length > 0 && options.rules !== undefined)
    lines.push('', interpolate(words.proposal_accept_hint, { rules: quoteArg(options.rules) }));
  return lines.join('\n');
}

/** Once per fact and file: which base file lacks which fact, and how many failed cases that explains. */
export function formatLacking(lacking: readonly LackingFact[], lang: Locale): string {
  checkLanguage(lang, 'formatLacking');
  const words = TEST_REPORT_WORDS[lang];
  const lines = [words.lacking_heading];
  for (const l of lacking)
    lines.push(`  ${interpolate(words.lacking_fact, { file: l.file, fact: l.fact, count: l.cases })}`);
  return lines.join('\n');
}

function reason(r: DecisionReason, words: TestReportWords): string {
  switch (r.kind) {
    case 'disqualified':
      return interpolate(words.reason_disqualified, { id: r.id });
    case 'mandatory_failed':
      return interpolate(words.reason_mandatory_failed, { id: r.id });
    case 'group_not_met':
      return interpolate(words.reason_group_not_met, { id: r.id });
    case 'total_not_met':
      return words.reason_total_not_met;
    case 'requirement_not_met':
      return interpolate(
        'at_least_count' in r.requirement ? words.reason_requirement_count : words.reason_requirement_points,
        { value: requirementValue(r.requirement), of: r.of.join(', ') },
      );
    case 'unknown':
      return interpolate(words.reason_unknown, { ids: r.ids.join(', ') });
  }
}

function detail(d: ProposalDetail, words: TestReportWords): string {
  if (d.kind === 'criterion') return interpolate(words.detail_criterion, d);
  const { id, passed, applicable, required } = d;
  const parts = [interpolate(words.detail_group, { id, passed, applicable, required })];
  if (d.failing.length > 0) parts.push(`${words.detail_failing}: ${d.failing.join(', ')}`);
  if (d.unknown.length > 0) parts.push(`${words.detail_unknown}: ${d.unknown.join(', ')}`);
  return parts.join('; ');
}

/** A path as a shell would take it back. */
function quoteArg(path: string): string {
  return /^[\w./@:-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

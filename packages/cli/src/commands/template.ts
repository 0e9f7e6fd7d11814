/**
 * `lcz template --rules <rules> --format xlsx|csv [--headers labels|ids] [--out file]`: a blank
 * input file for a batch, laid out from the ruleset (packages/batch/README.md). CSV goes to
 * standard output without --out; XLSX, being binary, needs --out.
 */
import { PassThrough } from 'node:stream';
import { batchColumns, OutputError, writeTemplate } from '@lcz/criteria-batch';
import type { TemplateOptions } from './template.usage.js';
import { EXIT, refuseOutputOverInput, say, UsageError, type Session } from '../session.js';
import { loadRulesOrReport } from './load.js';

export async function template(options: TemplateOptions, session: Session): Promise<number> {
  const { lang } = options;
  await refuseOutputOverInput(session, 'template', { '--out': options.out }, [options.rules]);
  const loaded = await loadRulesOrReport(options.rules, session, lang, 'rules_invalid');
  if (loaded === undefined) return EXIT.invalid;
  const { ruleset } = loaded;
  const owners = ruleset.owners.map((o) => o.id);
  if (options.owner !== undefined && options.owner !== 'area' && !owners.includes(options.owner)) {
    throw new UsageError(
      'template_unknown_owner',
      { value: options.owner, list: ['area', ...owners].join(', ') },
      'template',
    );
  }
  // 'area': the facts no department answers for, which the assessed unit (or whoever reports for it) reports itself.
  const owner = options.owner === undefined ? {} : { owner: options.owner === 'area' ? null : options.owner };
  const layout = { format: options.format, headers: options.headers, ...owner } as const;
  if (options.out === undefined) {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeTemplate(ruleset, sink, layout);
    session.out(Buffer.concat(chunks).toString('utf8'));
    return EXIT.ok;
  }
  try {
    await writeTemplate(ruleset, session.abs(options.out), layout);
  } catch (error) {
    if (error instanceof OutputError)
      throw new UsageError('cannot_write', { path: options.out, reason: error.code }, 'template');
    throw error;
  }
  const columns = batchColumns(ruleset).filter(
    (c) =>
      c.kind !== 'fact' ||
      owner.owner === undefined ||
      (ruleset.facts.find((f) => f.id === c.id)?.owner ?? null) === owner.owner,
  );
  session.err(
    say(lang, 'template_written', {
      path: options.out,
      columns: columns.length,
      facts: columns.filter((c) => c.kind === 'fact').length,
    }),
  );
  return EXIT.ok;
}

/**
 * `lcz template --rules <rules> --format xlsx|csv [--headers labels|ids] [--out file]`: a blank
 * input file for a batch, laid out from the ruleset (packages/batch/README.md). CSV goes to
 * standard output without --out; XLSX, being binary, needs --out.
 */
import { PassThrough } from 'node:stream';
import { batchColumns, OutputError, writeTemplate } from '@lcz/criteria-batch';
import { formatDiagnostics } from '@lcz/criteria-engine';
import type { TemplateOptions } from '../run.js';
import { EXIT, say, UsageError, type Session } from '../session.js';
import { loadRules } from './load.js';

export async function template(options: TemplateOptions, session: Session): Promise<number> {
  const { lang } = options;
  const { ruleset, diagnostics } = await loadRules(options.rules, session);
  if (ruleset === undefined) {
    session.err(formatDiagnostics(diagnostics, lang));
    session.err(
      say(lang, 'rules_invalid', {
        path: options.rules,
        count: diagnostics.filter((d) => d.severity === 'error').length,
      }),
    );
    return EXIT.invalid;
  }
  const layout = { format: options.format, headers: options.headers } as const;
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
  const columns = batchColumns(ruleset);
  session.err(
    say(lang, 'template_written', {
      path: options.out,
      columns: columns.length,
      facts: columns.filter((c) => c.kind === 'fact').length,
    }),
  );
  return EXIT.ok;
}

/**
 * `lcz serve --rules <dir>...`: the HTTP API (@lcz/criteria-http) on one host and port until
 * SIGINT or SIGTERM. The rules are loaded and checked first, the way `lcz validate` does, so a
 * broken file is reported located and the server does not start. Logs are JSON lines (pino) on
 * standard output; the human lines (where it listens, that it stopped) go to standard error.
 */
import type { Server } from 'node:net';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type { RecordsHttpOptions } from '@lcz/criteria-http';
import type { ServeOptions } from './serve.usage.js';
import { bilingual, errorReason, EXIT, type Session } from '../session.js';
import { loadRules, reportInvalidRules } from './load.js';
import { required } from '../guards.js';
import { openExistingRecord } from './open-record.js';

export async function serve(options: ServeOptions, session: Session): Promise<number> {
  const rulesets = await loadAllRules(options, session);
  if (rulesets === undefined) return EXIT.invalid;
  const served = options.records === undefined ? undefined : await openRecords(options, session, rulesets);
  if (served === null) return EXIT.invalid;

  // Loaded only now, so that `--help` and usage errors never load Fastify.
  const { createServer, CriteriaHttpOptionsError } = await import('@lcz/criteria-http');
  let app: Awaited<ReturnType<typeof createServer>>;
  try {
    app = await createServer({
      rules: rulesets,
      limits: {
        ...(options.bodyLimit !== undefined ? { bodyBytes: options.bodyLimit } : {}),
        ...(options.batchLimit !== undefined ? { batchLength: options.batchLimit } : {}),
        ...(options.timeoutMs !== undefined ? { handlerTimeoutMs: options.timeoutMs } : {}),
      },
      allowUploadedRulesetEvaluation: options.allowInlineRules,
      ...(options.bodyWorkers !== undefined ? { bodyWorkers: options.bodyWorkers } : {}),
      ...(served ? { records: served.options } : {}),
      logger: { level: options.logLevel, stream: { write: (line: string) => session.out(line) } },
    });
  } catch (error) {
    // Two rulesets with the same id and version: the operator's to fix.
    await served?.options.store.close();
    if (error instanceof CriteriaHttpOptionsError) {
      session.err(`lcz: ${error.message}`);
      return EXIT.invalid;
    }
    throw error;
  }

  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    await served?.options.store.close();
    session.err(
      bilingual('serve_listen_failed', {
        address: `${options.host}:${options.port}`,
        reason: errorReason(error),
      }),
    );
    return EXIT.invalid;
  }
  announce(app.server.address(), options, session, rulesets, served);

  await untilStopped();
  await app.close();
  await served?.options.store.close();
  session.err(bilingual('serve_stopped'));
  return EXIT.ok;
}

/** Every ruleset named, each checked the way `lcz validate` does; undefined when any is broken (all reported). */
async function loadAllRules(options: ServeOptions, session: Session): Promise<CompiledRuleset[] | undefined> {
  const rulesets: CompiledRuleset[] = [];
  let broken = false;
  for (const path of options.rules) {
    const { ruleset, diagnostics } = await loadRules(path, session);
    if (ruleset === undefined) {
      await reportInvalidRules(session, options.lang, path, diagnostics, 'rules_invalid_nothing_served', true);
      broken = true;
    } else rulesets.push(ruleset);
  }
  return broken ? undefined : rulesets;
}

/** Where the server listens and what it serves, on standard error (standard output carries the JSON logs). */
function announce(
  address: ReturnType<Server['address']>,
  options: ServeOptions,
  session: Session,
  rulesets: readonly CompiledRuleset[],
  served: { options: RecordsHttpOptions; shown: string } | undefined,
): void {
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  session.err(bilingual('serve_listening', { url, rulesets: rulesets.map((r) => `${r.id} ${r.version}`).join(', ') }));
  if (options.allowInlineRules) session.err(bilingual('serve_inline_rules_on'));
  if (served) {
    session.err(
      served.options.keys.length > 0
        ? bilingual('serve_records_on', { store: served.shown, keys: served.options.keys.length })
        : bilingual('serve_records_read_only', { store: served.shown }),
    );
  }
}

/** Resolves on the first SIGINT or SIGTERM, and stops listening for both. */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * The record and the operator's keys, checked before the server starts: a broken key file (or a
 * department the rules do not know) is reported located and nothing is served. The facts written
 * are those of the first ruleset named with --rules. null: reported, do not start.
 */
async function openRecords(
  options: ServeOptions,
  session: Session,
  rulesets: readonly CompiledRuleset[],
): Promise<{ options: RecordsHttpOptions; shown: string } | null> {
  const { checkKeyOwners, formatRecordsProblems, loadApiKeys } = await import('@lcz/criteria-records');
  const ruleset = required(rulesets[0], 'a loaded ruleset');
  const location = required(options.records, '--records');
  let keys: RecordsHttpOptions['keys'] = [];
  if (options.keys !== undefined) {
    const loaded = await loadApiKeys(session.abs(options.keys));
    const problems = loaded.value ? checkKeyOwners(loaded.value, ruleset) : loaded.problems;
    if (problems.length > 0) {
      session.err(formatRecordsProblems(session.relocate(problems), options.lang, ruleset.words));
      session.err(bilingual('serve_keys_invalid', { path: options.keys, count: problems.length }));
      return null;
    }
    keys = loaded.value ?? [];
  }
  // The API adds to a record, never starts one: its areas come from lcz records register.
  const store = await openExistingRecord(location, session, options.lang, ruleset);
  if (store === undefined) return null;
  return { options: { store, ruleset, keys }, shown: store.backend.location };
}

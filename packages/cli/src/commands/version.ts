/**
 * `lcz version new <old> <new> --from --to [--version]`: a new version of a ruleset in one step.
 * The copy is made in a temporary folder beside the target and renamed into place, so the new
 * folder appears whole or not at all. Only three values change in the copied rule file, written
 * at their exact places (comments and layout stay); everything else a person must still decide
 * is listed, located, for them to look at.
 */
import { cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from '@lcz/criteria-engine';
import { loadRulesDirectory, loadRulesetFile, trackTemporary, writeFileAtomic } from '@lcz/criteria-engine/node';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import { parseDocument } from 'yaml';
import { EXIT, say, UsageError, type Session } from '../session.js';
import { unique } from './load.js';
import type { VersionNewOptions } from './version.usage.js';
import { lookAgain } from './version-review.js';
import { isRecord, nodeRange } from '../guards.js';

const RULE_FILE = 'ruleset.yaml';

export async function versionNew(options: VersionNewOptions, session: Session): Promise<number> {
  const { lang } = options;
  const oldDir = session.abs(options.old);
  const target = session.abs(options.target);
  if (!(await isFolder(oldDir)) || !(await exists(join(oldDir, RULE_FILE))))
    throw new UsageError('version_not_a_ruleset', { path: options.old }, 'version');
  if (await exists(target)) throw new UsageError('version_target_exists', { path: options.target }, 'version');
  if (resolve(target).startsWith(`${resolve(oldDir)}/`))
    throw new UsageError('version_target_inside', { path: options.target }, 'version');

  const loaded = await loadRulesetFile(join(oldDir, RULE_FILE));
  if (loaded.value === undefined || hasErrors(loaded.diagnostics)) {
    session.err(formatDiagnostics(session.relocate(unique(loaded.diagnostics)), lang));
    session.err(say(lang, 'version_old_invalid', { path: options.old }));
    return EXIT.invalid;
  }
  const old = loaded.value;
  // The years of the period ("2031-2035"); a period within one year is named by it ("2026", not "2026-2026").
  const [firstYear, lastYear] = [options.start.slice(0, 4), options.end.slice(0, 4)];
  const version = options.version ?? (firstYear === lastYear ? firstYear : `${firstYear}-${lastYear}`);

  const text = await readFile(join(oldDir, RULE_FILE), 'utf8');
  const edited = setVersionFields(text, { version, from: options.start, to: options.end });
  if (edited === undefined) throw new UsageError('version_fields_not_found', { path: options.old }, 'version');

  // Build beside the target, then one rename: never a half-copied folder under the new name.
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
  // Removed by a stop signal too (stop-signals.ts), until it is renamed into place.
  const untrack = trackTemporary(staging);
  try {
    await cp(oldDir, staging, { recursive: true, errorOnExist: true, force: false });
    await writeFileAtomic(join(staging, RULE_FILE), edited);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    untrack();
  }

  const oldEffective: { from?: string; to?: string } = old.effective ?? {};
  session.out(
    say(lang, 'version_created', {
      path: options.target,
      old: options.old,
      version,
      from: options.start,
      to: options.end,
      old_version: old.version,
    }),
  );
  const items = await lookAgain(target, { from: oldEffective.from, to: oldEffective.to }, options);
  if (items.length > 0) {
    session.out('');
    session.out(say(lang, 'version_review_heading', { count: items.length }));
    for (const item of items)
      session.out(
        `  ${session.display(item.file)}${item.line > 0 ? `:${item.line}` : ''}  ${say(lang, item.key, item.params)}`,
      );
  }

  // The new version beside the others in its parent folder: overlapping periods show here.
  const scheme = await loadRulesDirectory(dirname(target));
  const found = unique([
    ...scheme.diagnostics,
    ...(scheme.value ?? []).flatMap((s) => s.versions.flatMap((v) => v.diagnostics)),
  ]).filter((d) => d.severity === 'error');
  if (found.length > 0) {
    session.err(formatDiagnostics(session.relocate(found), lang));
    session.err(
      say(lang, 'version_new_invalid', {
        path: options.target,
        parent: relative(session.abs('.'), dirname(target)) || '.',
      }),
    );
    return EXIT.invalid;
  }

  // What depends on the period: a table keyed by year has no rows for the new years, dated rows
  // may start after the new start (parameter_cell_missing). lcz validate would refuse the copy.
  const copy = await loadRulesetFile(join(target, RULE_FILE));
  const checked = copy.value === undefined ? [] : checkRuleset(copy.value).diagnostics;
  const period = unique(checked.filter((d) => d.severity === 'error'));
  if (period.length > 0) {
    session.err(formatDiagnostics(session.relocate(period), lang));
    session.err(say(lang, 'version_new_check_errors', { path: options.target, count: period.length }));
    return EXIT.invalid;
  }
  return EXIT.ok;
}

/**
 * The rule file with `version`, `effective.from` and `effective.to` replaced at their ranges, or
 * undefined when one of them is not a plain value to replace.
 */
function setVersionFields(text: string, values: { version: string; from: string; to: string }): string | undefined {
  const doc = parseDocument(text);
  const places: { range: [number, number]; value: string }[] = [];
  for (const [path, value] of [
    [['version'], values.version],
    [['effective', 'from'], values.from],
    [['effective', 'to'], values.to],
  ] as const) {
    const range = nodeRange(doc.getIn(path, true));
    if (range === undefined) return undefined;
    places.push({ range: [range[0], range[1]], value: JSON.stringify(value) });
  }
  let out = text;
  for (const p of places.sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, p.range[0]) + p.value + out.slice(p.range[1]);
  }
  const check: unknown = parseDocument(out).toJS();
  const effective = isRecord(check) ? check['effective'] : undefined;
  const ok =
    isRecord(check) &&
    check['version'] === values.version &&
    isRecord(effective) &&
    effective['from'] === values.from &&
    effective['to'] === values.to;
  return ok ? out : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A cache of compiled rules in the user's cache folder, so that a command run again on the same
 * rules skips the YAML parser and the JSON Schema validation (most of what loading costs) and
 * loads the compiled rules file instead, as `lcz build`'s output would be loaded.
 *
 * One entry per ruleset file (named from its absolute path and the engine version), holding the
 * compiled rules file and the SHA-256 of every file it was built from: the ruleset and each file
 * it includes. An entry is used only when every one of those files still has the same content, so
 * a change to any included file rebuilds it. An entry that cannot be read, or whose own checksum
 * does not match, is ignored with a note and rebuilt. Writing is atomic; a folder that cannot be
 * written is a note, never an error: the rules were loaded all the same.
 *
 * Entry layout: one line of JSON (the header: format, engine, the files and their hashes, the
 * SHA-256 of the body), then the body: the compiled rules file as JSON. Node only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import { ENGINE_VERSION } from './compiled-rules-file.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { loadCompiledRuleset } from './load-compiled.js';
import { compiledRulesOf } from './store-compiled.js';

const CACHE_FORMAT = 'lcz-rules-cache';
const CACHE_FORMAT_VERSION = 1;

/** Why an entry was not used, or could not be written. */
export type RulesCacheNoteReason = 'changed' | 'damaged' | 'unwritable';

export interface RulesCacheNote {
  readonly reason: RulesCacheNoteReason;
  /** The cache entry's path. */
  readonly entry: string;
  /** For `changed`, the file whose content changed; for the others, what went wrong. */
  readonly detail: string;
}

export interface RulesCache {
  /** The folder entries live in (created when missing). */
  readonly dir: string;
  /** Told when an entry is ignored or cannot be written; loading goes on either way. */
  readonly note?: (note: RulesCacheNote) => void;
}

interface EntryHeader {
  readonly format: typeof CACHE_FORMAT;
  readonly formatVersion: typeof CACHE_FORMAT_VERSION;
  readonly engine: string;
  /** The ruleset file first, then each included file: absolute paths and the SHA-256 of their text. */
  readonly files: readonly { readonly file: string; readonly sha256: string }[];
  /** SHA-256 of the body (the compiled rules file's JSON). */
  readonly body: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The entry's path for the ruleset file `file` (absolute). */
function rulesCacheEntry(cache: RulesCache, file: string): string {
  return join(cache.dir, `${sha256(`${ENGINE_VERSION}\u0000${file}`).slice(0, 32)}.json`);
}

/**
 * The ruleset at `file` (absolute, already read as `text`): from the cache when its entry is
 * current, else from `load` (the YAML path), after which the entry is written for next time.
 * `readText` reads an included file's text (undefined when it cannot).
 */
export async function loadThroughCache(
  cache: RulesCache,
  file: string,
  text: string,
  readText: (file: string) => Promise<string | undefined>,
  /** Loads from the YAML; asynchronous so that its parser and validators are imported only on a miss. */
  load: () => Promise<StageResult<CompiledRuleset>>,
): Promise<StageResult<CompiledRuleset>> {
  const entry = rulesCacheEntry(cache, file);
  const hit = await readEntry(cache, entry, file, text, readText);
  if (hit) return hit;
  const loaded = await load();
  if (loaded.value && !loaded.diagnostics.some((d) => d.severity === 'error')) {
    await writeEntry(cache, entry, file, text, loaded.value, readText);
  }
  return loaded;
}

async function readEntry(
  cache: RulesCache,
  entry: string,
  file: string,
  text: string,
  readText: (file: string) => Promise<string | undefined>,
): Promise<StageResult<CompiledRuleset> | undefined> {
  let raw: string;
  try {
    raw = await readFile(entry, 'utf8');
  } catch {
    return undefined; // no entry yet: a plain miss, nothing to say
  }
  const damaged = (detail: string): undefined => {
    cache.note?.({ reason: 'damaged', entry, detail });
    return undefined;
  };
  const newline = raw.indexOf('\n');
  if (newline < 0) return damaged('no header line');
  let header: unknown;
  try {
    header = JSON.parse(raw.slice(0, newline));
  } catch {
    return damaged('the header is not JSON');
  }
  if (!isHeader(header)) return damaged('the header is not an lcz rules cache header');
  if (header.engine !== ENGINE_VERSION) return undefined; // another engine's entry: not ours to judge
  const body = raw.slice(newline + 1);
  if (sha256(body) !== header.body) return damaged('the compiled rules do not match their checksum');
  const [main, ...included] = header.files;
  if (main?.file !== file) return damaged('the entry is for another file');
  if (main.sha256 !== sha256(text)) {
    cache.note?.({ reason: 'changed', entry, detail: file });
    return undefined;
  }
  for (const f of included) {
    const current = await readText(f.file);
    if (current === undefined || sha256(current) !== f.sha256) {
      cache.note?.({ reason: 'changed', entry, detail: f.file });
      return undefined;
    }
  }
  const loaded = loadCompiledRuleset(body, { file: entry });
  if (!loaded.value) return damaged(loaded.diagnostics.map((d) => d.code).join(', '));
  return loaded;
}

async function writeEntry(
  cache: RulesCache,
  entry: string,
  file: string,
  text: string,
  ruleset: CompiledRuleset,
  readText: (file: string) => Promise<string | undefined>,
): Promise<void> {
  const compiled = compiledRulesOf(ruleset);
  if (!compiled) return;
  const files = [{ file, sha256: sha256(text) }];
  for (const source of compiled.sources.slice(1)) {
    const included = await readText(source.file);
    if (included === undefined) return; // gone since it was read: nothing sound to store
    files.push({ file: source.file, sha256: sha256(included) });
  }
  const body = JSON.stringify(compiled);
  const header: EntryHeader = {
    format: CACHE_FORMAT,
    formatVersion: CACHE_FORMAT_VERSION,
    engine: ENGINE_VERSION,
    files,
    body: sha256(body),
  };
  try {
    await mkdir(cache.dir, { recursive: true });
    await writeFileAtomic(entry, `${JSON.stringify(header)}\n${body}`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    cache.note?.({ reason: 'unwritable', entry, detail: code ?? (e instanceof Error ? e.message : String(e)) });
  }
}

function isHeader(value: unknown): value is EntryHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return (
    h['format'] === CACHE_FORMAT &&
    h['formatVersion'] === CACHE_FORMAT_VERSION &&
    typeof h['engine'] === 'string' &&
    typeof h['body'] === 'string' &&
    Array.isArray(h['files']) &&
    h['files'].every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as Record<string, unknown>)['file'] === 'string' &&
        typeof (f as Record<string, unknown>)['sha256'] === 'string',
    )
  );
}

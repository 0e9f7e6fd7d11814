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
 *
 * For a caller that decides many assessments (a batch), the cache also keeps the generated decide
 * module (generate/, what `lcz build` writes beside a compiled file) beside the entry, as
 * `<entry>.decide.mjs`: generated from the plan the entry itself compiles to, written when first
 * wanted, its SHA-256 added to the header, and imported (never evaluated from text) by later runs
 * that want it, after its text is checked against that SHA-256. One that does not match, does not
 * import, or is refused by the loader is ignored with a note (the closures decide) and written
 * again. A one-file run does not ask for it: importing the module costs more than it saves there.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from './atomic-file.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import { ENGINE_VERSION } from './compiled-rules-file.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import type { GeneratedModule } from './generate/bind-generated.js';
import { generatedModulePath } from './generate/module-path.js';
import { rememberGeneratedModuleUrl } from './generate/module-url.js';
import { importModule } from './import-module.js';
import { usesGeneratedDecide } from './generate/plan-of.js';
import { loadCompiledRuleset } from './load-compiled.js';
import { compiledRulesOf } from './store-compiled.js';

const CACHE_FORMAT = 'lcz-rules-cache';
const CACHE_FORMAT_VERSION = 1;

/**
 * Why an entry was not used, or could not be written; `decide_damaged`: the generated decide
 * module kept beside it was not used (the closures decide this run; it is written again).
 */
export type RulesCacheNoteReason = 'changed' | 'damaged' | 'unwritable' | 'decide_damaged';

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
  /**
   * Decide through generated code kept beside the entry (see above): for a caller that decides
   * many assessments. Off by default: for one assessment, importing the module costs more than
   * the closures it replaces.
   */
  readonly generatedDecide?: boolean;
  /**
   * Told where each load came from: a current entry, or the rule files (a miss). The CLI's code
   * cache is written only after a run that read none (fast/launch.ts: it keeps what such runs compile).
   */
  readonly loaded?: (from: 'entry' | 'rules') => void;
}

interface EntryHeader {
  readonly format: typeof CACHE_FORMAT;
  readonly formatVersion: typeof CACHE_FORMAT_VERSION;
  readonly engine: string;
  /** The ruleset file first, then each included file: absolute paths and the SHA-256 of their text. */
  readonly files: readonly { readonly file: string; readonly sha256: string }[];
  /** SHA-256 of the body (the compiled rules file's JSON). */
  readonly body: string;
  /** SHA-256 of the generated decide module beside the entry, once one was written. */
  readonly decide?: string;
}

/** An entry whose header is sound and whose files are current. */
interface Entry {
  readonly path: string;
  readonly header: EntryHeader;
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
  const found = await readEntry(cache, entry, file, text, readText);
  const hit = found && (await loadEntry(cache, found));
  cache.loaded?.(hit ? 'entry' : 'rules');
  if (hit) return hit;
  const loaded = await load();
  if (loaded.value && !loaded.diagnostics.some((d) => d.severity === 'error')) {
    const written = await writeEntry(cache, entry, file, text, loaded.value, readText);
    // The module is generated from the plan the entry compiles to, as every later load compiles it.
    const back = written && cache.generatedDecide ? loadCompiledRuleset(written.body, { file: entry }) : undefined;
    if (written && back?.value) {
      const withModule = await writeGeneratedDecide(cache, written, back.value);
      // A first batch decides as every later one will, through the module just written, not the
      // closures: the entry as written is what the next run loads (the same results, tested).
      const fast = withModule && (await loadEntry(cache, withModule));
      if (fast?.value && usesGeneratedDecide(fast.value)) return fast;
    }
  }
  return loaded;
}

/**
 * The ruleset an entry holds, deciding through its generated module when the cache asks for one
 * and a sound one is there (else writing one for the next run); undefined when the entry is damaged.
 */
async function loadEntry(cache: RulesCache, found: Entry): Promise<StageResult<CompiledRuleset> | undefined> {
  const imported = cache.generatedDecide ? await importGeneratedDecide(cache, found) : undefined;
  const generated = imported?.module;
  let loaded = loadCompiledRuleset(found.body, { file: found.path, ...(generated ? { generated } : {}) });
  if (generated && loaded.value && !usesGeneratedDecide(loaded.value)) {
    // Refused by the loader (another ruleset's, another engine's): its warning is not the rules'.
    decideDamaged(cache, found, 'it was generated for other rules');
    loaded = loadCompiledRuleset(found.body, { file: found.path });
  }
  if (!loaded.value) {
    cache.note?.({ reason: 'damaged', entry: found.path, detail: loaded.diagnostics.map((d) => d.code).join(', ') });
    return undefined;
  }
  // Other threads given this ruleset (the batch's decide workers) import the same module.
  if (imported !== undefined && usesGeneratedDecide(loaded.value))
    rememberGeneratedModuleUrl(loaded.value, imported.url);
  if (cache.generatedDecide && !usesGeneratedDecide(loaded.value))
    await writeGeneratedDecide(cache, found, loaded.value);
  return loaded;
}

function decideDamaged(cache: RulesCache, found: Entry, detail: string): undefined {
  cache.note?.({ reason: 'decide_damaged', entry: generatedModulePath(found.path), detail });
  return undefined;
}

/**
 * The generated decide module beside the entry, imported once its text matches the SHA-256 the
 * header gives for it; undefined (with a note when one was expected) otherwise.
 */
async function importGeneratedDecide(
  cache: RulesCache,
  found: Entry,
): Promise<{ readonly module: GeneratedModule; readonly url: string } | undefined> {
  const expected = found.header.decide;
  if (expected === undefined) return undefined; // none written yet: a plain miss
  const path = generatedModulePath(found.path);
  let code: string;
  try {
    code = await readFile(path, 'utf8');
  } catch (e) {
    return decideDamaged(cache, found, errorCode(e));
  }
  if (sha256(code) !== expected) return decideDamaged(cache, found, 'the module does not match its checksum');
  // import() caches by URL: the checksum in it, so a module rewritten while a process runs is read again.
  const url = pathToFileURL(path);
  url.search = `sha256=${expected}`;
  try {
    const module = (await importModule(url.href)) as GeneratedModule;
    return { module, url: url.href };
  } catch (e) {
    return decideDamaged(cache, found, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Generates the decide module from `ruleset` (loaded from the entry) and writes it beside the
 * entry, then the entry again with the module's SHA-256 in its header (module first: a header
 * never names a module that is not there). Rules the generator refuses keep the closures.
 */
/** The entry as now written, its header naming the module; undefined when none could be written. */
async function writeGeneratedDecide(
  cache: RulesCache,
  found: Entry,
  ruleset: CompiledRuleset,
): Promise<Entry | undefined> {
  // Loaded here: only a caller that decides many assessments generates code.
  const { generateDecideCode } = await import('./generate/generate-for.js');
  const outcome = generateDecideCode(ruleset, ENGINE_VERSION);
  if (!('generated' in outcome)) return undefined;
  const code = outcome.generated.code;
  const header: EntryHeader = { ...found.header, decide: sha256(code) };
  try {
    await writeFileAtomic(generatedModulePath(found.path), code);
    await writeFileAtomic(found.path, `${JSON.stringify(header)}\n${found.body}`);
    return { ...found, header };
  } catch (e) {
    cache.note?.({ reason: 'unwritable', entry: generatedModulePath(found.path), detail: errorCode(e) });
    return undefined;
  }
}

function errorCode(e: unknown): string {
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return code ?? (e instanceof Error ? e.message : String(e));
}

async function readEntry(
  cache: RulesCache,
  entry: string,
  file: string,
  text: string,
  readText: (file: string) => Promise<string | undefined>,
): Promise<Entry | undefined> {
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
  return { path: entry, header, body };
}

async function writeEntry(
  cache: RulesCache,
  entry: string,
  file: string,
  text: string,
  ruleset: CompiledRuleset,
  readText: (file: string) => Promise<string | undefined>,
): Promise<Entry | undefined> {
  const compiled = compiledRulesOf(ruleset);
  if (!compiled) return undefined;
  const files = [{ file, sha256: sha256(text) }];
  for (const source of compiled.sources.slice(1)) {
    const included = await readText(source.file);
    if (included === undefined) return undefined; // gone since it was read: nothing sound to store
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
    return { path: entry, header, body };
  } catch (e) {
    cache.note?.({ reason: 'unwritable', entry, detail: errorCode(e) });
    return undefined;
  }
}

function isHeader(value: unknown): value is EntryHeader {
  if (!isObject(value)) return false;
  const h = value;
  return (
    h['format'] === CACHE_FORMAT &&
    h['formatVersion'] === CACHE_FORMAT_VERSION &&
    typeof h['engine'] === 'string' &&
    typeof h['body'] === 'string' &&
    (h['decide'] === undefined || typeof h['decide'] === 'string') &&
    Array.isArray(h['files']) &&
    h['files'].every((f: unknown) => isObject(f) && typeof f['file'] === 'string' && typeof f['sha256'] === 'string')
  );
}

/** Any object (arrays too), to read fields from. */
function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

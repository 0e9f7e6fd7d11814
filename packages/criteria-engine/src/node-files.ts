/**
 * File access shared by the functions of the `./node` entry point: the size limit, the file_*
 * diagnostics, and finding and loading a ruleset from a path. Node only: the core never imports
 * this; node.ts re-exports the public part.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledRulesFile } from './compiled-rules-file.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/source.js';
import { decodeUtf8, notUtf8Diagnostic } from './parse/utf8.js';
import { loadCompiledRuleset } from './load-compiled.js';
import type { GeneratedModule } from './generate/bind-generated.js';
import type { GenerateOutcome } from './generate/generate-for.js';
import { generatedModulePath } from './generate/module-path.js';
import { rememberGeneratedModuleUrl } from './generate/module-url.js';
import { importModule } from './import-module.js';
import { usesGeneratedDecide } from './generate/plan-of.js';
import type { LoadRulesetOptions } from './load-ruleset.js';
import { loadThroughCache, type RulesCache } from './rules-cache.js';
import { createSchemes, type Scheme } from './scheme.js';

/** Rule and input files larger than this are refused before reading: a named, documented limit. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file a rules directory is loaded from. */
export const RULESET_FILE = 'ruleset.yaml';

/**
 * A folder holding a file of this name is a declared root: files that a rule or test file names
 * (`include:`, `assessment:`) may come from anywhere under it, e.g. rules/.lcz-root lets
 * rules/<version>/ruleset.yaml include ../shared/…. Without one, the naming file's own folder
 * tree is the root. The marker is the reader's, never the rule file's, to declare: a rule file
 * cannot widen what it may read.
 */
const ROOT_MARKER = '.lcz-root';

export interface FileRootOptions {
  /** Files named by rule files stay under this folder (instead of the one found by ROOT_MARKER). */
  readonly root?: string;
}

export interface RulesCacheOptions {
  /** Keep compiled rules in this cache (rules-cache.ts) and load them from it while current. */
  readonly cache?: RulesCache;
}

export async function loadRulesetFile(
  path: string,
  options: Omit<LoadRulesetOptions, 'file'> & FileRootOptions & RulesCacheOptions = {},
): Promise<StageResult<CompiledRuleset>> {
  const file = await resolveRulesetPath(path);
  const text = await readText(file);
  if (typeof text !== 'string') return { diagnostics: [text] };
  if (isCompiledRulesPath(file)) {
    // Source files are named relative to the compiled file's folder (lcz build writes them so).
    const folder = dirname(file);
    const relocate = (name: string) => (isAbsolute(name) ? name : join(folder, name));
    const url = generatedUrlBeside(file);
    const generated = url !== undefined ? ((await importModule(url)) as GeneratedModule) : undefined;
    const loaded = loadCompiledRuleset(text, {
      file,
      relocate,
      ...(options.compileOptions ? { compileOptions: options.compileOptions } : {}),
      ...(generated ? { generated } : {}),
    });
    // Other threads given this ruleset (the batch's decide workers) import the same module.
    if (url !== undefined && loaded.value !== undefined && usesGeneratedDecide(loaded.value))
      rememberGeneratedModuleUrl(loaded.value, url);
    return loaded;
  }
  const { root, cache, ...rest } = options;
  // The YAML parser and the JSON Schema validators are imported only when the rules are read
  // from YAML: a compiled file or a current cache entry never loads them (docs/performance.md,
  // "Start-up": importing them was most of a warm `lcz evaluate`).
  const yamlLoad = async (as: string, more: Omit<LoadRulesetOptions, 'file'>) => {
    const { loadRuleset } = await import('./load-ruleset.js');
    return loadRuleset(text, { readInclude: includeReader(root), ...more, file: as });
  };
  const load = () => yamlLoad(file, rest);
  // Options that change what compiling gives (limits, compile options) bypass the cache.
  if (cache === undefined || Object.keys(rest).length > 0) return load();
  const readIncluded = async (name: string) => {
    const t = await readText(name);
    return typeof t === 'string' ? t : undefined;
  };
  // An entry stores file names as read: absolute, so that it serves every working directory.
  const absolute = resolve(file);
  const loadAbsolute = () => yamlLoad(absolute, {});
  return loadThroughCache(cache, absolute, text, readIncluded, absolute === file ? load : loadAbsolute);
}

/**
 * Builds the compiled rules file for the ruleset at `path` (a file, or a folder's ruleset.yaml)
 * that will be written to `out`: source files are named relative to `out`'s folder, with `/`,
 * so the two can move together and the file is the same on every machine. `json` is the text to
 * write. Nothing is written here.
 */
export async function buildCompiledRulesFile(
  path: string,
  out: string,
  options: FileRootOptions = {},
): Promise<
  StageResult<{ readonly compiled: CompiledRulesFile; readonly json: string; readonly decide: GenerateOutcome }>
> {
  const file = await resolveRulesetPath(path);
  const text = await readText(file);
  if (typeof text !== 'string') return { diagnostics: [text] };
  const folder = dirname(out);
  const { buildCompiledRules } = await import('./build-compiled.js');
  const built = buildCompiledRules(text, {
    file,
    readInclude: includeReader(options.root),
    storeFileAs: (name) => relative(folder, name).split(sep).join('/'),
  });
  if (!built.value) return { diagnostics: built.diagnostics };
  const json = `${JSON.stringify(built.value)}\n`;
  // The decide module is generated from the plan a loader compiles from this very file.
  const loaded = loadCompiledRuleset(json);
  // Loaded here, not at the top: only lcz build generates code, and start-up stays small.
  const { generateDecideCode } = await import('./generate/generate-for.js');
  const { ENGINE_VERSION } = await import('./compiled-rules-file.js');
  const { refusedOutcome } = await import('./generate/refusal.js');
  const decide: GenerateOutcome = loaded.value
    ? generateDecideCode(loaded.value, ENGINE_VERSION)
    : refusedOutcome({ code: 'compiled_unloadable', params: {} });
  return { value: { compiled: built.value, json, decide }, diagnostics: built.diagnostics };
}

/**
 * The generated decide module `lcz build` wrote beside a compiled rules file, imported, or
 * undefined when there is none. It is code, written by the build that wrote the compiled file
 * next to it: trust it as you trust that folder. The loader still refuses one that was not
 * generated for this compiled file (generated_mismatch).
 */
export async function importGeneratedBeside(compiledPath: string): Promise<GeneratedModule | undefined> {
  const url = generatedUrlBeside(compiledPath);
  return url !== undefined ? ((await importModule(url)) as GeneratedModule) : undefined;
}

/** The URL to import the generated module beside a compiled rules file by; undefined when there is none. */
function generatedUrlBeside(compiledPath: string): string | undefined {
  const path = generatedModulePath(compiledPath);
  if (!existsSync(path)) return undefined;
  // import() caches by URL: the file's time and size in it, so a module rebuilt while this
  // process runs (a server, a watcher) is read again rather than the old one reused.
  const { mtimeMs, size } = statSync(path);
  const url = pathToFileURL(resolve(path));
  url.search = `v=${mtimeMs}-${size}`;
  return url.href;
}

/** A compiled rules file (`lcz build`) is JSON; rule files are YAML. */
export function isCompiledRulesPath(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}

/**
 * `include:` paths are relative to the including file's folder and must stay under its root
 * (see ROOT_MARKER): an absolute path, a `..` that climbs out, or a link that leads out is
 * refused before anything outside is opened.
 */
export function readIncludeFile(
  path: string,
  from: string,
  root?: string,
): { file: string; text: string } | Diagnostic | undefined {
  const file = confinePath(path, from, root);
  if (typeof file !== 'string') return file;
  const text = readTextSync(file);
  if (typeof text === 'string') return { file, text };
  return text.code === 'file_not_found' ? undefined : text;
}

function includeReader(root: string | undefined): NonNullable<LoadRulesetOptions['readInclude']> {
  return (path, from) => readIncludeFile(path, from, root);
}

/**
 * The root that files named by `from` must stay under: `root` when the caller gives one, else the
 * nearest folder above `from` holding ROOT_MARKER, else `from`'s own folder. Only the marker's
 * existence is checked on the way up; nothing there is read.
 */
function fileRoot(from: string, root?: string): string {
  if (root !== undefined) return resolve(root);
  const own = dirname(resolve(from));
  for (let dir = own; ; ) {
    if (existsSync(join(dir, ROOT_MARKER))) return dir;
    const up = dirname(dir);
    if (up === dir) return own;
    dir = up;
  }
}

/**
 * The path of `reference` (named in the file `from`) when it stays under the root, else the
 * `file_outside_root` diagnostic (located by the caller at the line that names it). The text is
 * checked first (absolute, `..`), then the real path, so a link inside the tree that points
 * outside is refused too; neither check opens the file.
 */
function confinePath(reference: string, from: string, root?: string): string | Diagnostic {
  const base = fileRoot(from, root);
  if (isAbsolute(reference) || win32.isAbsolute(reference)) return outside(reference, from, base, 'absolute');
  const reason = escapes(resolve(dirname(resolve(from)), reference), base);
  return reason ? outside(reference, from, base, reason) : join(dirname(from), reference);
}

/** Why `file` is not under `base`: by its text, or through a link; undefined when it is. */
function escapes(file: string, base: string): 'outside' | 'link' | undefined {
  if (!inside(base, file)) return 'outside';
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined; // missing: the reader reports it as not found
  }
  let realBase = base;
  try {
    realBase = realpathSync(base);
  } catch {
    // the root itself is missing: compare with the path as given
  }
  return inside(realBase, real) ? undefined : 'link';
}

function outside(reference: string, from: string, root: string, reason: 'absolute' | 'outside' | 'link'): Diagnostic {
  return makeDiagnostic({ file: from }, 'file_outside_root', undefined, { path: reference, root, reason });
}

function inside(root: string, file: string): boolean {
  const r = relative(root, file);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

/**
 * A reader for the files a test file names (`assessment:`, already joined to its folder), confined
 * like includes to the test file's root.
 */
export function confinedReader(from: string, root?: string): (path: string) => string | Diagnostic {
  const base = fileRoot(from, root);
  return (path) => {
    const reason = escapes(resolve(path), base);
    return reason ? outside(path, from, base, reason) : readTextSync(path);
  };
}
/**
 * Every version under a rules directory, grouped into schemes: the directory's own ruleset.yaml,
 * or else each subdirectory's (rules/lai-chau-2020-2025, rules/lai-chau-2026-2030-draft, …).
 * Versions of one ruleset id must have periods that neither overlap nor leave gaps.
 */
export async function loadRulesDirectory(
  path: string,
  options: RulesCacheOptions = {},
): Promise<StageResult<Scheme[]>> {
  const own = await resolveRulesetPath(path);
  let files = [own];
  if (own !== path || !(await isFile(path))) {
    if (!(await isFile(own))) {
      const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
      const found: string[] = [];
      for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        const candidate = join(path, e.name, RULESET_FILE);
        if (await isFile(candidate)) found.push(candidate);
      }
      if (found.length > 0) files = found;
    }
  }
  const diagnostics: Diagnostic[] = [];
  const rulesets: CompiledRuleset[] = [];
  for (const file of files) {
    const loaded = await loadRulesetFile(file, options);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.value) rulesets.push(loaded.value);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const schemes = createSchemes(rulesets);
  return {
    ...(schemes.diagnostics.some((d) => d.severity === 'error') ? {} : { value: schemes.value }),
    diagnostics: [...diagnostics, ...schemes.diagnostics],
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A directory means its ruleset.yaml. */
export async function resolveRulesetPath(path: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return join(path, RULESET_FILE);
  } catch {
    // reported by readText with the path the user gave
  }
  return path;
}

/** The text of a file, or the diagnostic saying why it cannot be read. */
export async function readText(path: string): Promise<string | Diagnostic> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return tooLarge(path, info.size);
    return utf8Text(path, await readFile(path));
  } catch (e) {
    return unreadable(path, e);
  }
}

/** The same, synchronously (for readers the browser-safe core calls back, e.g. runTestCases). */
export function readTextSync(path: string): string | Diagnostic {
  try {
    const info = statSync(path);
    if (info.size > MAX_FILE_BYTES) return tooLarge(path, info.size);
    return utf8Text(path, readFileSync(path));
  } catch (e) {
    return unreadable(path, e);
  }
}

/** Text that is not UTF-8 is refused, located at its first bad byte, never turned into U+FFFD. */
function utf8Text(path: string, bytes: Buffer): string | Diagnostic {
  // Node's own strict check first: decodeUtf8's fatal TextDecoder goes through ICU, whose first
  // use in a process costs 3–30 ms of start-up (measured); isUtf8 rejects what the fatal decoder
  // rejects (overlongs, surrogates, a UTF-16 byte-order mark), and a UTF-8 one is kept as there.
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const text = decodeUtf8(bytes);
  return typeof text === 'string' ? text : notUtf8Diagnostic(path, text);
}

function tooLarge(path: string, size: number): Diagnostic {
  return makeDiagnostic({ file: path }, 'file_too_large', undefined, { path, size, max: MAX_FILE_BYTES });
}

function unreadable(path: string, e: unknown): Diagnostic {
  // Node's file errors carry a string `code` (ENOENT, EACCES…).
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  if (code === 'ENOENT') return makeDiagnostic({ file: path }, 'file_not_found', undefined, { path });
  return makeDiagnostic({ file: path }, 'file_unreadable', undefined, { path, detail: code ?? String(e) });
}

/**
 * The first step of `lcz evaluate` (lcz.ts, the installed command, and bin.ts): run the one-file
 * bundle (dist/evaluate-fast.cjs, see evaluate-fast.ts) when it is there. Undefined when there is no bundle (a run from
 * the sources) or it does not handle these arguments: the whole CLI runs then.
 *
 * The bundle is CommonJS, compiled here with V8's code cache: most of a warm one-file run beyond
 * `node -e 0` was V8 compiling code on first use (the bundle's megabyte, the YAML parser, the
 * rules' loader), which Node 20 does not cache for us (`module.enableCompileCache` is Node 22).
 * After a run that compiled without a usable cache, the code V8 compiled is written to the lcz
 * cache folder (cache-folder.ts; none with LCZ_CACHE=0), named by the bundle (the SHA-256 of its
 * text, which its build writes on its last line, with the file's size and modification time) and
 * Node's version, with the SHA-256 of its own bytes in front: a cache made for another build or
 * another Node is never read (and V8 refuses one made by another V8 or other flags), a damaged one
 * is ignored with a note, and either is written again. It changes no result: the same code runs,
 * only compiled earlier.
 *
 * A first run (no cache folder yet, or none at all: LCZ_CACHE=0) reads the rules from their YAML,
 * which compiles most of the bundle and the ruleset validator on first use: the build ships a code
 * cache of each for that run (first-run-code-cache.ts), used when this Node takes it.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { rulesCacheFolder } from '../cache-folder.js';
import type { CliIO } from '../session.js';
import {
  CODE_CACHE_PREFIX,
  CODE_CACHE_SUFFIX,
  firstRunCodeCachePath,
  firstRunCodeCachePrefix,
  PAYLOAD_ALIGNMENT,
  readCodeCache,
  readInto,
  writeCodeCache,
} from './code-cache-files.js';

/** A note for the bundle to print (its message catalogues are not loaded here). */
export interface LaunchNote {
  readonly key: 'code_cache_damaged' | 'shipped_code_cache_damaged';
  readonly params: { readonly entry: string };
}

/** For the build's first-run code caches (first-run-code-cache.ts); a run as installed passes none. */
export interface LaunchOptions {
  /**
   * Compile without any code cache, run, then write the first-run code caches of the bundle and
   * the ruleset validator beside them. V8's flags stay at their defaults for the whole run.
   */
  readonly writeFirstRun?: boolean;
  /** Told, for each first-run code cache read, whether V8 took it. */
  readonly onFirstRunCache?: (file: string, accepted: boolean) => void;
  /**
   * Called with the exit code once a run the bundle made itself is over, its code cache written
   * (not one it handed over to the whole CLI): lcz.ts ends the process there (process-io.ts).
   */
  readonly endProcess?: (code: number) => void;
}

interface FastBundle {
  evaluateFast(
    argv: readonly string[],
    io: CliIO,
    fullRun: () => Promise<number>,
    notes: readonly LaunchNote[],
    coldRules?: () => void,
  ): Promise<number | undefined>;
  ranWarm(): boolean;
  noteText(note: LaunchNote): string;
  handedOver(): boolean;
}

/** `dist`: the folder of the built CLI, where the bundle is. */
export async function launchEvaluateFast(
  dist: string,
  argv: readonly string[],
  io: CliIO,
  fullRun: () => Promise<number>,
  options: LaunchOptions = {},
): Promise<number | undefined> {
  const file = join(dist, 'evaluate-fast.cjs');
  // `__lczImport`: the bundle's `import()` (a generated module beside a compiled rules file; the
  // engine's import-module.ts), done here: a vm.Script has no module loader of its own.
  const bundle = readBundle(file, WRAPPER_START, WRAPPER_END);
  if (bundle === undefined) return undefined;
  // The build writes ASCII only (tsup.fast.config.ts): read as such, V8 holds it one byte a character.
  const wrapper = isAscii(bundle.bytes) ? bundle.wrapped.toString('latin1') : bundle.wrapped.toString('utf8');
  const folder = rulesCacheFolder(io.env ?? process.env);
  const cachePath =
    folder === undefined ? undefined : join(resolve(io.cwd ?? process.cwd(), folder), codeCacheName(bundle));
  const notes: LaunchNote[] = [];
  const writeFirstRun = options.writeFirstRun === true;
  // Read into the bundle's buffer, now decoded: pages already touched (see readBundle).
  const own = cachePath === undefined || writeFirstRun ? undefined : readCodeCache(cachePath, notes, bundle.buffer);
  // No code cache of its own and no cache folder at all: a first run (or LCZ_CACHE=0), which will
  // most likely read the rules from their YAML: the build's code cache for such a run. With a
  // folder but no code cache (the second run, whose rules come from their entry) the bundle is
  // compiled alone, so that the code cache that run writes holds what a warm run needs, not the
  // YAML loader too.
  const firstRun =
    own === undefined && notes.length === 0 && (cachePath === undefined || !existsSync(dirname(cachePath)));
  const shipped =
    firstRun && !writeFirstRun
      ? readCodeCache(firstRunCodeCachePath(file, bundle.bytes), notes, bundle.buffer, 'shipped_code_cache_damaged')
      : undefined;
  const cached = own ?? shipped;
  const script = new Script(wrapper, { filename: file, ...(cached !== undefined ? { cachedData: cached } : {}) });
  const taken = cached !== undefined && script.cachedDataRejected !== true;
  if (shipped !== undefined) options.onFirstRunCache?.(file, taken);
  const module = { exports: {} as FastBundle };
  const lczImport = (url: string): Promise<unknown> => import(url);
  const requireHere = createRequire(file);
  // `__lczRequireValidator`: the ruleset validator (ruleset-validator-shim.ts), compiled here with
  // its first-run code cache.
  let validator: Validator | undefined;
  const requireValidator = (): unknown => {
    validator ??= loadValidator(dist, requireHere, writeFirstRun, (note) => io.stderr(module.exports.noteText(note)));
    if (validator.shipped) options.onFirstRunCache?.(validator.file, validator.taken);
    return validator.exports;
  };
  script.runInThisContext()(module.exports, requireHere, module, file, dirname(file), lczImport, requireValidator);
  // With no cache folder the rules are read from their files every run, and no code cache is
  // read or written: the budget can change now. Otherwise only once the rules turn out to need
  // reading from their files (a run that writes no code cache either), so that the flags V8
  // checks a code cache against are the same whenever one is written or read. The ruleset
  // validator (which such a run calls) is compiled first, under the same flags as its first-run
  // code cache was made.
  const coldRules = () => {
    requireValidator();
    if (!writeFirstRun) optimiseLater(requireHere);
  };
  if (cachePath === undefined) coldRules();
  const code = await module.exports.evaluateFast(argv, io, fullRun, notes, coldRules);
  if (code === undefined) return code;
  if (writeFirstRun) writeFirstRunCodeCaches(file, bundle.bytes, script, validator);
  else if (cachePath !== undefined && module.exports.ranWarm()) keepCodeCache(cachePath, script, own, taken);
  if (!module.exports.handedOver()) options.endProcess?.(code);
  return code;
}

/**
 * After a warm run (rules from their cache entry or a compiled file): the code V8 compiled, in the
 * cache folder, unless it came from the user's own code cache. Only after a run, so the functions
 * the run compiled are in it too; only after a warm run, so what only the first run compiles (the
 * YAML rule loader) is not in it.
 */
function keepCodeCache(path: string, script: Script, own: Buffer | undefined, taken: boolean): void {
  if (taken && own !== undefined) return;
  // Compiled from the first-run code cache (the YAML loader in it) and yet ran warm (a compiled
  // rules file): no code cache from this run, but its folder, so that the next run compiles the
  // bundle alone and writes one.
  if (taken) makeFolder(dirname(path));
  else writeCodeCache(path, script.createCachedData());
}

/** The folder, if it can be made (nothing but the next start's speed depends on it). */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    // the compiled-rules cache, kept there, says why
  }
}

/** The ruleset validator's module, as `loadValidator` compiled it. */
interface Validator {
  readonly exports: unknown;
  readonly file: string;
  /** Whether there was a first-run code cache for it, and whether V8 took it. */
  readonly shipped: boolean;
  readonly taken: boolean;
  readonly script: Script;
}

/**
 * The engine's generated ruleset validator (dist/ruleset-validator.cjs, CommonJS that requires
 * nothing), compiled as Node's loader would but with its first-run code cache: its 425 kB are
 * compiled only by a run that reads rules from their YAML, which calls most of its functions.
 * `fresh`: without the code cache (the build making it). A damaged one is ignored with a note.
 */
function loadValidator(
  dist: string,
  requireHere: NodeJS.Require,
  fresh: boolean,
  note: (note: LaunchNote) => void,
): Validator {
  const file = join(dist, 'ruleset-validator.cjs');
  const bundle = readBundle(file, VALIDATOR_WRAPPER_START, WRAPPER_END);
  if (bundle === undefined) throw new Error(`lcz: the ruleset validator ${file} is missing; build the CLI again`);
  const text = isAscii(bundle.bytes) ? bundle.wrapped.toString('latin1') : bundle.wrapped.toString('utf8');
  const notes: LaunchNote[] = [];
  const cached = fresh
    ? undefined
    : readCodeCache(firstRunCodeCachePath(file, bundle.bytes), notes, bundle.buffer, 'shipped_code_cache_damaged');
  for (const each of notes) note(each);
  const script = new Script(text, { filename: file, ...(cached !== undefined ? { cachedData: cached } : {}) });
  const module = { exports: {} as unknown };
  script.runInThisContext()(module.exports, requireHere, module, file, dist);
  return {
    exports: module.exports,
    file,
    shipped: cached !== undefined,
    taken: cached !== undefined && script.cachedDataRejected !== true,
    script,
  };
}

/**
 * The build's first-run code caches (first-run-code-cache.ts), after a run that read the rules
 * from their YAML: the bundle's and the validator's, each with every function the run compiled,
 * made under V8's default flags (the launcher raises the interrupt budget only after both are
 * compiled), beside the scripts, the caches of other builds removed.
 */
function writeFirstRunCodeCaches(file: string, bytes: Buffer, script: Script, validator: Validator | undefined): void {
  if (validator === undefined) throw new Error('lcz: the first-run code caches need a run that reads YAML rules');
  const validatorBytes = readFileSync(validator.file);
  writeCodeCache(
    firstRunCodeCachePath(validator.file, validatorBytes),
    validator.script.createCachedData(),
    firstRunCodeCachePrefix(validator.file),
  );
  writeCodeCache(firstRunCodeCachePath(file, bytes), script.createCachedData(), firstRunCodeCachePrefix(file));
}

/**
 * V8's interrupt budget: how much bytecode a function runs before V8 considers optimising it
 * (TurboFan). Node 20's default, 66 kB, suits a long-running process. A run that reads the rules
 * from their YAML (the first run, an empty cache, LCZ_CACHE=0) spent about 40% of its
 * instructions compiling optimised code for the YAML parser's functions, which it then hardly
 * ran again (1,981M → 1,230M instructions, callgrind; docs/performance.md, "Start-up: a run that
 * reads the YAML"). Sixteen times the default: code that runs long (many assessment files, a
 * batch handed to the whole CLI) is still optimised, a little later. Not in a warm run: V8 checks
 * a code cache (Node's own for its built-in modules, and ours) against the flags in force, and
 * refuses it under any flag changed from its default (+50M instructions).
 */
const INTERRUPT_BUDGET = 16 * 67_584;

/**
 * Sets the budget above, unless the user chose one (node's options or NODE_OPTIONS). It changes
 * when code is optimised, never what it does. `node:v8` is loaded only here: loading it costs a
 * warm run, which never needs it, 4M instructions (1.3%).
 */
function optimiseLater(requireHere: NodeJS.Require): void {
  const chosen = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => /--interrupt[-_]budget/.test(a));
  if (chosen) return;
  const v8 = requireHere('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * The function the bundle's text is the body of, as Node wraps a CommonJS module, with `__lczImport`.
 * Read into the same buffer as the text (readBundle): one string. Joined from three, the text was
 * copied once more when V8 flattened it to compile it (measured: 522 page faults in `new Script`
 * against 315).
 */
const WRAPPER_START =
  '(function (exports, require, module, __filename, __dirname, __lczImport, __lczRequireValidator) {';
const WRAPPER_END = '\n})';
/** Node's own CommonJS wrapper, for the ruleset validator. */
const VALIDATOR_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';

interface Bundle {
  /** The bundle's bytes, as its file holds them. */
  readonly bytes: Buffer;
  /** The same bytes between the wrapper's start and end: the text V8 compiles. */
  readonly wrapped: Buffer;
  /**
   * The buffer `bytes` is read into, twice its length: the code cache is read into it next
   * (readCodeCache), overwriting the bundle's bytes once they are decoded.
   */
  readonly buffer: Buffer;
  /** The file's modification time, in nanoseconds. */
  readonly mtimeNs: bigint;
}

/**
 * The bundle's bytes and modification time (one open); undefined when there is no bundle.
 *
 * Memory a process touches for the first time costs it a page fault for each 4 kB page, and on
 * the virtual machines measured a fault took 10–30 µs (docs/performance.md, "Start-up: page
 * faults"): a warm run faulted 3,300 times more than `node -e 0`, most of the time it spent
 * beyond it. So the two files a warm run reads whole, the bundle and then its code cache (of about
 * the same size), share one buffer, allocated at twice the bundle's length: pages never written
 * (the part the code cache does not fill) are never touched and cost nothing.
 */
function readBundle(file: string, start: string, end: string): Bundle | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // not built: a run from the sources
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    const size = Number(stat.size);
    // Slow: a buffer of its own (not from Node's pool), left unfilled.
    const buffer = Buffer.allocUnsafeSlow(2 * (start.length + size + end.length) + PAYLOAD_ALIGNMENT);
    const at = buffer.write(start, 'latin1');
    const read = readInto(fd, buffer, at, size);
    const after = at + read + buffer.write(end, at + read, 'latin1');
    return {
      bytes: buffer.subarray(at, at + read),
      wrapped: buffer.subarray(0, after),
      buffer,
      mtimeNs: stat.mtimeNs,
    };
  } finally {
    closeSync(fd);
  }
}

/** The last line of the bundle as built: the SHA-256 of the text before it (tsup.fast.config.ts). */
const BUILD_DIGEST = /\n\/\/# lcz-bundle-sha256=([0-9a-f]{64})\n?$/;

/**
 * The cache's name: this bundle and this Node (the code cache is V8's, per version). The bundle
 * is named by the digest its build wrote, with its size and modification time (a bundle edited
 * after its build is another bundle, even at the same length, which is all V8 checks of the text),
 * so a warm run does not hash the megabyte (0.6 ms); a bundle without that line is hashed whole.
 */
function codeCacheName(bundle: Bundle): string {
  const built = BUILD_DIGEST.exec(bundle.bytes.subarray(-100).toString('latin1'))?.[1];
  const hash = createHash('sha256').update(`${process.version}\u0000${process.arch}\u0000`);
  // The bytes, not the text: hashing a string first encodes all of it again.
  if (built === undefined) hash.update(bundle.bytes);
  else hash.update(`${built}\u0000${bundle.bytes.length}\u0000${bundle.mtimeNs}`);
  return `${CODE_CACHE_PREFIX}${hash.digest('hex').slice(0, 32)}${CODE_CACHE_SUFFIX}`;
}

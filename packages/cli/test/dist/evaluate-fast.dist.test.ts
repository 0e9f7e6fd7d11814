/**
 * The built `lcz` as users run it (package.json "bin": dist/lcz.cjs; and dist/bin.js, the same
 * as an ES module): a one-file `lcz evaluate` goes through the
 * one-file bundle (dist/evaluate-fast.cjs, src/fast/) with V8's code cache kept in the cache
 * folder; everything else through the whole CLI. Whichever way, it prints exactly what run()
 * prints in-process, with an empty cache, a warm one, a damaged one and none.
 * `pnpm test` builds before it runs vitest; alone: `pnpm --filter @lcz/cli build` first.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lcz, type Outcome } from '../helpers.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const CLI = join(ROOT, 'packages/cli');
const BIN = join(CLI, (JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8')) as { bin: { lcz: string } }).bin.lcz);
const ESM_BIN = join(CLI, 'dist/bin.js');
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');
const EXAMPLES = join(ROOT, 'examples/assessments');
const YAML = join(EXAMPLES, 'recognised-to-dan-pho.yaml');

/** The built CLI in a fresh process: Node as a user runs it (no test export condition). */
function built(argv: readonly string[], env: Record<string, string>, bin = BIN): Outcome {
  const child = spawnSync(process.execPath, [bin, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** run() in-process, with no cache (the expected output). */
const inProcess = (argv: readonly string[]) => lcz(argv, { cwd: ROOT, env: {} });

function cacheHome() {
  const home = mkdtempSync(join(tmpdir(), 'lcz-fast-'));
  const folder = join(home, 'lcz', 'compiled-rules');
  const codeCaches = () => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith('.v8cache'));
    } catch {
      return [];
    }
  };
  return { env: { XDG_CACHE_HOME: home }, folder, codeCaches };
}

/** A cache folder after a first run (the rules compiled) and a warm one (the code cache written): its code cache's name. */
function warmCodeCache(argv: string[]) {
  const cache = cacheHome();
  built(argv, cache.env);
  built(argv, cache.env);
  const [name] = cache.codeCaches();
  if (name === undefined) throw new Error('no code cache written');
  return { cache, name };
}

/** A bad assessment: a fact of the wrong type, located in the file. */
function badAssessment(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-bad-'));
  const file = join(dir, 'bad.yaml');
  const text = readFileSync(YAML, 'utf8');
  const changed = text.replace(/^(\s+\w+:\s*)(\d+)\s*$/m, '$1"many"');
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return file;
}

/**
 * The example assessment with YAML the engine's plain-YAML shortcut (parse/simple-yaml.ts) leaves
 * to the YAML parser: an anchor and its alias, a name folded over two lines.
 */
function fancyAssessment(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-fancy-'));
  const file = join(dir, 'fancy.yaml');
  const text = readFileSync(YAML, 'utf8');
  const changed = text
    .replace(/^(\s+households: )(\d+)\s*$/m, '$1&all $2')
    .replace(/^(\s+households_following_convention: )(\d+)\s*$/m, '$1*all')
    .replace(
      /^area: \{ code: "([^"]*)", name: "([^"]*)", unit: "([^"]*)", date: "([^"]*)" \}$/m,
      'area:\n  code: "$1"\n  name: >-\n    $2\n    (folded)\n  unit: "$3"\n  date: "$4"',
    );
  expect(changed.match(/&all|\*all|name: >-/g)).toHaveLength(3);
  writeFileSync(file, changed);
  return file;
}

describe('lcz evaluate through the one-file bundle (built CLI)', () => {
  const cases: [string, string[]][] = [
    ['YAML the plain-YAML shortcut leaves to the parser', ['evaluate', '--rules', RULES, fancyAssessment()]],
    ['one YAML file', ['evaluate', '--rules', RULES, YAML]],
    ['--lang en --full', ['evaluate', '--rules', RULES, YAML, '--lang', 'en', '--full']],
    ['--json', ['evaluate', '--rules', RULES, YAML, '--json']],
    ['a folder of assessments', ['evaluate', '--rules', RULES, EXAMPLES, '--lang', 'en']],
    ['a missing file beside a good one', ['evaluate', '--rules', RULES, YAML, join(EXAMPLES, 'missing.yaml')]],
  ];

  it.each(cases)('%s: the same output with an empty cache, a warm one, and none', async (_name, argv) => {
    const expected = await inProcess(argv);
    const cache = cacheHome();
    const first = built(argv, cache.env);
    const warm = built(argv, cache.env);
    const again = built(argv, cache.env);
    const off = built(argv, { ...cache.env, LCZ_CACHE: '0' });
    const esm = built(argv, cache.env, ESM_BIN);
    for (const outcome of [first, warm, again, off, esm]) expect(outcome).toEqual(expected);
    // The code cache is kept (written by the first run that read the rules from their cache entry).
    expect(cache.codeCaches()).toHaveLength(1);
  });

  it('a compiled rules file with its generated module beside it (imported through the launcher)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-built-'));
    const compiled = join(dir, 'lai-chau.compiled.json');
    expect((await lcz(['build', RULES, '--out', compiled], { cwd: ROOT, env: {} })).code).toBe(0);
    expect(readdirSync(dir)).toContain('lai-chau.compiled.decide.mjs');
    const argv = ['evaluate', '--rules', compiled, YAML, '--lang', 'en'];
    const expected = await inProcess(argv);
    expect(expected.code).toBe(0);
    const cache = cacheHome();
    // The first run writes the code cache (no YAML read); the next ones use it.
    for (let i = 0; i < 3; i++) expect(built(argv, cache.env)).toEqual(expected);
    expect(cache.codeCaches()).toHaveLength(1);
  });

  it('the bundle is ASCII only (V8 then holds its text one byte a character)', () => {
    const bytes = readFileSync(join(CLI, 'dist/evaluate-fast.cjs'));
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // No import() of its own: a vm.Script has no loader for it (the engine's goes through the
    // launcher: import-module.ts); one added elsewhere in the engine would fail at run time.
    expect(bytes.toString('latin1')).not.toMatch(/(?<![\w$.])import\(/);
    // Its file calls are synchronous (fs-promises-shim.ts): node:fs/promises is not loaded.
    expect(bytes.toString('latin1')).not.toMatch(/require\(['"](node:)?fs\/promises['"]\)/);
  });

  it('a warm run reads two files of code: the launcher and the bundle', () => {
    // A preload that records every file read through fs (the CommonJS loader reads through it)
    // and, at exit, whether Node's ES module loader loaded any module of ours.
    const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-count-'));
    const preload = join(dir, 'count.cjs');
    const out = join(dir, 'read.json');
    writeFileSync(
      preload,
      `const fs = require('node:fs');
const read = [];
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) { read.push(String(path)); return original.call(this, path, ...rest); };
}
const original = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) { read.push(String(path)); return original.call(this, path, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(read)));`,
    );
    const cache = cacheHome();
    const argv = ['evaluate', '--rules', RULES, YAML];
    built(argv, cache.env);
    built(argv, cache.env);
    const child = spawnSync(process.execPath, ['-r', preload, BIN, ...argv], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: '', ...cache.env },
      stdio: 'ignore',
    });
    expect(child.status).toBe(0);
    const files = new Set(JSON.parse(readFileSync(out, 'utf8')) as string[]);
    const code = [...files].filter((f) => /\.[cm]?js$/.test(f));
    expect(code.map((f) => f.slice(CLI.length + 1))).toEqual(['dist/lcz.cjs', 'dist/evaluate-fast.cjs']);
  });

  it('a bad assessment: the same located errors in both languages, exit code 1', async () => {
    const argv = ['evaluate', '--rules', RULES, badAssessment()];
    const expected = await inProcess(argv);
    expect(expected.code).toBe(1);
    expect(expected.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    const cache = cacheHome();
    for (let i = 0; i < 3; i++) expect(built(argv, cache.env)).toEqual(expected);
  });

  it('rules the schema refuses: the same located errors, the validator required from its own file', async () => {
    // The bundle has no ruleset validator of its own (dist/ruleset-validator.cjs, required only
    // when rules are read from their YAML): its answer and its errors must reach the diagnostics.
    const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-refused-'));
    for (const name of readdirSync(RULES).filter((f) => f.endsWith('.yaml')))
      copyFileSync(join(RULES, name), join(dir, name));
    const ruleset = join(dir, 'ruleset.yaml');
    const text = readFileSync(ruleset, 'utf8');
    const changed = text.replace(/^version: .*$/m, '$&\nunknown_field: 1');
    expect(changed).not.toBe(text);
    writeFileSync(ruleset, changed);
    const argv = ['evaluate', '--rules', dir, YAML, '--lang', 'en'];
    const expected = await inProcess(argv);
    expect(expected.code).toBe(1);
    expect(expected.stderr).toMatch(/ruleset\.yaml:\d+:\d+/);
    expect(expected.stderr).toContain('unknown_field');
    const cache = cacheHome();
    for (let i = 0; i < 2; i++) expect(built(argv, cache.env)).toEqual(expected);
    expect(built(argv, { LCZ_CACHE: '0' })).toEqual(expected);
  });

  it('ignores a damaged code cache with a note (vi and en), and writes it again', async () => {
    const argv = ['evaluate', '--rules', RULES, YAML, '--lang', 'en'];
    const expected = await inProcess(argv);
    const { cache, name } = warmCodeCache(argv);
    const path = join(cache.folder, name);
    const bytes = readFileSync(path);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const damaged = built(argv, cache.env);
    expect(damaged.stdout).toBe(expected.stdout);
    expect(damaged.code).toBe(expected.code);
    expect(damaged.stderr).toContain(`lcz: lưu ý: mã đã biên dịch lưu tạm '${path}' bị hỏng`);
    expect(damaged.stderr).toContain(`lcz: note: the cached compiled code '${path}' is damaged and was ignored`);
    // Written again, sound: the SHA-256 of its bytes in front.
    const rewritten = readFileSync(path);
    const digest = createHash('sha256').update(rewritten.subarray(65)).digest('hex');
    expect(rewritten.subarray(0, 64).toString('latin1')).toBe(digest);
    expect(built(argv, cache.env)).toEqual(expected);
  });

  it('a later run uses the code cache as written: the V8 flag a YAML run sets is not in force then', () => {
    // A run that reads the rules from their YAML raises V8's interrupt budget (fast/launch.ts); V8
    // refuses a code cache made under other flags, and the launcher would then write it again.
    const argv = ['evaluate', '--rules', RULES, YAML];
    const { cache, name } = warmCodeCache(argv);
    const path = join(cache.folder, name);
    utimesSync(path, 1000, 1000);
    built(argv, cache.env);
    expect(statSync(path).mtimeMs).toBe(1_000_000);
  });

  it('keeps one code cache: another build’s is removed when this one is written', () => {
    const argv = ['evaluate', '--rules', RULES, YAML];
    const { cache, name } = warmCodeCache(argv);
    const other = 'evaluate-fast-00000000000000000000000000000000.v8cache';
    copyFileSync(join(cache.folder, name), join(cache.folder, other));
    // An empty cache for this build: the next run writes it and removes the other build's.
    writeFileSync(join(cache.folder, name), '');
    const run = built(argv, cache.env);
    expect(run.stderr).toContain('lcz: note: the cached compiled code');
    expect(cache.codeCaches()).toEqual([name]);
  });

  it('the build ships first-run code caches of the bundle and the ruleset validator, which this Node takes', () => {
    const shipped = readdirSync(join(CLI, 'dist')).filter((f) => f.endsWith('.v8cache'));
    expect(shipped.map((f) => f.replace(/[0-9a-f]{32}/, '<hash>')).sort()).toEqual([
      'evaluate-fast.first-run-<hash>.v8cache',
      'ruleset-validator.first-run-<hash>.v8cache',
    ]);
    // The build's own check, in a fresh process: V8 took both (an empty cache folder, the YAML read).
    const check = spawnSync(process.execPath, [join(CLI, 'dist/first-run-code-cache.cjs'), 'check', '--rules', RULES, YAML], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: '' },
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it.each([
    ['the bundle', 'evaluate-fast.first-run-'],
    ['the ruleset validator', 'ruleset-validator.first-run-'],
  ])('ignores a damaged first-run code cache of %s with a note (vi and en); the same output otherwise', async (_name, prefix) => {
    const dist = mkdtempSync(join(tmpdir(), 'lcz-fast-shipped-'));
    for (const name of readdirSync(join(CLI, 'dist')).filter((f) => /^(lcz|evaluate-fast|ruleset-validator)\.cjs$|\.v8cache$/.test(f)))
      copyFileSync(join(CLI, 'dist', name), join(dist, name));
    const name = readdirSync(dist).find((f) => f.startsWith(prefix));
    if (name === undefined) throw new Error(`no ${prefix} code cache in dist`);
    const path = join(dist, name);
    const bytes = readFileSync(path);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const argv = ['evaluate', '--rules', RULES, YAML, '--lang', 'en'];
    const expected = await inProcess(argv);
    for (const env of [cacheHome().env, { LCZ_CACHE: '0' }]) {
      const run = built(argv, env, join(dist, 'lcz.cjs'));
      expect(run.stdout).toBe(expected.stdout);
      expect(run.code).toBe(expected.code);
      expect(run.stderr).toBe(
        `${expected.stderr}lcz: lưu ý: mã đã biên dịch đi kèm lcz '${path}' bị hỏng nên bị bỏ qua; lần chạy này tự biên dịch mã (chậm hơn, kết quả không đổi). Cài lại lcz để khôi phục tệp đó.\n` +
          `lcz: note: the compiled code shipped with lcz '${path}' is damaged and was ignored; this run compiled the code itself (slower, the same results). Reinstalling lcz restores it.\n`,
      );
    }
  });

  it('a first run from the shipped code cache that reads no YAML writes no code cache, and the next run writes its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-fast-built-first-'));
    const compiled = join(dir, 'lai-chau.compiled.json');
    expect((await lcz(['build', RULES, '--out', compiled], { cwd: ROOT, env: {} })).code).toBe(0);
    const argv = ['evaluate', '--rules', compiled, YAML];
    const expected = await inProcess(argv);
    const cache = cacheHome();
    expect(built(argv, cache.env)).toEqual(expected);
    // Its code would hold the YAML loader too (compiled from the first-run cache): only the folder.
    expect(statSync(cache.folder).isDirectory()).toBe(true);
    expect(cache.codeCaches()).toEqual([]);
    expect(built(argv, cache.env)).toEqual(expected);
    expect(cache.codeCaches()).toHaveLength(1);
  });

  it('ends the process once its answer is written, never before: a slow pipe gets all of a long one', async () => {
    // The launcher ends the process as soon as a one-file run is over (process-io.ts endNow), but
    // not while standard output still holds text for a pipe (more than its 64 kB buffer here).
    const argv = ['evaluate', '--rules', RULES, EXAMPLES, '--full', '--json'];
    const expected = await inProcess(argv);
    expect(expected.stdout.length).toBeGreaterThan(70_000);
    const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a}'`).join(' ');
    for (const env of [cacheHome().env, { LCZ_CACHE: '0' }]) {
      const child = spawnSync('/bin/sh', ['-c', `${quoted} | (sleep 0.5; cat)`], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: '', ...env },
      });
      expect(child.stdout).toBe(expected.stdout);
    }
  });

  it('the bundle names itself: its last line is the SHA-256 of the text before it', () => {
    const text = readFileSync(join(CLI, 'dist/evaluate-fast.cjs'), 'latin1');
    const last = /\n\/\/# lcz-bundle-sha256=([0-9a-f]{64})\n$/.exec(text);
    if (last === null) throw new Error('no digest line at the end of the bundle');
    const before = text.slice(0, last.index);
    expect(createHash('sha256').update(before, 'latin1').digest('hex')).toBe(last[1]);
  });

  it('a bundle changed after its build gets its own code cache (named by its modification time too)', async () => {
    // A copy of the launcher, the bundle and the ruleset validator it requires when it reads YAML:
    // a one-file run needs nothing else of dist.
    const dist = mkdtempSync(join(tmpdir(), 'lcz-fast-dist-'));
    for (const name of ['lcz.cjs', 'evaluate-fast.cjs', 'ruleset-validator.cjs'])
      copyFileSync(join(CLI, 'dist', name), join(dist, name));
    const bin = join(dist, 'lcz.cjs');
    const argv = ['evaluate', '--rules', RULES, YAML, '--lang', 'en'];
    const expected = await inProcess(argv);
    const cache = cacheHome();
    for (let i = 0; i < 2; i++) expect(built(argv, cache.env, bin)).toEqual(expected);
    const [before] = cache.codeCaches();
    if (before === undefined) throw new Error('no code cache written');
    // The same bytes, as an edit that kept its length would leave them, but another time.
    utimesSync(join(dist, 'evaluate-fast.cjs'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(built(argv, cache.env, bin)).toEqual(expected);
    const [after] = cache.codeCaches();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(cache.codeCaches()).toHaveLength(1);
  });

  it('hands everything else to the whole CLI: a batch file, batch options, help and usage errors', async () => {
    const csv = join(ROOT, 'examples/city-2024/assessments-2024.csv');
    const cache = cacheHome();
    for (const argv of [
      ['evaluate', '--rules', RULES, csv, '--lang', 'en'],
      ['evaluate', '--rules', RULES, YAML, '--out', join(tmpdir(), 'never.jsonl')],
      ['evaluate', '--help'],
      ['evaluate', '--rules', RULES],
      ['evaluate', '--rules', RULES, YAML, '--lang', 'fr'],
      ['validate', RULES, '--lang', 'en'],
      ['--version'],
      [],
    ]) {
      const expected = await inProcess(argv);
      expect(built(argv, cache.env)).toEqual(expected);
      // dist/bin.js too, but not on the 2,000-row CSV (a long run that tests nothing more).
      if (argv[3] !== csv) expect(built(argv, cache.env, ESM_BIN)).toEqual(expected);
    }
  });
});

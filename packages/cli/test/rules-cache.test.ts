/**
 * The compiled-rules cache (engine rules-cache.ts, folder from rules-cache-folder.ts): used while
 * every file it was built from is unchanged, rebuilt when any of them changes, ignored with a note
 * when damaged, and never in the way when its folder cannot be written.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesCacheFolder } from '../src/rules-cache-folder.js';
import { lcz } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ASSESSMENT = join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml');
/** A criterion text of the Lai Châu rules that the English report prints. */
const SHOWN = 'Consolidate, strengthen and raise the quality';

/** A copy of rules/ (with its .lcz-root and shared/ fragment) and an empty cache folder. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-cache-'));
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  const cache = join(dir, 'cache');
  return { dir, cache, env: { XDG_CACHE_HOME: cache } };
}

const entries = (cache: string): string[] => {
  try {
    return readdirSync(join(cache, 'lcz', 'compiled-rules')).map((f) => join(cache, 'lcz', 'compiled-rules', f));
  } catch {
    return [];
  }
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function evaluate(rules: string, env: Record<string, string>) {
  return lcz(['evaluate', '--rules', rules, ASSESSMENT, '--lang', 'en'], { env });
}

describe('the compiled-rules cache', () => {
  it('is written on the first run and used on the next (the YAML is not read again)', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const first = await evaluate(rules, w.env);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const [entry, ...more] = entries(w.cache);
    expect(more).toEqual([]);
    if (!entry) throw new Error('no cache entry written');
    // Alter what the entry says (keeping its checksum sound): the next run shows the altered text,
    // so it was loaded from the entry, not from the YAML.
    const text = readFileSync(entry, 'utf8');
    const newline = text.indexOf('\n');
    // Upper case: the same length and words, so the report wraps the same.
    const body = text.slice(newline + 1).replace(SHOWN, SHOWN.toUpperCase());
    const header = { ...JSON.parse(text.slice(0, newline)), body: sha256(body) };
    writeFileSync(entry, `${JSON.stringify(header)}\n${body}`);
    const second = await evaluate(rules, w.env);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain(SHOWN.toUpperCase());
    expect(second.stdout.replace(SHOWN.toUpperCase(), SHOWN)).toBe(first.stdout);
  });

  it('gives the same located diagnostics from the entry as from the YAML (no YAML parse to locate them)', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const fromYaml = await lcz(['validate', rules, '--lang', 'en'], { env: w.env, cwd: w.dir });
    expect(entries(w.cache)).toHaveLength(1);
    const fromCache = await lcz(['validate', rules, '--lang', 'en'], { env: w.env, cwd: w.dir });
    expect(fromYaml.code).toBe(0);
    expect(fromYaml.stdout).toMatch(/ruleset\.yaml:\d+:\d+: info \[variant_uncovered\]/);
    expect(fromCache.stdout).toBe(fromYaml.stdout);
    expect(fromCache.stderr).toBe(fromYaml.stderr);
  });

  it('is rebuilt, with a note, when an included file changes', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2026-2030-draft');
    const shared = join(w.dir, 'rules/shared/self-management-contents.yaml');
    const first = await lcz(['validate', rules], { env: w.env });
    expect(first.code).toBe(0);
    const [entry] = entries(w.cache);
    if (!entry) throw new Error('no cache entry written');
    const files = () => JSON.parse(readFileSync(entry, 'utf8').split('\n', 1)[0] ?? '{}').files as { file: string }[];
    expect(files().map((f) => f.file)).toEqual([join(rules, 'ruleset.yaml'), shared]);
    // Break the included file: a cache that missed the change would still say the rules are valid.
    writeFileSync(shared, `${readFileSync(shared, 'utf8')}\n  : [unclosed\n`);
    const broken = await lcz(['validate', rules], { env: w.env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('note: the cached compiled rules');
    expect(broken.stderr).toContain('self-management-contents.yaml');
    // Mend it with a harmless change: rebuilt and cached again, then used silently.
    writeFileSync(
      shared,
      `${readFileSync(join(ROOT, 'rules/shared/self-management-contents.yaml'), 'utf8')}# edited\n`,
    );
    const mended = await lcz(['validate', rules], { env: w.env });
    expect(mended.code).toBe(0);
    const again = await lcz(['validate', rules], { env: w.env });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('note: the cached');
    expect(again.stdout).toBe(first.stdout);
  });

  it('ignores a damaged entry with a note, and writes a sound one', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const first = await evaluate(rules, w.env);
    const [entry] = entries(w.cache);
    if (!entry) throw new Error('no cache entry written');
    const sound = readFileSync(entry, 'utf8');
    for (const damage of [sound.slice(0, sound.length / 2), 'not json\n{}', sound.replace(SHOWN, 'TAMPERED')]) {
      writeFileSync(entry, damage);
      const run = await evaluate(rules, w.env);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/note: the cached compiled rules '.*' are damaged/);
      expect(run.stdout).toBe(first.stdout);
      expect(readFileSync(entry, 'utf8')).toBe(sound);
    }
  });

  it('says so and goes on when the cache folder cannot be written', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    // A regular file where the folder should be: no folder can be made under it (even as root).
    writeFileSync(join(w.dir, 'blocked'), '');
    const env = { LCZ_CACHE_DIR: join(w.dir, 'blocked', 'cache') };
    const run = await evaluate(rules, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('RECOGNISED');
    expect(run.stderr).toContain('note: could not write the compiled-rules cache');
    expect(run.stderr).toContain('LCZ_CACHE_DIR');
  });

  it('is kept in the user cache folder, never beside the rules unless asked', () => {
    expect(rulesCacheFolder({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux')).toBe(join('/x', 'lcz', 'compiled-rules'));
    expect(rulesCacheFolder({ HOME: '/h' }, 'linux')).toBe(join('/h', '.cache', 'lcz', 'compiled-rules'));
    expect(rulesCacheFolder({ LOCALAPPDATA: 'C:\\L', HOME: '/h' }, 'win32')).toBe(
      join('C:\\L', 'lcz', 'compiled-rules'),
    );
    expect(rulesCacheFolder({ LCZ_CACHE_DIR: '/rules/.cache', HOME: '/h' }, 'linux')).toBe('/rules/.cache');
    expect(rulesCacheFolder({ LCZ_CACHE: '0', HOME: '/h' }, 'linux')).toBeUndefined();
    expect(rulesCacheFolder({}, 'linux')).toBeUndefined();
  });

  it('writes nothing when the environment names no cache folder', async () => {
    const w = workspace();
    const run = await evaluate(join(w.dir, 'rules/lai-chau-2020-2025'), {});
    expect(run.code).toBe(0);
    expect(readdirSync(w.dir)).toEqual(['rules']);
  });
});

describe('the generated decide module kept in the cache', () => {
  const CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');
  /** The batch's JSON summary, its time taken left out (it differs run to run). */
  const batch = async (rules: string, env: Record<string, string>) => {
    const run = await lcz(['evaluate', '--rules', rules, CSV, '--decisions-only', '--json', '--lang', 'en'], { env });
    return { ...run, stdout: run.stdout.replace(/"elapsedMs": \d+/, '"elapsedMs": 0') };
  };
  const modules = (cache: string) => entries(cache).filter((f) => f.endsWith('.decide.mjs'));
  const headerOf = (entry: string) => JSON.parse(readFileSync(entry, 'utf8').split('\n', 1)[0] ?? '{}');
  /** Rewrites the module, and its checksum in the entry's header so that the entry stays sound. */
  const replaceModule = (entry: string, module: string, code: string) => {
    writeFileSync(module, code);
    const text = readFileSync(entry, 'utf8');
    const newline = text.indexOf('\n');
    writeFileSync(entry, `${JSON.stringify({ ...headerOf(entry), decide: sha256(code) })}${text.slice(newline)}`);
  };
  const found = (cache: string) => {
    const [module] = modules(cache);
    const [entry] = entries(cache).filter((f) => f.endsWith('.json'));
    if (!module || !entry) throw new Error('no cache entry or no generated module written');
    return { module, entry };
  };

  it('is written for a batch that decides, run by the next one, and left alone by a one-file run', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const one = await evaluate(rules, w.env);
    expect(one.code).toBe(0);
    expect(modules(w.cache)).toEqual([]);
    // The example has bad rows (exit 1): the same with the cache off, and with it.
    const plain = await batch(rules, {});
    const first = await batch(rules, w.env);
    expect(first.code).toBe(plain.code);
    expect(first.stdout).toBe(plain.stdout);
    expect(first.stderr).toBe('');
    const { module, entry } = found(w.cache);
    const code = readFileSync(module, 'utf8');
    expect(headerOf(entry).decide).toBe(sha256(code));
    // Every decision "not recognised" (checksum kept sound): the next batch says so, so it ran the module.
    const tampered = ['createDecide', 'createDecideSlots'].reduce(
      (text, name) =>
        text.replace(
          `export function ${name}(rt, plan) {`,
          `export function ${name}(rt, plan) { const d = ${name}Untouched(rt, plan); return (v) => ({ ...d(v), decision: 'not_recognised' }); }\nfunction ${name}Untouched(rt, plan) {`,
        ),
      code,
    );
    expect(tampered).not.toBe(code);
    replaceModule(entry, module, tampered);
    const second = await batch(rules, w.env);
    expect(second.stderr).toBe('');
    expect(JSON.parse(first.stdout).decisions.recognised).toBeGreaterThan(0);
    expect(JSON.parse(second.stdout).decisions).toEqual({
      recognised: 0,
      not_recognised: JSON.parse(first.stdout).evaluated,
      undetermined: 0,
    });
    // A one-file run never imports it: its report is the closures' as before.
    expect((await evaluate(rules, w.env)).stdout).toBe(one.stdout);
  });

  it('is ignored with a note when damaged or made for other rules, and written again', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const first = await batch(rules, w.env);
    const { module, entry } = found(w.cache);
    const code = readFileSync(module, 'utf8');
    writeFileSync(module, `${code}\n// edited\n`);
    const edited = await batch(rules, w.env);
    expect(edited.code).toBe(first.code);
    expect(edited.stderr).toMatch(
      /note: the generated decide module cached as '.*' was ignored \(the module does not match its checksum\)/,
    );
    expect(edited.stdout).toBe(first.stdout);
    expect(readFileSync(module, 'utf8')).toBe(code);
    replaceModule(entry, module, code.replace(/export const hash = "[^"]*";/, 'export const hash = "sha256:other";'));
    const other = await batch(rules, w.env);
    expect(other.code).toBe(first.code);
    expect(other.stderr).toMatch(
      /note: the generated decide module cached as '.*' was ignored \(it was generated for other rules\)/,
    );
    expect(other.stdout).toBe(first.stdout);
    expect(readFileSync(module, 'utf8')).toBe(code);
    expect(headerOf(entry).decide).toBe(sha256(code));
    const again = await batch(rules, w.env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });

  it('is not written by a run that is a usage error (--decisions-only on one assessment)', async () => {
    const w = workspace();
    const rules = join(w.dir, 'rules/lai-chau-2020-2025');
    const run = await lcz(['evaluate', '--rules', rules, ASSESSMENT, '--decisions-only', '--lang', 'en'], {
      env: w.env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/are for a batch file/);
    const written = (() => {
      try {
        return readdirSync(w.cache, { recursive: true });
      } catch {
        return [];
      }
    })();
    expect(written).toEqual([]);
  });
});

/**
 * Rules are data: no file under packages/<name>/src names anything that belongs to one bundled
 * scheme. The names are collected from every rule file under rules/ and examples/ (ruleset and
 * fragment ids, fact, context attribute, parameter and definition names, enumeration value ids,
 * owner ids, the values' and attributes' labels, criterion and group ids that are not plain
 * numbers, and the words of `words:`), so a new scheme is covered the day it is added. Skipped:
 * names too short or too common to belong to anyone (GENERIC, below): it lists ordinary words,
 * never a scheme's own term. What code still names is listed in not-yet-generic.json (below).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Ordinary words some scheme also uses as a name or a value: the engine says them for its own
 * reasons ("area" in "area.unit", "good" in prose). Short names (3 characters or fewer: "ban",
 * "xa", "D1") are skipped by length, since they occur inside words of any text.
 */
const GENERIC = new Set([
  'area',
  'areas',
  'good',
  'fair',
  'poor',
  'yes',
  'no',
  'pass',
  'fail',
  'unit',
  'units',
  'rating',
  'kind',
  'school', // an English word the engine's help texts use for examples of what may be assessed
  // Ordinary words the new-rural and green building schemes also use as names or words: the
  // engine says them for its own reasons (the city report, "ward or commune", a region of a page).
  'city',
  'commune',
  'communes',
  'huyện', // "district": the test-case schema's descriptions say it
  'region',
  'population',
  // The format's own example of a native id, in the schema's descriptions (and the generated
  // validator) and docs since before the green building scheme took it as LEED's integrative
  // process credit.
  'ipc1', // IPc1 (GENERIC holds lower case)
]);

function* files(dir: string, accept: (path: string) => boolean): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path, accept);
    else if (accept(path)) yield path;
  }
}

interface Owned {
  readonly name: string;
  readonly scheme: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every name and word of one rule file. */
function namesOf(doc: Record<string, unknown>): string[] {
  const names: string[] = [];
  const texts = (t: unknown) => {
    if (isRecord(t)) for (const v of Object.values(t)) if (typeof v === 'string') names.push(v);
  };
  if (typeof doc['id'] === 'string') names.push(doc['id']);
  for (const section of ['facts', 'context', 'parameters', 'definitions', 'owners']) {
    const map = doc[section];
    if (!isRecord(map)) continue;
    for (const [name, decl] of Object.entries(map)) {
      names.push(name);
      if (!isRecord(decl)) continue;
      if (section === 'context') texts(decl['label']);
      for (const value of Array.isArray(decl['values']) ? decl['values'] : []) {
        if (!isRecord(value)) continue;
        if (typeof value['id'] === 'string') names.push(value['id']);
        if (section === 'context') texts(value['label']);
      }
    }
  }
  for (const group of Array.isArray(doc['groups']) ? doc['groups'] : []) {
    if (!isRecord(group)) continue;
    if (typeof group['id'] === 'string') names.push(group['id']);
    for (const c of Array.isArray(group['criteria']) ? group['criteria'] : [])
      if (isRecord(c) && typeof c['id'] === 'string') names.push(c['id']);
  }
  const words = doc['words'];
  if (isRecord(words))
    for (const forms of Object.values(words)) if (isRecord(forms)) for (const f of Object.values(forms)) texts(f);
  return names;
}

function schemeNames(): Owned[] {
  const owned: Owned[] = [];
  for (const top of ['rules', 'examples'])
    for (const path of files(join(ROOT, top), (p) => /\.ya?ml$/.test(p))) {
      let doc: unknown;
      try {
        doc = parse(readFileSync(path, 'utf8'));
      } catch {
        continue; // a deliberately broken example is no rule file
      }
      if (!isRecord(doc) || doc['format'] !== 1 || !('facts' in doc || doc['kind'] === 'fragment')) continue;
      for (const name of namesOf(doc)) owned.push({ name, scheme: relative(ROOT, path) });
    }
  return owned;
}

/** Whether a name is someone's own: long enough, not a plain number ("1.3"), not an ordinary word. */
function isOwnName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 3 && !/^[\d.]+$/.test(trimmed) && !GENERIC.has(trimmed.toLowerCase());
}

/**
 * Names of a scheme still in code when this test was written, by file: the bench's hand-written
 * Lai Châu anchors and generators, and the words of the CLI's help, the city report, records and
 * the web form, which are still to take the rule file's words. NOT an allowlist to grow: a new
 * name fails the test, and a name taken out of code must be taken out of this file too.
 */
const NOT_YET_GENERIC = new Set(
  Object.entries(
    JSON.parse(readFileSync(fileURLToPath(new URL('./not-yet-generic.json', import.meta.url)), 'utf8')) as Record<
      string,
      string[]
    >,
  ).flatMap(([file, names]) => names.map((name) => `${file}: ${name}`)),
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('rules are data: no package source names one scheme', () => {
  const owned = schemeNames().filter((o) => isOwnName(o.name));

  it('finds the names of every bundled rule file (the collection itself works)', () => {
    const names = new Set(owned.map((o) => o.name));
    for (const expected of ['lai-chau-khu-dan-cu-tu-quan', 'households', 'unit_kind', 'to_dan_pho', 'khu dân cư'])
      expect(names).toContain(expected);
    for (const expected of ['illustrative-school-safety', 'fire_exits', 'FSc1', 'district'])
      expect(names).toContain(expected);
    for (const expected of ['ntm-commune', 'min_income', 'trung_du_mien_nui_phia_bac', 'NC10', 'total_income'])
      expect(names).toContain(expected);
    for (const expected of ['illustrative-green-building', 'energy_cost_saving_pct', 'EAc2', 'core_and_shell'])
      expect(names).toContain(expected);
  });

  it('no file under packages/*/src names an id, fact, value or word of a bundled scheme', () => {
    // One pattern per name: whole words only, case-sensitive for identifiers, case-insensitive
    // for words (a Vietnamese phrase may start a sentence).
    const patterns = [...new Map(owned.map((o) => [o.name, o])).values()].map((o) => ({
      ...o,
      re: /\s/.test(o.name)
        ? new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(o.name)}(?![\\p{L}\\p{N}_])`, 'iu')
        : new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(o.name)}(?![\\p{L}\\p{N}_-])`, 'u'),
    }));
    const found = new Map<string, string>();
    for (const path of files(join(ROOT, 'packages'), (p) => /\/src\//.test(p) && /\.(ts|js|mjs|css|html)$/.test(p))) {
      const text = readFileSync(path, 'utf8');
      const file = relative(ROOT, path);
      for (const p of patterns) {
        const match = p.re.exec(text);
        if (!match) continue;
        const line = text.slice(0, match.index).split('\n').length;
        found.set(`${file}: ${p.name}`, `${file}:${line}: "${p.name}" (${p.scheme})`);
      }
    }
    // New names of a scheme in code fail at once; a name removed from code must leave
    // NOT_YET_GENERIC too, so the list only shrinks.
    const unexpected = [...found].filter(([key]) => !NOT_YET_GENERIC.has(key)).map(([, where]) => where);
    const gone = [...NOT_YET_GENERIC].filter((key) => !found.has(key));
    expect(unexpected).toEqual([]);
    expect(gone).toEqual([]);
  });
});

/**
 * Every problem at once, as a property: the bundled rule files (and an included fragment) with
 * random edits that mostly break the schema (a misspelt key, a value of the wrong type or form,
 * a line gone) and often an expression too (a misspelt name), and some that break the YAML but
 * leave it readable (a tab for indentation, a key written twice, a tag, an unknown top-level
 * key). Whatever the edit, loading never throws, every problem is located and worded with a hint
 * in both languages, none is reported twice, no later-stage problem
 * stands where a schema problem already does (its part was set aside), and a file with an error
 * never loads. Not vacuous: many inputs show schema and compile problems together.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, loadRuleset } from '../src/index.js';
import { root } from './bundled-schemes.js';
import { renderMessage } from '../src/diagnostics/format.js';
import { expectLocatedDiagnostic, expectNoThrow } from './fuzz/shared.js';

const FILES = [
  'packages/criteria-engine/test/fixtures/nong-thon-moi/ruleset.yaml',
  'packages/criteria-engine/test/fixtures/levels/ruleset.yaml',
  'packages/criteria-engine/test/fixtures/tricky-points/ruleset.yaml',
  'packages/criteria-engine/test/fixtures/thon-van-hoa/ruleset.yaml',
].map((path) => ({ path: root(path), text: readFileSync(root(path), 'utf8') }));

/** The fragment thon-van-hoa includes: edited too, in some inputs. */
const FRAGMENT_PATH = root('packages/criteria-engine/test/fixtures/thon-van-hoa/shared-self-management.yaml');
const FRAGMENT = readFileSync(FRAGMENT_PATH, 'utf8');

/** Problems of the file's form and header: a later stage never speaks where one of these stands. */
const SCHEMA_STAGE = /^(schema_|date_invalid|effective_order|text_language_)/;
/** Problems of reading (YAML, files, includes): neither the schema's nor compile's. */
const READING = /^(yaml_|file_|text_encoding|include_invalid|diagnostics_omitted)/;

const HOSTILE = ['integr', '-1', '"2026-13-01"', '"2028-02-30"', '[]', '{}', 'true', '"x y"', '1.5', 'null', 'zz'];

/** Keys of the format itself (a misspelt one is a schema error), not the names a file declares. */
const FORMAT_KEY =
  /\b(id|type|label|text|title|condition|at_least|at_most|of|when|min|max|points|values|value|from|unit|part_of|requirement|variants|fact|percent|part|whole|is|not_applicable|no_variant|group_requirement|decimals):(?=\s)/g;

const mutation = fc.record({
  op: fc.constantFrom('key', 'value', 'value', 'drop', 'name', 'name', 'tab', 'twice', 'tag', 'top'),
  line: fc.nat(),
  pick: fc.nat({ max: 8 }),
  hostile: fc.constantFrom(...HOSTILE),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** `text` with one edit on the first line at or after `m.line` (cyclically) where the edit applies. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const i = (m.line + k) % lines.length;
    const line = lines[i] ?? '';
    if (line.trimStart().startsWith('#') || line.trim() === '') continue;
    const edited = editLine(line, m);
    if (edited === undefined) continue;
    if (edited === null) lines.splice(i, 1);
    else lines[i] = edited;
    return lines.join('\n');
  }
  return text;
}

/** The line edited; null to drop it; undefined when the edit does not apply to it. */
function editLine(line: string, m: Mutation): string | null | undefined {
  const nth = (re: RegExp, replace: (match: RegExpExecArray) => string): string | undefined => {
    const matches = [...line.matchAll(re)];
    const match = matches[m.pick % Math.max(matches.length, 1)];
    if (!match || match.index === undefined) return undefined;
    return line.slice(0, match.index) + replace(match) + line.slice(match.index + match[0].length);
  };
  switch (m.op) {
    case 'key':
      return nth(FORMAT_KEY, (x) => `${x[1]}x:`);
    case 'value':
      return nth(/(:\s+)("[^"\n]*"|[^\s,{}[\]#"]+)/g, (x) => `${x[1]}${m.hostile}`);
    case 'drop':
      return null;
    case 'tab': {
      // The line's indentation, or its last two spaces, made a tab.
      const indent = line.length - line.trimStart().length;
      if (indent < 2) return undefined;
      return `${m.pick % 2 === 0 ? '' : line.slice(0, indent - 2)}\t${line.slice(indent)}`;
    }
    case 'twice':
      // A key and its value written again under it: a duplicate key.
      return /^\s*[a-z_]+: \S/.test(line) ? `${line}\n${line}` : undefined;
    case 'tag':
      return nth(/(:\s+)("[^"\n]*"|[^\s,{}[\]#"!]+)/g, (x) => `${x[1]}!x ${x[2]}`);
    case 'top':
      return /^[a-z]/.test(line) ? `colour: red\n${line}` : undefined;
    default:
      // A name inside a quoted expression: a misspelt fact, a later-stage problem.
      if (!/(condition|when|value|require|applicable_when|of): "/.test(line)) return undefined;
      return nth(/\b([a-z][a-z_]{3,})\b(?=[^"]*"\s*$)/g, (x) => `${x[1]}x`);
  }
}

function place(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}

let mixed = 0;
/** Inputs with a YAML problem that leaves the file readable and a later problem beside it. */
let pastReading = 0;
/** The YAML problems after which the file is still read (tab-indent.ts, to-plain.ts). */
const READABLE = new Set(['yaml_tab_indentation', 'yaml_duplicate_key', 'yaml_unsupported_tag']);

function checkLoad(text: string, fragment: string, path: string): void {
  const loaded = expectNoThrow(() =>
    loadRuleset(text, {
      file: path,
      readInclude: (included, from) => {
        const file = join(dirname(from), included);
        return file === FRAGMENT_PATH ? { file, text: fragment } : undefined;
      },
    }),
  );
  const lines = Math.max(text.split('\n').length, fragment.split('\n').length);
  const seen = new Set<string>();
  for (const d of loaded.diagnostics) {
    expectLocatedDiagnostic(d, lines);
    for (const lang of ['vi', 'en'] as const)
      expect(renderMessage(d, lang).hint?.length ?? 0, `${d.code} has no ${lang} hint`).toBeGreaterThan(0);
    const key = JSON.stringify([d.code, place(d), d.params]);
    expect(seen.has(key), `${d.code} twice at ${place(d)}`).toBe(false);
    seen.add(key);
  }
  const schemaPlaces = new Set(loaded.diagnostics.filter((d) => SCHEMA_STAGE.test(d.code)).map(place));
  const later = loaded.diagnostics.filter((d) => !SCHEMA_STAGE.test(d.code) && !READING.test(d.code));
  for (const d of later)
    if (d.line > 0) expect(schemaPlaces.has(place(d)), `${d.code} where a schema problem stands`).toBe(false);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) expect(loaded.value).toBeUndefined();
  if (schemaPlaces.size > 0 && later.some((d) => d.severity === 'error')) mixed++;
  if (loaded.diagnostics.some((d) => READABLE.has(d.code)) && later.some((d) => d.severity === 'error')) pastReading++;
}

describe('every problem at once: random edits of the bundled rules', () => {
  it('never throws, never says one thing twice, never speaks where the schema already has; a file with errors never loads', () => {
    const runs = 120;
    fc.assert(
      fc.property(
        fc.nat({ max: FILES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.array(mutation, { maxLength: 2 }),
        (f, edits, fragmentEdits) => {
          const file = FILES[f] ?? { path: '', text: '' };
          const text = edits.reduce((t, m) => mutate(t, m), file.text);
          checkLoad(
            text,
            fragmentEdits.reduce((t, m) => mutate(t, m), FRAGMENT),
            file.path,
          );
        },
      ),
      { numRuns: runs, seed: 20_261_207 },
    );
    // Not vacuous: a good share of the inputs showed a schema problem and a later one together.
    expect(mixed).toBeGreaterThan(runs / 5);
    // And a good share showed a readable YAML problem and a later one together.
    expect(pastReading).toBeGreaterThan(runs / 10);
  }, 180_000);

  it('says nothing new: each later problem of a schema-broken file is one the file had before it broke, or on a line the break touched', () => {
    // Schema breaks that move no line: a format key misspelt, a value made a list, a mapping or null.
    const breaking = fc.record({
      op: fc.constantFrom('key', 'value'),
      line: fc.nat(),
      pick: fc.nat({ max: 8 }),
      hostile: fc.constantFrom('[]', '{}', 'null'),
    });
    const names = fc.array(
      mutation.map((m): Mutation => ({ ...m, op: 'name' })),
      { maxLength: 3 },
    );
    let compared = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: FILES.length - 1 }),
        names,
        fc.array(breaking, { minLength: 1, maxLength: 3 }),
        (f, nameEdits, breaks) => {
          const file = FILES[f] ?? { path: '', text: '' };
          const base = nameEdits.reduce((t, m) => mutate(t, m), file.text);
          const broken = breaks.reduce((t, m) => mutate(t, m), base);
          const touched = new Set(
            broken.split('\n').flatMap((line, i) => (line !== base.split('\n')[i] ? [i + 1] : [])),
          );
          const later = (text: string) =>
            loadRuleset(text, { file: 'r.yaml', readInclude: () => ({ file: 'f.yaml', text: FRAGMENT }) })
              .diagnostics.filter((d) => d.file === 'r.yaml' && !SCHEMA_STAGE.test(d.code) && !READING.test(d.code))
              .map((d) => `${d.line}:${d.column} ${d.code}`);
          const before = new Set(later(base));
          const after = later(broken).filter((l) => !touched.has(Number(l.split(':')[0])));
          if (after.length > 0) compared++;
          for (const l of after) expect(before.has(l), `${l} is new`).toBe(true);
        },
      ),
      { numRuns: 100, seed: 20_261_208 },
    );
    expect(compared).toBeGreaterThan(10);
  }, 180_000);
});

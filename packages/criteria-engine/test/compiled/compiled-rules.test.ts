/**
 * Compiled rules files (lcz build → loadCompiledRuleset): the ruleset loaded from one is the
 * ruleset loaded from the YAML (hash, diagnostics with their positions, infos, decisions), and a
 * file that is not a compiled rules file of this engine is refused with a located reason.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml, type DocumentPath, type ParsedDocument } from '../../src/parse/index.js';
import { restoreDocument, storePositions } from '../../src/parse/stored-document.js';
import { jsonErrorOffset } from '../../src/load-compiled.js';
import {
  assessmentJsonSchema,
  ENGINE_VERSION,
  loadCompiledRuleset,
  loadRuleset,
  type CompiledRuleset,
} from '../../src/index.js';
import { buildCompiledRulesFile, loadRulesetFile, readIncludeFile } from '../../src/node.js';
import { buildCompiledRules, COMPILED_RULES_FORMAT_VERSION, compiledRulesOf } from '../../src/tools.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { fixture, INVALID_RULES, where } from '../parse/fixtures.js';

const RULES = fileURLToPath(new URL('../../../../rules/', import.meta.url));
const LAI_CHAU = join(RULES, 'lai-chau-2020-2025/ruleset.yaml');
const DRAFT = join(RULES, 'lai-chau-2026-2030-draft/ruleset.yaml');

function parse(file: string, text: string): ParsedDocument {
  const parsed = parseYaml(new SourceText(file, text));
  if (!parsed.value) throw new Error(`${file} should parse`);
  return parsed.value;
}

/** Every path of a value, depth first. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...path, i]));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

const TRICKY = [
  'id: "1"',
  'plain: a plain scalar',
  "'quoted key': 'single'",
  '"1": numeric-looking key',
  'flow: { a: [1, 2, { b: c }], d: null }',
  'block: |',
  '  line one',
  '  line two',
  'folded: >-',
  '  folded text',
  'anchor: &shared { vi: "a", en: "b" }',
  'alias: *shared',
  'list:',
  '  - x',
  '  - - nested',
  '    - deeper',
  '  -',
  '  - { k: v }',
  'empty:',
].join('\n');

/** Positions of one digit each (every number below 63). */
const SHORT = '[a, b, c, d, e, f, g, h, i, j, k]';
/** Positions of four digits each (offsets past 64^3 - 1): the nodes after 270 kB of comments. */
const LONG = [
  ...Array.from({ length: 2_700 }, () => `# ${'x'.repeat(98)}`),
  'pad: text',
  'after:',
  '  list: [one, two, three]',
  '  "quoted key": \'single\'',
  '  nested: { a: b, c: [d, e] }',
].join('\n');

describe('storePositions / restoreDocument', () => {
  it('stores numbers of one to four digits, as the file needs (each width read below)', () => {
    const widths = [SHORT, TRICKY, readFileSync(LAI_CHAU, 'utf8'), LONG].map(
      (t) => storePositions(parse('w.yaml', t))[0],
    );
    expect(widths).toEqual(['1', '2', '3', '4']);
  });

  for (const [name, file, text] of [
    ['a file with flow, block, quoted, aliased and empty nodes', 'tricky.yaml', TRICKY],
    ['the Lai Châu rules', LAI_CHAU, readFileSync(LAI_CHAU, 'utf8')],
    ['a file short enough for one digit a number', 'short.yaml', SHORT],
    ['a file long enough for four digits a number', 'long.yaml', LONG],
  ] as const) {
    describe(name, () => {
      const original = parse(file, text);
      const restored = restoreDocument(
        file,
        [...original.source.lineStarts],
        JSON.parse(JSON.stringify(original.value)),
        JSON.parse(JSON.stringify(storePositions(original))),
      );
      if (!restored) throw new Error('positions should fit');
      const paths = pathsOf(original.value);

      it('gives every node and key the range, and every string the start of its text, the YAML document gives', () => {
        expect(paths.length).toBeGreaterThan(10);
        let strings = 0;
        for (const path of paths) {
          expect([path, restored.rangeOf(path)]).toEqual([path, original.rangeOf(path)]);
          expect([path, restored.keyRangeOf(path)]).toEqual([path, original.keyRangeOf(path)]);
          const value = path.reduce<unknown>(
            (v, step) => (v as Record<string | number, unknown>)[step],
            original.value,
          );
          if (typeof value === 'string') {
            strings++;
            expect([path, restored.scalarContentOffset(path, value)]).toEqual([
              path,
              original.scalarContentOffset(path, value),
            ]);
          }
        }
        expect(strings).toBeGreaterThan(5);
        // Lines and columns come from the stored line starts.
        const last = original.rangeOf(paths[paths.length - 1] ?? [])?.[0] ?? 0;
        expect(restored.source.position(last)).toEqual(original.source.position(last));
      });

      it('agrees on paths that do not exist and on indexes written as text', () => {
        const step = fc.oneof(
          fc.constantFrom('id', 'facts', 'groups', 'criteria', 'list', 'flow', 'a', 'x', '0', '1', '01', '-1'),
          fc.nat(5),
        );
        const pathArb = fc
          .tuple(fc.constantFrom(...paths), fc.array(step, { maxLength: 3 }))
          .map(([p, more]): DocumentPath => [...p, ...more]);
        fc.assert(
          fc.property(pathArb, (path) => {
            expect(restored.rangeOf(path)).toEqual(original.rangeOf(path));
            expect(restored.keyRangeOf(path)).toEqual(original.keyRangeOf(path));
          }),
          { seed: 20201110, numRuns: 2000 },
        );
      });
    });
  }

  it('refuses positions that do not fit the value', () => {
    const original = parse('t.yaml', TRICKY);
    const positions = storePositions(original);
    const lines = original.source.lineStarts;
    const oneNode = 6 * Number(positions[0]);
    expect(restoreDocument('t.yaml', lines, original.value, positions)).toBeDefined();
    expect(restoreDocument('t.yaml', lines, original.value, positions.slice(0, -oneNode))).toBeUndefined();
    expect(restoreDocument('t.yaml', lines, original.value, positions + 'A'.repeat(oneNode))).toBeUndefined();
    expect(restoreDocument('t.yaml', lines, original.value, `0${positions.slice(1)}`)).toBeUndefined();
  });
});

/** What a user can observe of a ruleset, functions left out. */
function observable(r: CompiledRuleset) {
  return {
    id: r.id,
    version: r.version,
    hash: r.hash,
    file: r.file,
    title: r.title,
    effective: r.effective,
    effectiveAt: r.effectiveAt,
    document: r.document,
    context: r.context,
    facts: r.facts,
    groups: r.groups,
    criteria: r.criteria,
    disqualifiers: r.disqualifiers,
    definitions: r.definitions,
    includes: r.includes,
    mandatory: r.mandatory,
    totalRequirement: r.totalRequirement,
    diagnostics: r.diagnostics,
    slotLayout: r.slotLayout,
    schema: assessmentJsonSchema(r),
  };
}

describe('a compiled rules file loads the same ruleset as its YAML', () => {
  for (const file of [LAI_CHAU, DRAFT]) {
    const text = readFileSync(file, 'utf8');
    const fromYaml = loadRuleset(text, { file, readInclude: readIncludeFile });
    const built = buildCompiledRules(text, { file, readInclude: readIncludeFile });
    const json = JSON.stringify(built.value);
    const fromJson = loadCompiledRuleset(json, { file: 'x.compiled.json' });
    const yamlRules = fromYaml.value;
    const jsonRules = fromJson.value;
    if (!yamlRules || !jsonRules) throw new Error(`${file} should load both ways`);

    describe(file.replace(RULES, 'rules/'), () => {
      it('with the same hash, infos, document and diagnostics (positions included)', () => {
        expect(built.diagnostics).toEqual(fromYaml.diagnostics);
        expect(fromJson.diagnostics).toEqual(fromYaml.diagnostics);
        expect(observable(jsonRules)).toEqual(observable(yamlRules));
        // Lai Châu has two notes (variant coverage of 2.3): the comparison is not of empty lists.
        expect(yamlRules.diagnostics.length).toBeGreaterThan(0);
      });

      it('locating any part of the document', () => {
        for (const path of pathsOf(yamlRules.document).filter((_, i) => i % 7 === 0)) {
          expect(jsonRules.locate(path)).toEqual(yamlRules.locate(path));
        }
        expect(jsonRules.locate(['groups', 0, 'criteria', 99, 'nothing'])).toEqual(
          yamlRules.locate(['groups', 0, 'criteria', 99, 'nothing']),
        );
      });

      it('deciding, evaluating and validating every generated assessment alike', () => {
        fc.assert(
          fc.property(assessmentArbitrary(yamlRules), (assessment) => {
            expect(jsonRules.validateAssessment(assessment)).toEqual(yamlRules.validateAssessment(assessment));
            expect(jsonRules.decide(assessment)).toEqual(yamlRules.decide(assessment));
            expect(jsonRules.evaluate(assessment)).toEqual(yamlRules.evaluate(assessment));
          }),
          { seed: 7, numRuns: 300 },
        );
      });

      it('compiledRulesOf a loaded ruleset is what lcz build writes, and loads back alike (for other threads)', () => {
        // Structured clone is how a worker gets it: nothing in it may depend on object identity.
        const copied = structuredClone(compiledRulesOf(yamlRules));
        expect(copied).toEqual(built.value);
        expect(compiledRulesOf(jsonRules)).toEqual(built.value);
        const again = loadCompiledRuleset(copied);
        if (!again.value) throw new Error('should load back');
        expect(again.diagnostics).toEqual(fromYaml.diagnostics);
        expect(observable(again.value)).toEqual(observable(yamlRules));
        // Not a ruleset the engine made: nothing to copy, said so rather than guessed.
        expect(compiledRulesOf({ ...yamlRules })).toBeUndefined();
      });

      it('and refusing a bad assessment with the same diagnostics', () => {
        const bad = {
          context: { unit_kind: 'bann' },
          facts: { households: -1, households_law_abiding: '12', nope: 1 },
        };
        const expected = yamlRules.validateAssessment(bad);
        expect(expected.diagnostics.length).toBeGreaterThanOrEqual(3);
        expect(jsonRules.validateAssessment(bad)).toEqual(expected);
      });
    });
  }

  it('from the value as well as from the text', () => {
    const text = readFileSync(LAI_CHAU, 'utf8');
    const built = buildCompiledRules(text, { file: LAI_CHAU });
    const fromValue = loadCompiledRuleset(JSON.parse(JSON.stringify(built.value)));
    expect(fromValue.value?.hash).toBe(loadRuleset(text).value?.hash);
  });

  it('with source names mapped by `relocate`', () => {
    const built = buildCompiledRules(readFileSync(DRAFT, 'utf8'), {
      file: DRAFT,
      readInclude: readIncludeFile,
      storeFileAs: (f) => f.replace(RULES, ''),
    });
    const stored = built.value?.sources.map((s) => s.file);
    expect(stored).toEqual([
      'lai-chau-2026-2030-draft/ruleset.yaml',
      '../rules/shared/self-management-contents.yaml'.replace('../rules/', ''),
    ]);
    const loaded = loadCompiledRuleset(JSON.stringify(built.value), { relocate: (f) => `/elsewhere/${f}` });
    expect(loaded.value?.file).toBe('/elsewhere/lai-chau-2026-2030-draft/ruleset.yaml');
    expect(loaded.value?.definitions[0]?.file).toBe('/elsewhere/shared/self-management-contents.yaml');
  });
});

describe('building', () => {
  it('refuses rules with errors, with the errors loadRuleset reports', () => {
    const source = fixture(INVALID_RULES, 'expr_syntax.yaml');
    const built = buildCompiledRules(source.text, { file: source.file });
    expect(built.value).toBeUndefined();
    expect(built.diagnostics).toEqual(loadRuleset(source.text, { file: source.file }).diagnostics);
    expect(built.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('refuses a fragment on its own', () => {
    const file = join(RULES, 'shared/self-management-contents.yaml');
    const built = buildCompiledRules(readFileSync(file, 'utf8'), { file });
    expect(built.value).toBeUndefined();
    expect(built.diagnostics.map(where)).toEqual([{ code: 'build_fragment', line: 1, column: 1 }]);
  });
});

describe('refusing what is not a compiled rules file of this engine', () => {
  const good = () =>
    JSON.parse(JSON.stringify(buildCompiledRules(readFileSync(LAI_CHAU, 'utf8'), { file: LAI_CHAU }).value)) as Record<
      string,
      unknown
    >;
  const load = (text: string) => loadCompiledRuleset(text, { file: 'x.compiled.json' });

  it('not JSON: located where the JSON breaks', () => {
    const result = load('{\n  "format": "lcz-compiled-rules",\n  "engine": }');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map(where)).toEqual([{ code: 'compiled_unreadable', line: 3, column: 13 }]);
    expect(result.diagnostics[0]?.params['reason']).toBe('json');
  });

  it('another kind of JSON', () => {
    for (const text of ['[]', '"text"', '{"format": "something-else"}', '{"id": "x"}']) {
      const result = load(text);
      expect(result.value).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.params['reason']])).toEqual([['compiled_unreadable', 'format']]);
    }
  });

  it('built by another engine version: pointed at "engine"', () => {
    const text = JSON.stringify({ ...good(), engine: '0.0.1' }, null, 2);
    const result = load(text);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map(where)).toEqual([{ code: 'compiled_stale', line: 4, column: 3 }]);
    expect(result.diagnostics[0]?.params).toEqual({ built_with: '0.0.1', engine: ENGINE_VERSION });
  });

  it('missing parts: every one reported at once', () => {
    const result = load(
      JSON.stringify({
        format: 'lcz-compiled-rules',
        formatVersion: COMPILED_RULES_FORMAT_VERSION,
        engine: ENGINE_VERSION,
      }),
    );
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => String(d.params['detail']).split(':')[0])).toEqual([
      'id',
      'version',
      'hash',
      'diagnostics',
      'compileDiagnostics',
      'sources',
    ]);
  });

  it('damaged positions or documents: refused, never a crash', () => {
    const cut = good();
    const [main] = cut['sources'] as { positions: string }[];
    if (main) main.positions = main.positions.slice(0, -6);
    expect(load(JSON.stringify(cut)).diagnostics.map((d) => [d.code, d.params['reason']])).toEqual([
      ['compiled_unreadable', 'damaged'],
    ]);

    const broken = good();
    const [first] = broken['sources'] as { document: Record<string, unknown>; positions: number[] }[];
    if (first) first.document['groups'] = 'not a list';
    const result = load(JSON.stringify(broken));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['compiled_unreadable']);
  });
});

describe('a compiled rules file edited after it was built', () => {
  it('an error in a document: refused, located where the rule file writes it', () => {
    // Loading compiles without positions first (assemble-ruleset.ts); an error compiles again with them.
    const text = readFileSync(LAI_CHAU, 'utf8');
    const fromYaml = loadRuleset(text, { file: LAI_CHAU }).value;
    const edited = JSON.parse(JSON.stringify(buildCompiledRules(text, { file: LAI_CHAU }).value)) as {
      sources: { document: { groups: { criteria: { condition?: { fact?: string } }[] }[] } }[];
    };
    // The first criterion whose condition is `{ fact: …, … }`, made to name a fact nobody declares.
    const groups = edited.sources[0]?.document.groups ?? [];
    const named = (c: { condition?: { fact?: string } }) => typeof c.condition?.fact === 'string';
    const gi = groups.findIndex((g) => g.criteria.some(named));
    const ci = groups[gi]?.criteria.findIndex(named) ?? -1;
    const condition = groups[gi]?.criteria[ci]?.condition;
    if (!condition || !fromYaml) throw new Error('Lai Châu has a criterion with a fact condition');
    condition.fact = 'no_such_fact';
    const result = loadCompiledRuleset(JSON.stringify(edited), { file: 'x.compiled.json' });
    expect(result.value).toBeUndefined();
    const at = fromYaml.locate(['groups', gi, 'criteria', ci, 'condition', 'fact']);
    const unknown = result.diagnostics.filter((d) => d.code === 'expr_unknown_name');
    expect(unknown.map((d) => [d.file, d.line, d.column])).toEqual([[LAI_CHAU, at?.line, at?.column]]);
  });
});

describe('loadRulesetFile and buildCompiledRulesFile (node)', () => {
  it('builds beside any folder and loads back with the YAML files named where they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-compiled-'));
    const out = join(dir, 'nested', '..', 'draft.compiled.json');
    const built = await buildCompiledRulesFile(join(RULES, 'lai-chau-2026-2030-draft'), out);
    if (!built.value) throw new Error('should build');
    // Stored names are relative to the compiled file, with '/', so the pair can move together.
    expect(built.value.compiled.sources.every((s) => !s.file.startsWith('/') && !s.file.includes('\\'))).toBe(true);
    // …diagnostics included (the draft has two notes): they name the stored files.
    const stored = built.value.compiled.sources.map((s) => s.file);
    expect(built.value.compiled.compileDiagnostics.length).toBeGreaterThan(0);
    expect(built.value.compiled.compileDiagnostics.every((d) => stored.includes(d.file))).toBe(true);
    writeFileSync(out, built.value.json);
    const fromJson = await loadRulesetFile(out);
    const fromYaml = await loadRulesetFile(join(RULES, 'lai-chau-2026-2030-draft'));
    expect(fromJson.diagnostics).toEqual(fromYaml.diagnostics);
    expect(fromJson.value?.file).toBe(fromYaml.value?.file);
    expect(fromJson.value?.definitions).toEqual(fromYaml.value?.definitions);
    expect(fromJson.value?.hash).toBe(fromYaml.value?.hash);
  });
});

describe('jsonErrorOffset (where JSON.parse stopped)', () => {
  const offsetOf = (text: string): number => {
    try {
      JSON.parse(text);
    } catch (e) {
      return jsonErrorOffset(text, (e as Error).message);
    }
    throw new Error('should not parse');
  };
  it.each([
    ['{"a" 1}', 5],
    ['{"a":', 5],
    ['[1,]', 3],
    ['{"a": tru, "bbbbbbbbbbbbbbbbbbbbbbb": 1}', 9],
    ['{"bbbbbbbbbbbbbbbbbbbbbbb": 1, "a": tru, "cccccccccccccccccccccc": 2}', 39],
    ['{\n  "format": "x",\n  "engine": }', 31],
  ])('%j → %i', (text, offset) => {
    expect(offsetOf(text)).toBe(offset);
  });
});

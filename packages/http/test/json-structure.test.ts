/**
 * The one-pass key scanner (json-structure.ts) against jsonc-parser's `visit`, the full parser it
 * replaced, as an oracle: on generated JSON texts with repeated, escaped and reserved keys,
 * nested objects and arrays, strings holding brackets and quotes, and LF, CR LF and CR line
 * ends, both find the same repeated keys, the same oversized object and the same reserved name,
 * at the same lines and columns.
 */
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { inexactNumbers } from '../src/json-numbers.js';
import { structureProblems, type StructureProblems } from '../src/json-structure.js';
import { entry } from '../src/problem.js';

/** What structureProblems found before (json-body.ts with jsonc-parser's visit), verbatim. */
function withVisit(text: string, maxObjectKeys: number): StructureProblems {
  const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
  const out: StructureProblems = { duplicates: [], mayRound: false };
  const objects: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Map());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (property, _offset, _length, startLine, startCharacter) => {
      const keys = objects.at(-1);
      if (!keys) return;
      const line = startLine + 1;
      const column = startCharacter + 1;
      if (UNSAFE.has(property) && !out.unsafe)
        out.unsafe = entry('json_unsafe_key', { line, column }, { key: property, line, column });
      const firstLine = keys.get(property);
      if (firstLine !== undefined) {
        if (out.duplicates.length < 20)
          out.duplicates.push(
            entry('json_duplicate_key', { line, column }, { key: property, line, column, first_line: firstLine }),
          );
        return;
      }
      keys.set(property, line);
      if (keys.size > maxObjectKeys && !out.tooMany)
        out.tooMany = entry('json_too_many_keys', { line, column }, { max: maxObjectKeys, line, column });
    },
  });
  return out;
}

const space = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t', ' \n  ');
/** Keys drawn from a few, so that objects repeat them; some written with escapes. */
const key = fc.constantFrom('a', 'b', 'households', '__proto__', 'constructor', 'x"y', 'a\\b', '{', '[]', 'dân số');
const writtenKey = fc
  .tuple(key, fc.boolean())
  .map(([k, escaped]) =>
    escaped
      ? `"${[...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
      : JSON.stringify(k),
  );
const scalar = fc.oneof(
  fc.constantFrom('1', '-2.5e3', 'true', 'false', 'null'),
  // Numbers JSON.parse rounds, and long ones it does not.
  fc.constantFrom(
    '212.0000000000000001',
    '-9007199254740993',
    '1e400',
    '1E-400',
    '0.1000000000000000',
    '123456789012345',
  ),
  fc.string().map((s) => JSON.stringify(s)),
  fc.constantFrom('"{\\"a\\": 1}"', '"[,]"', '"\\\\"', '"\\"a\\":"'),
);
const { value } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc
      .array(fc.tuple(space, writtenKey, space, tie('value')), { maxLength: 6 })
      .map((props) => `{${props.map(([s, k, t, v]) => `${s}${k}${t}:${v}`).join(',')}}`),
    fc
      .array(fc.tuple(space, tie('value')), { maxLength: 4 })
      .map((items) => `[${items.map(([s, v]) => s + v).join(',')}]`),
  ),
}));

describe('structureProblems', () => {
  it('finds what jsonc-parser visit found, at the same places', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 4 }), (text, max) => {
        JSON.parse(text); // the generator writes JSON
        expect({ ...structureProblems(text, max), mayRound: false }).toEqual(withVisit(text, max));
      }),
      { numRuns: 2000, seed: 14_7 },
    );
  });

  it('never misses a number JSON.parse rounds: mayRound is set whenever the scan finds one', () => {
    let found = 0;
    fc.assert(
      fc.property(value, (text) => {
        const inexact = inexactNumbers(text);
        found += inexact.length;
        if (inexact.length > 0) expect(structureProblems(text, Infinity).mayRound).toBe(true);
        for (const n of inexact) expect(JSON.stringify(n.read)).not.toBe(n.written);
      }),
      { numRuns: 2000, seed: 14_7 },
    );
    expect(found).toBeGreaterThan(0);
    expect(structureProblems('{"a": [1, 0.5, -12345678901234, "12345678901234567890"]}', 9).mayRound).toBe(false);
  });

  it('names a repeated key at its line and column, and the line of the first', () => {
    const found = structureProblems('{"a": 1,\r\n "b": {"a": [{"a": 2}]},\r "a": 3}', 10);
    expect(found.duplicates).toMatchObject([{ code: 'json_duplicate_key', line: 3, column: 2 }]);
    expect(found.duplicates[0]?.message_en).toContain('line 1');
  });

  it('reads an escaped reserved key by its name, and counts keys per object', () => {
    const found = structureProblems('[{"\\u005f_proto__": {}}, {"a": 1, "b": 2, "c": 3}]', 2);
    expect(found.unsafe).toMatchObject({ code: 'json_unsafe_key', line: 1, column: 3 });
    expect(found.tooMany).toMatchObject({ code: 'json_too_many_keys', line: 1, column: 43 });
  });
});

import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/index.js';
import { parsePointer, toPointer } from '../../src/diagnostics/pointer.js';
import { schemaErrorsToDiagnostics, typeOf } from '../../src/validate/schema-errors.js';

function parsed(text: string) {
  const result = parseYaml(new SourceText('t.yaml', text));
  if (!result.value) throw new Error('should parse');
  return result.value;
}

function error(partial: Partial<ErrorObject> & Pick<ErrorObject, 'keyword'>): ErrorObject {
  return { instancePath: '', schemaPath: '#', params: {}, ...partial };
}

describe('schemaErrorsToDiagnostics', () => {
  const doc = parsed('a:\n  b/c: [1, 1]\n  d: x\n');

  it('maps a keyword our schema does not use to schema_other with ajv’s message', () => {
    const [d] = schemaErrorsToDiagnostics(
      [
        error({
          keyword: 'uniqueItems',
          instancePath: '/a/b~1c',
          params: { i: 1, j: 0 },
          message: 'must NOT have duplicate items',
        }),
      ],
      doc,
    );
    expect(d).toMatchObject({ code: 'schema_other', line: 2, column: 8, path: '/a/b~1c' });
    expect(d?.params).toEqual({ keyword: 'uniqueItems', detail: 'must NOT have duplicate items' });
  });

  it('drops wrapper errors and duplicates', () => {
    const type = error({ keyword: 'type', instancePath: '/a/d', params: { type: 'integer' }, data: 'x' });
    const list = schemaErrorsToDiagnostics([error({ keyword: 'if', instancePath: '/a' }), type, { ...type }], doc);
    expect(list.map((d) => [d.code, d.line, d.column, d.params])).toEqual([
      ['schema_type', 3, 6, { expected: 'integer', actual: 'string', value: 'x' }],
    ]);
  });

  it('falls back to the parent when an unknown key cannot be found', () => {
    const [d] = schemaErrorsToDiagnostics(
      [
        error({
          keyword: 'additionalProperties',
          instancePath: '/a',
          params: { additionalProperty: 'zz' },
          parentSchema: { properties: { d: {} } },
        }),
      ],
      doc,
    );
    expect(d).toMatchObject({
      code: 'schema_unknown_property',
      line: 2,
      column: 3,
      params: { property: 'zz', allowed: 'd' },
    });
  });
});

describe('helpers', () => {
  it('parses and prints JSON pointers (RFC 6901)', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a/b~1c/~0d/0')).toEqual(['a', 'b/c', '~d', '0']);
    expect(toPointer(['a', 'b/c', '~d', 0])).toBe('/a/b~1c/~0d/0');
  });

  it('names JSON types, telling integers from other numbers', () => {
    expect([1, 1.5, Infinity, 'x', true, null, [], {}].map(typeOf)).toEqual([
      'integer',
      'number',
      'non_finite_number',
      'string',
      'boolean',
      'null',
      'array',
      'object',
    ]);
  });
});

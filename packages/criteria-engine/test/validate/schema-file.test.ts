/**
 * The schema file itself: editors read it for completion and hover text, so every property must
 * carry a Vietnamese `description` (shown by yaml-language-server) and an English one.
 */
import { describe, expect, it } from 'vitest';
import schema from '../../../../schemas/ruleset.schema.json' with { type: 'json' };

type Json = unknown;

interface Found {
  readonly path: string;
  readonly node: Record<string, Json>;
}

/** Every schema object, skipping `if` subschemas (they only discriminate, never describe). */
function schemas(node: Json, path = '#'): Found[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  const record = node as Record<string, Json>;
  const out: Found[] = [{ path, node: record }];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'if' || key === 'examples' || key === 'enum' || key === 'const' || key === 'required') continue;
    if (key === 'properties' || key === '$defs' || key === 'dependentRequired') {
      for (const [name, sub] of Object.entries(value as Record<string, Json>))
        out.push(...schemas(sub, `${path}/${key}/${name}`));
    } else if (Array.isArray(value)) {
      for (const [i, sub] of value.entries()) out.push(...schemas(sub, `${path}/${key}/${i}`));
    } else {
      out.push(...schemas(value, `${path}/${key}`));
    }
  }
  return out;
}

describe('schemas/ruleset.schema.json', () => {
  it('is draft 2020-12 with an $id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/\S/);
    expect(schema.title).toMatch(/\S/);
  });

  it('describes every property in Vietnamese and English', () => {
    const missing: string[] = [];
    for (const { path, node } of schemas(schema)) {
      const properties = node['properties'] as Record<string, Json> | undefined;
      if (!properties) continue;
      for (const [name, sub] of Object.entries(properties)) {
        if (sub === true) continue; // `properties: { x: true }` only satisfies ajv's strictRequired
        const s = sub as Record<string, Json>;
        if (typeof s['description'] !== 'string' || typeof s['x-description-en'] !== 'string')
          missing.push(`${path}/properties/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes the Vietnamese descriptions in Vietnamese', () => {
    const descriptions = schemas(schema)
      .map(({ node }) => node['description'])
      .filter((d): d is string => typeof d === 'string');
    expect(descriptions.length).toBeGreaterThan(100);
    const withoutDiacritics = descriptions.filter(
      (d) => !/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(d),
    );
    expect(withoutDiacritics).toEqual([]);
  });

  it('closes every mapping (additionalProperties: false) unless it only dispatches on `type`', () => {
    const open = schemas(schema)
      .filter(
        ({ node }) =>
          node['type'] === 'object' && node['properties'] !== undefined && node['additionalProperties'] !== false,
      )
      .filter(({ node }) => !Array.isArray(node['allOf']))
      .map(({ path }) => path);
    expect(open).toEqual([]);
  });
});

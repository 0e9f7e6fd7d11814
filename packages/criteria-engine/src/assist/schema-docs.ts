/**
 * What a key of a rule file means, from the JSON Schema the file is checked against: its
 * `description` (Vietnamese) and `x-description-en` (English), found by walking the schema along
 * the key's path through `$ref`, `if`/`then`/`else`, `allOf`/`anyOf`/`oneOf`, `properties`,
 * `additionalProperties` and `items`. Editors show both, which a schema-only YAML server does not.
 */
import rulesetSchema from '../../../../schemas/ruleset.schema.json' with { type: 'json' };
import type { Info } from './describe.js';
import type { YamlPath } from './locate.js';

type Schema = Readonly<Record<string, unknown>>;

const ROOT: Schema = rulesetSchema;
/** Branches followed per step; the schema nests a few levels of if/then/else, never more. */
const MAX_BRANCH_DEPTH = 12;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolve(schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const defs = ROOT['$defs'];
  const target = isSchema(defs) ? defs[ref.slice('#/$defs/'.length)] : undefined;
  return isSchema(target) ? target : schema;
}

/** The schema and every branch it may take, with $refs followed. */
function branches(schema: Schema, depth = 0): Schema[] {
  if (depth > MAX_BRANCH_DEPTH) return [];
  const own = resolve(schema);
  const out: Schema[] = [own];
  for (const key of ['then', 'else']) {
    const branch = own[key];
    if (isSchema(branch)) out.push(...branches(branch, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = own[key];
    if (Array.isArray(list)) for (const item of list) if (isSchema(item)) out.push(...branches(item, depth + 1));
  }
  return out;
}

function children(schema: Schema, key: string | number): Schema[] {
  return branches(schema).flatMap((s): Schema[] => {
    const items = s['items'];
    if (typeof key === 'number') return isSchema(items) ? [items] : [];
    const properties = s['properties'];
    const property = isSchema(properties) ? properties[key] : undefined;
    if (isSchema(property)) return [property];
    const additional = s['additionalProperties'];
    return isSchema(additional) ? [additional] : [];
  });
}

/** The schema's words for the key at the end of `path`, or undefined when it has none. */
export function describeKey(path: YamlPath): Info | undefined {
  let level: Schema[] = [ROOT];
  for (const key of path) level = level.flatMap((s) => children(s, key)).slice(0, 32);
  for (const schema of level) {
    const words = [schema, resolve(schema)].find((s) => typeof s['description'] === 'string');
    if (!words) continue;
    const lines = [{ lang: 'vi', text: String(words['description']) }];
    if (typeof words['x-description-en'] === 'string') lines.push({ lang: 'en', text: words['x-description-en'] });
    return { title: String(path[path.length - 1] ?? ''), lines };
  }
  return undefined;
}

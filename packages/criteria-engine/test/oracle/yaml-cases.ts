/**
 * Reads a scheme's YAML test cases (docs/test-cases.md) without the engine, so each hand-written
 * expectation can be checked against the hand-written oracle as well: two independent readings
 * of the rules must agree with what the case says. Bases and cases merge as the format says:
 * `extends` (a base, or a case above), then the `assessment` file, then the case's own `area`,
 * `context` and `facts`, key by key; `null` makes a fact unknown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { Assessment } from '../../src/evaluate/assessment.js';

type Section = Record<string, unknown>;
interface Layer {
  area: Section;
  context: Section;
  facts: Section;
}

export interface YamlCase {
  readonly file: string;
  readonly name: string;
  readonly assessment: Assessment;
  readonly expect: Readonly<Record<string, unknown>>;
}

function merge(into: Layer, from: Partial<Record<keyof Layer, unknown>>): Layer {
  const out: Layer = { area: { ...into.area }, context: { ...into.context }, facts: { ...into.facts } };
  for (const section of ['area', 'context', 'facts'] as const) {
    const part = from[section];
    if (part && typeof part === 'object') Object.assign(out[section], part);
  }
  return out;
}

function layerOf(raw: Record<string, unknown>, dir: string, named: Map<string, Layer>): Layer {
  let layer: Layer = { area: {}, context: {}, facts: {} };
  if (typeof raw['extends'] === 'string') {
    const base = named.get(raw['extends']);
    if (!base) throw new Error(`unknown base or case ${raw['extends']}`);
    layer = base;
  }
  if (typeof raw['assessment'] === 'string')
    layer = merge(layer, parse(readFileSync(join(dir, raw['assessment']), 'utf8')) as Record<string, unknown>);
  return merge(layer, raw as Partial<Record<keyof Layer, unknown>>);
}

/** Every case of every `tests/*.yaml` beside the rule file, in file and case order. */
export function readYamlCases(rulesFile: string): YamlCase[] {
  const dir = join(dirname(rulesFile), 'tests');
  const out: YamlCase[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const doc = parse(readFileSync(join(dir, name), 'utf8')) as {
      bases?: Record<string, Record<string, unknown>>;
      cases: Record<string, unknown>[];
    };
    const named = new Map<string, Layer>();
    for (const [id, base] of Object.entries(doc.bases ?? {})) named.set(id, layerOf(base, dir, named));
    for (const c of doc.cases) {
      const layer = layerOf(c, dir, named);
      named.set(String(c['name']), layer);
      const facts = Object.fromEntries(
        Object.entries(layer.facts).filter(([, v]) => v !== null),
      ) as Assessment['facts'];
      out.push({
        file: name,
        name: String(c['name']),
        assessment: {
          area: layer.area as Assessment['area'] & object,
          context: layer.context as Assessment['context'],
          facts,
        },
        expect: (c['expect'] ?? {}) as Record<string, unknown>,
      });
    }
  }
  return out;
}

/** A criterion's expected status, from `X: pass` or `X: { status: pass, … }`. */
export function expectedStatus(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'status' in value) return String((value as { status: unknown }).status);
  return undefined;
}

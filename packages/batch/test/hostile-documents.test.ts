/**
 * JSON, JSON Lines and YAML batches nested 200 KB deep: refused at the first bracket past the
 * depth limit, from the text, before a parser builds 200,000 levels (yaml's took 300 MB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { located, records, rules, SMALL, tempDir } from './helpers/setup.js';

let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('deeply nested documents', () => {
  it.each([
    ['json', `[${'['.repeat(200_000)}]`, '1:64 yaml_depth_limit'],
    ['jsonl', `{"code": 1}\n{"area": ${'['.repeat(200_000)}}\n`, '2:72 yaml_depth_limit'],
    ['yaml', `- area: {}\n- ${'['.repeat(200_000)}\n`, '2:66 yaml_depth_limit'],
  ] as const)('%s: one located error', async (format, text, expected) => {
    const list = await records({ text, format }, small);
    expect(located(list)).toContain(expected);
    expect(located(list).filter((l) => l.endsWith('yaml_depth_limit'))).toHaveLength(1);
  });

  it('ordinary nesting and brackets inside text are read as before', async () => {
    const text = JSON.stringify([{ area: { code: 'A', name: '[[[[ x', unit: '{' }, context: {}, facts: {} }]);
    const list = await records({ text, format: 'json' }, small);
    expect(located(list).filter((l) => l.endsWith('yaml_depth_limit'))).toEqual([]);
  });
});

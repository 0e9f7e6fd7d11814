/**
 * The example in docs/testing.md is executed, so it cannot drift from the API. The block is written
 * to a module inside this package (so `@lcz/criteria-engine/testing` and `fast-check` resolve as
 * they do for a user's project) and imported while this file is being collected: its `describe`
 * and `it` calls register here, and vitest runs them as tests of this file.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const doc = readFileSync(join(root, 'docs/testing.md'), 'utf8');
const block = /<!-- testing-example -->\s*```ts\n([\s\S]*?)```/.exec(doc)?.[1];

// `.tmp/` is git-ignored; the directory is per run, so parallel runs do not collide.
const base = join(fileURLToPath(new URL('.', import.meta.url)), '.tmp');
mkdirSync(base, { recursive: true });
const dir = mkdtempSync(join(base, 'docs-example-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // Leave no empty .tmp behind, unless another run is using it.
  if (readdirSync(base).length === 0) rmSync(base, { recursive: true, force: true });
});

it('docs/testing.md has the example block', () => {
  expect(block).toBeDefined();
  expect(block).toContain("from '@lcz/criteria-engine/testing'");
});

if (block !== undefined) {
  const file = join(dir, 'example.ts');
  writeFileSync(file, block);
  // Relative paths in the example ('rules/…') are relative to the repository root, where vitest runs.
  await import(pathToFileURL(file).href);
}

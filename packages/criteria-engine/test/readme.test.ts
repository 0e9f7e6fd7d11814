/** The README's embedding example is executed, so it cannot drift from the API. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

it('the README example runs and prints what its comment says', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  // Inside the repository, so `@lcz/criteria-engine` resolves as it does for an app in the workspace.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const file = join(mkdtempSync(join(root, '.tmp', 'readme-')), 'example.ts');
  writeFileSync(file, block as string);
  // Run from the repository root, as a user's app would run beside its rules folder.
  const out = execFileSync(join(root, 'node_modules/.bin/tsx'), ['--conditions=@lcz/source', file], {
    cwd: root,
    encoding: 'utf8',
  });
  const [first] = out.split('\n');
  expect(first).toBe('not_recognised 0');
  expect(out).toContain('NOT RECOGNISED');
});

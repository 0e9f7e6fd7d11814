/**
 * docs/diff-and-docs.md shows real output: every ```console block that starts with `$ lcz …` is
 * run in-process and its standard output compared with the block, so the page cannot drift from
 * what the commands print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = readFileSync(join(ROOT, 'docs/diff-and-docs.md'), 'utf8');
const BLOCKS = [...PAGE.matchAll(/```console\n\$ lcz ([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({
  args: (m[1] ?? '').split(' '),
  output: m[2] ?? '',
}));

describe('docs/diff-and-docs.md', () => {
  it('has the examples: diff and docs, Vietnamese and English', () => {
    expect(BLOCKS.map((b) => `${b.args[0]}${b.args.includes('en') ? ' en' : ''}`)).toEqual([
      'diff',
      'docs',
      'diff en',
      'docs en',
    ]);
  });

  it.each(BLOCKS.map((b) => [b.args.join(' '), b] as const))(
    'lcz %s prints what the page shows',
    async (_name, block) => {
      const { code, stdout, stderr } = await lcz(block.args, { cwd: ROOT });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.trimEnd()).toBe(block.output.trimEnd());
    },
  );
});

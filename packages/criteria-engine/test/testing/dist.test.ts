/**
 * The built `./testing` entry point, as users get it (`pnpm test` builds first): ESM and CJS both
 * run a property against the Lai Châu rules; fast-check is imported from the user's install (a
 * peer dependency), never bundled; and, like the core, it uses no Node built-in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Testing from '../../src/testing.js';
import { laiChau, SEED } from './lai-chau-ruleset.js';

const pkgDir = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(pkgDir, 'dist');

describe('built @lcz/criteria-engine/testing', () => {
  it('is declared in the exports map and has been built (alone, run `pnpm build`)', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      peerDependencies?: Record<string, string>;
    };
    expect(pkg.exports['./testing']).toEqual({
      '@lcz/source': './src/testing.ts',
      import: './dist/testing.js',
      require: './dist/testing.cjs',
    });
    // A peer dependency that is not optional: npm and pnpm install it beside the engine, and a
    // package manager that does not says that it is missing.
    expect(pkg.peerDependencies?.['fast-check']).toBeDefined();
    expect(pkg).not.toHaveProperty('peerDependenciesMeta');
    for (const f of ['testing.js', 'testing.cjs', 'testing.d.ts', 'testing.d.cts'])
      expect(existsSync(join(dist, f))).toBe(true);
  });

  it('ESM and CJS builds export the same API and run a property', async () => {
    const esm = (await import(pathToFileURL(join(dist, 'testing.js')).href)) as typeof Testing;
    const cjs = createRequire(import.meta.url)(join(dist, 'testing.cjs')) as typeof Testing;
    const api = [
      'assessmentArbitrary',
      'contextArbitrary',
      'decisionTally',
      'determinism',
      'disqualifierDominance',
      'everyCriterionReachable',
      'fastPathAgrees',
      'mandatoryCriteria',
      'monotonicity',
      'mulberry32',
      'threeValuedConsistency',
    ];
    expect(Object.keys(esm).sort()).toEqual(api);
    expect(Object.keys(cjs).sort()).toEqual(api);
    for (const build of [esm, cjs]) {
      fc.assert(build.fastPathAgrees(laiChau), { seed: SEED, numRuns: 50 });
      expect(build.everyCriterionReachable(laiChau, { seed: SEED }).every((r) => r.passes && r.fails)).toBe(true);
    }
  });

  it('imports fast-check instead of bundling it, and no Node built-in', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from\s+['"]node:|require\(['"]node:/);
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.\/[^'"]+)['"]/g))
        visit(join(dirname(file), m[1] as string));
    };
    visit(join(dist, 'testing.js'));
    const esm = readFileSync(join(dist, 'testing.js'), 'utf8');
    expect(esm).toMatch(/from\s+['"]fast-check['"]/);
    // fast-check's own source would bring its runner; a bundled copy would contain it.
    expect([...seen].some((f) => readFileSync(f, 'utf8').includes('function runIdToFrequency'))).toBe(false);
  });
});

/**
 * knip (unused files, exports and dependencies), run by `pnpm test` as `pnpm knip`.
 *
 * knip takes each package's entry points from its package.json (`exports` under every condition,
 * `bin`, `scripts`) and the test files from vitest.config.ts; this file adds what it cannot see
 * there: the worker threads each package lists in its own `workers` field (as tsup.config.ts
 * builds them), the source of a package resolved through "main" alone (`mainSource`), and the few files something starts by path (child processes, esbuild bundles,
 * the examples and scripts at the root).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnipConfig } from 'knip';

interface PackageJson {
  workers?: string[];
  /** The source of "main" in a package with no `exports` (tsup.config.ts builds it). */
  mainSource?: string;
}

/** Files started by path (not imported), per package folder. */
const startedByPath: Record<string, string[]> = {
  'packages/batch': ['test/helpers/memory-child.ts'],
  'packages/bench': ['src/child/*.ts', 'cold/*.mjs', 'schemes/*/csv-parse-peer.ts'],
  // Put in place of other modules by the one-file bundle's build (tsup.fast.config.ts).
  'packages/cli': [
    'src/fast/batch-handover.ts',
    'src/fast/fs-promises-shim.ts',
    'src/fast/import-module-shim.ts',
    'src/fast/ruleset-validator-shim.ts',
    'src/fast/sha256-shim.ts',
    'src/fast/yaml-on-first-use.ts',
  ],
  'packages/http': ['scripts/loop-delay.ts', 'scripts/load-server.ts'],
  'packages/web': ['src/browser.ts', 'src/playground/main.ts'],
};

function packageEntries(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  return [...(pkg.workers ?? []), ...(pkg.mainSource ? [pkg.mainSource] : []), ...(startedByPath[dir] ?? [])];
}

const packages = readdirSync('packages', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `packages/${d.name}`);

const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: ['scripts/*.mjs', 'examples/*/*.ts'],
      project: ['scripts/**', 'examples/**', 'test-support/**', '*.ts'],
    },
    ...Object.fromEntries(
      packages.map((dir) => [dir, { entry: packageEntries(dir), project: ['**/*.{ts,mts,mjs,js}'] }]),
    ),
  },
  // A type named in the signature of an exported function of its file stays exported, so callers
  // can name it too; a value used only in its own file is not exported.
  ignoreExportsUsedInFile: { interface: true, type: true },
  // Written by scripts/generate-validators.mjs (ajv standalone code), not by hand.
  ignore: ['packages/criteria-engine/src/validate/generated/**'],
};

export default config;

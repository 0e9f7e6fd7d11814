#!/usr/bin/env node
// Cold start is measured against the BUILT engine (packages/criteria-engine/dist). Build it when
// dist is missing or older than any engine source file, running the engine's own build script
// (so this file never repeats how the engine is built).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

// The engine for cold start (and the plan-file package, which inlines its loader); the batch
// reader and the CLI for the `lcz evaluate` CSV throughput.
for (const name of ['criteria-engine', 'plan-file', 'batch', 'cli']) ensureBuilt(join(root, 'packages', name));

function ensureBuilt(pkg) {
  const entryFile = join(pkg, existsSync(join(pkg, 'src/bin.ts')) ? 'dist/bin.js' : 'dist/index.js');
  const built = existsSync(entryFile) ? statSync(entryFile).mtimeMs : 0;
  // The CLI's one-file bundle (dist/evaluate-fast.cjs) inlines the engine's and the batch
  // package's sources, the plan-file package the engine's loader: a change there rebuilds it too.
  const inlined = pkg.endsWith('cli')
    ? ['criteria-engine', 'batch'].map((p) => newest(join(root, 'packages', p, 'src')))
    : pkg.endsWith('plan-file')
      ? [newest(join(root, 'packages/criteria-engine/src'))]
      : [];
  const sources = Math.max(newest(join(pkg, 'src')), statSync(join(pkg, 'package.json')).mtimeMs, ...inlined);
  const label = pkg.slice(root.length + 1);
  if (built >= sources) {
    console.log(`bench: ${label} dist is up to date`);
    return;
  }
  console.log(
    built === 0
      ? `bench: building ${label} (dist is missing)…`
      : `bench: rebuilding ${label} (dist is older than src)…`,
  );
  const { scripts } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const bins = [join(pkg, 'node_modules/.bin'), join(root, 'node_modules/.bin')];
  const result = spawnSync(scripts.build, {
    cwd: pkg,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(delimiter) },
  });
  if (result.status !== 0) {
    console.error(`bench: the build of ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

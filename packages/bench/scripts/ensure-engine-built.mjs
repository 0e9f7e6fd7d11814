#!/usr/bin/env node
// Cold start is measured against the BUILT engine (packages/criteria-engine/dist). Build it when
// dist is missing or older than any engine source file, running the engine's own build script
// (so this file never repeats how the engine is built).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const engine = join(root, 'packages/criteria-engine');
const entry = join(engine, 'dist/index.js');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const sources = Math.max(newest(join(engine, 'src')), statSync(join(engine, 'package.json')).mtimeMs);
if (built >= sources) {
  console.log('bench: engine dist is up to date');
} else {
  console.log(built === 0 ? 'bench: building the engine (dist is missing)…' : 'bench: rebuilding the engine (dist is older than src)…');
  const { scripts } = JSON.parse(readFileSync(join(engine, 'package.json'), 'utf8'));
  const bins = [join(engine, 'node_modules/.bin'), join(root, 'node_modules/.bin')];
  const result = spawnSync(scripts.build, {
    cwd: engine,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(delimiter) },
  });
  if (result.status !== 0) {
    console.error('bench: the engine build failed');
    process.exit(result.status ?? 1);
  }
}

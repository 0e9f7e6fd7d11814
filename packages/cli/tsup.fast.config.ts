/**
 * The one-file `lcz evaluate` bundle (src/fast/evaluate-fast.ts → dist/evaluate-fast.cjs), built
 * after the CLI's own build (package.json "build"). Everything it reaches is inlined (the engine
 * and the batch format sniffer from their sources, yaml, zod), so a warm one-file run loads two
 * files of ours instead of 36. CommonJS: Node reads it with its own UTF-8 reader, and it needs no
 * ES module loader. Its batch path is replaced by a hand-over to the whole CLI (batch-handover.ts).
 */
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const common = {
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  splitting: false,
  treeshake: true,
  sourcemap: true,
  // Identifiers are not renamed, so stack traces (LCZ_DEBUG=1) stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  clean: false,
  dts: false,
  // Every package it reaches, ours from their sources: one copy of the engine, in this file.
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.conditions = ['@lcz/source', 'import', 'module', 'default'];
  },
} satisfies Options;

export default defineConfig([
  // The installed command (src/fast/lcz.ts): the launcher alone; the whole CLI is imported from
  // dist/index.js at run time when the bundle does not take the run.
  { ...common, entry: { lcz: 'src/fast/lcz.ts' } },
  {
    ...common,
    entry: { 'evaluate-fast': 'src/fast/evaluate-fast.ts' },
    esbuildPlugins: [
      {
        name: 'batch-handover',
        setup(build) {
          build.onResolve({ filter: /\/evaluate-batch\.js$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/batch-handover.ts'),
          }));
        },
      },
    ],
  },
]);

/**
 * The one-file `lcz evaluate` bundle (src/fast/evaluate-fast.ts → dist/evaluate-fast.cjs), built
 * after the CLI's own build (package.json "build"). Everything it reaches is inlined (the engine
 * and the batch format sniffer from their sources, yaml, zod), so a warm one-file run loads two
 * files of ours instead of 36. CommonJS, run by src/fast/launch.ts through V8's code cache; it needs
 * no ES module loader. Its batch path is replaced by a hand-over to the whole CLI (batch-handover.ts),
 * the engine's import() by the launcher's (import-module-shim.ts), its JavaScript SHA-256 by
 * Node's (sha256-shim.ts), node:fs/promises by synchronous calls (fs-promises-shim.ts), and the yaml
 * package by one initialised on first use (yaml-on-first-use.ts).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
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
    // ASCII only: V8 keeps an ASCII text one byte per character, and one other character makes
    // the whole megabyte two bytes each, slower to decode and to hold. esbuild escapes strings and
    // names; asciiOnly (below) the regular expressions it leaves as written.
    options.charset = 'ascii';
  },
} satisfies Options;

/**
 * Each character outside ASCII written as its \uXXXX escape, which means the same character in a
 * regular expression, a string or a name. A character escaped by a backslash before it (an odd
 * number of them) loses that backslash: `\–` and `–` are the same character there. (The source map's
 * columns after such a character on its line move by a few characters.)
 */
function asciiOnly(file: string): void {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/(\\*)([\u0080-\uffff])/g, (_whole, slashes: string, char: string) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * A last line naming the bundle: the SHA-256 of the text before it. The launcher (src/fast/launch.ts)
 * names the bundle's code cache by it (with the file's size and modification time) instead of
 * hashing the megabyte on every run.
 */
function nameByDigest(file: string): void {
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  appendFileSync(file, `\n//# lcz-bundle-sha256=${digest}\n`);
}

export default defineConfig([
  // The installed command (src/fast/lcz.ts): the launcher alone; the whole CLI is imported from
  // dist/index.js at run time when the bundle does not take the run.
  { ...common, entry: { lcz: 'src/fast/lcz.ts' } },
  // The build's tool that writes the first-run code caches beside the bundle (package.json "build"
  // runs it last): the launcher's own code, so that it compiles the bundle exactly as a run does.
  { ...common, entry: { 'first-run-code-cache': 'src/fast/first-run-code-cache.ts' } },
  // The engine's generated ruleset validator on its own, for the bundle to require on first use
  // (src/fast/ruleset-validator-shim.ts): only a run that reads rules from their YAML needs it.
  { ...common, entry: { 'ruleset-validator': '../criteria-engine/src/validate/generated/ruleset.validator.js' } },
  {
    ...common,
    entry: { 'evaluate-fast': 'src/fast/evaluate-fast.ts' },
    // tsup's own first hook marks every `node:` import external, before the ones below could
    // replace node:fs/promises; Node 20 requires `node:x` as `x`.
    removeNodeProtocol: false,
    async onSuccess() {
      const bundle = resolve(import.meta.dirname, 'dist/evaluate-fast.cjs');
      asciiOnly(bundle);
      nameByDigest(bundle);
    },
    esbuildPlugins: [
      {
        name: 'batch-handover-and-import',
        setup(build) {
          build.onResolve({ filter: /\/evaluate-batch\.js$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/batch-handover.ts'),
          }));
          // The engine's import() by URL, through the launcher (launch.ts): see import-module-shim.ts.
          build.onResolve({ filter: /\/import-module\.js$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/import-module-shim.ts'),
          }));
          // The generated ruleset validator: its own file, required when rules are read from YAML
          // (ruleset-validator-shim.ts), so a warm run does not read its 425 kB of code.
          build.onResolve({ filter: /\/generated\/ruleset\.validator\.js$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/ruleset-validator-shim.ts'),
          }));
          // The yaml package, initialised on first use (yaml-on-first-use.ts), which requires the
          // package itself: that one `yaml` is resolved as usual.
          build.onResolve({ filter: /^yaml$/ }, (args) =>
            args.importer.endsWith('yaml-on-first-use.ts')
              ? undefined
              : { path: resolve(import.meta.dirname, 'src/fast/yaml-on-first-use.ts') },
          );
          // node:fs/promises: the same calls, done synchronously (fs-promises-shim.ts): no thread pool.
          build.onResolve({ filter: /^(node:)?fs\/promises$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/fs-promises-shim.ts'),
          }));
          // The engine's SHA-256 of a ruleset's text: Node's, not the JavaScript one (sha256-shim.ts).
          build.onResolve({ filter: /^@noble\/hashes\/sha2\.js$/ }, () => ({
            path: resolve(import.meta.dirname, 'src/fast/sha256-shim.ts'),
          }));
        },
      },
    ],
  },
]);

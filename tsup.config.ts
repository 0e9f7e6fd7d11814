/**
 * One build config for every package: entries are read from the package's `exports` map
 * (the `@lcz/source` condition), so a new entry point needs no build change. tsup is the builder
 * today; this file is the only place that knows it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

interface ExportTarget {
  '@lcz/source'?: string;
}

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
  exports?: Record<string, ExportTarget | string>;
  /** The source of "main", for a package with no `exports` map (nothing to read it from). */
  mainSource?: string;
  bin?: Record<string, string>;
  inlineDependencies?: string[];
  workers?: string[];
  oneFileEntries?: string[];
};

// Export paths a package lists in "oneFileEntries" (e.g. "./standalone", whose source is another
// entry's, src/runtime.ts) are built on their own, named after the path, each as one file that
// shares no chunk with the others: Node loads a module graph file by file, and fewer files start
// faster. Their types are that other entry's (the export's "types" condition).
const oneFile = new Set(pkg.oneFileEntries ?? []);
const entry: Record<string, string> = {};
const oneFileEntry: Record<string, string> = {};
// A package without `exports` (resolved through "main", which Node does faster in a fresh
// process: packages/plan-file) names its one entry's source in "mainSource".
if (pkg.mainSource) entry['index'] = pkg.mainSource;
for (const [path, target] of Object.entries(pkg.exports ?? {})) {
  const source = typeof target === 'object' ? target['@lcz/source'] : undefined;
  if (!source) continue;
  if (oneFile.has(path)) oneFileEntry[path.replace(/^\.\//, '')] = source;
  else entry[source.replace(/^\.\/src\//, '').replace(/\.ts$/, '')] = source;
}
if (pkg.bin) entry['bin'] = './src/bin.ts';
// Worker threads' entry points (package.json "workers"), built beside the shared chunks so the
// code that starts one finds it as ./<name>.js next to itself.
for (const source of pkg.workers ?? []) entry[source.replace(/^.*\//, '').replace(/\.ts$/, '')] = source;

// Dependencies a package lists in "inlineDependencies" are bundled into its build instead of
// imported from node_modules: Node loads an ESM package file by file, and for zod that costs
// ~50 ms at start-up against ~5 ms for the tree-shaken part inlined (docs/performance.md).
const inline = (pkg.inlineDependencies ?? []).map(
  (name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/|$)`),
);

const common = {
  // A package resolved through "main" alone offers one file, its ES module (packages/plan-file).
  format: pkg.exports ? ['esm', 'cjs'] : ['esm'],
  // import.meta.url in the CommonJS build too (a worker's entry is found next to the code).
  shims: true,
  sourcemap: true,
  // Shorter code parses faster at start-up (about 1.5 ms of the runtime entry's cold start);
  // names are kept, so stack traces stay readable (and the source maps map them back).
  minifyWhitespace: true,
  minifySyntax: true,
  target: 'node20',
  // The package resolved through "main" inlines the engine's built loader, whose Node built-ins
  // are written without their node: prefix: only the node platform knows them.
  platform: pkg.exports ? 'neutral' : 'node',
  treeshake: true,
  // Workspace packages' code is resolved by their own builds, never inlined; their package.json
  // (read for version numbers) is data and is inlined.
  external: [/^@lcz\/[^/]+(\/(?!package\.json$)[^/]+)?$/],
  noExternal: [/^@lcz\/[^/]+\/package\.json$/, ...inline],
  esbuildOptions(options) {
    options.conditions = ['import', 'module', 'default'];
  },
} satisfies Options;
const oneFileNames = Object.keys(oneFileEntry);

export default defineConfig([
  {
    ...common,
    entry,
    dts: {
      entry: Object.fromEntries([
        ...Object.entries(entry).filter(([k, source]) => k !== 'bin' && !(pkg.workers ?? []).includes(source)),
        // A one-file entry with a source of its own (not another entry's) gets its types here,
        // named after the source (./plan: src/plan-runtime.ts → plan-runtime.d.ts).
        ...Object.values(oneFileEntry)
          .filter((source) => !Object.values(entry).includes(source))
          .map((source) => [source.replace(/^\.\/src\//, '').replace(/\.ts$/, ''), source]),
      ]),
    },
    // The one-file entries are written by the build beside this one, at the same time: not cleaned.
    clean: oneFileNames.flatMap((n) => [`!${n}.js`, `!${n}.cjs`, `!${n}.js.map`, `!${n}.cjs.map`]),
    splitting: true,
  },
  ...(oneFileNames.length > 0 ? [{ ...common, entry: oneFileEntry, dts: false, clean: false, splitting: false }] : []),
]);

/**
 * Builds what a browser loads, with esbuild (no Node built-ins reach the bundles: the platform
 * is `browser`, and the engine's core is browser-safe):
 *
 *   dist/browser/lcz-criteria.js   IIFE for one plain <script> tag (global `LczCriteria`)
 *   dist/browser/lcz-criteria.mjs  the same as an ES module
 *   dist/playground/playground.js  the playground page's script
 *   dist/playground/fonts/         Noto Sans Mono (OFL), the editor's font: its Latin, Latin
 *                                  Extended and Vietnamese subsets, so stacked marks (ế ố ẩ) are
 *                                  drawn inside their cells whatever fonts the machine has
 *
 * Workspace packages resolve to their TypeScript sources (the `@lcz/source` condition), so the
 * bundles build from a fresh clone without building the engine first. Files are written
 * atomically: a server may be reading the previous build while this one finishes.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REPOSITORY_ROOT = resolve(PACKAGE_ROOT, '../..');
export const BROWSER_BUNDLE = join(PACKAGE_ROOT, 'dist/browser/lcz-criteria.js');
export const BROWSER_MODULE = join(PACKAGE_ROOT, 'dist/browser/lcz-criteria.mjs');
const PLAYGROUND_SCRIPT = join(PACKAGE_ROOT, 'dist/playground/playground.js');
const PLAYGROUND_FONTS = join(PACKAGE_ROOT, 'dist/playground/fonts');
const FONT_FILES = ['latin', 'latin-ext', 'vietnamese'].map((subset) => `noto-sans-mono-${subset}-400-normal.woff2`);

export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const COMMON: BuildOptions = {
  absWorkingDir: PACKAGE_ROOT,
  bundle: true,
  platform: 'browser',
  target: ['es2022'],
  conditions: ['@lcz/source'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  write: false,
  logLevel: 'silent',
};

/** Builds the three scripts; returns each written script (maps left out) with its size raw and gzipped. */
export async function buildBrowserBundles(): Promise<BuiltFile[]> {
  const results = await Promise.all([
    build({
      ...COMMON,
      entryPoints: ['src/browser.ts'],
      format: 'iife',
      globalName: 'LczCriteria',
      outfile: BROWSER_BUNDLE,
    }),
    build({ ...COMMON, entryPoints: ['src/browser.ts'], format: 'esm', outfile: BROWSER_MODULE }),
    build({ ...COMMON, entryPoints: ['src/playground/main.ts'], format: 'esm', outfile: PLAYGROUND_SCRIPT }),
  ]);
  const built: BuiltFile[] = [];
  // The font files ship in the package's folder beside its LICENSE (the one path its exports name).
  const license = fileURLToPath(import.meta.resolve('@fontsource/noto-sans-mono/LICENSE'));
  const fonts = [
    ...FONT_FILES.map((name) => ({
      path: join(PLAYGROUND_FONTS, name),
      contents: readFileSync(join(dirname(license), 'files', name)),
    })),
    { path: join(PLAYGROUND_FONTS, 'noto-sans-mono-LICENSE.txt'), contents: readFileSync(license) },
  ];
  for (const file of [...results.flatMap((r) => r.outputFiles ?? []), ...fonts]) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    if (file.path.startsWith(PLAYGROUND_FONTS)) continue;
    if (!file.path.endsWith('.map'))
      built.push({
        path: file.path,
        bytes: file.contents.byteLength,
        gzipBytes: gzipSync(file.contents, { level: 9 }).byteLength,
      });
  }
  return built;
}

/** `dist/browser/lcz-criteria.js  412.3 kB  (gzip 118.0 kB)`, one line per file. */
export function formatSizes(files: readonly BuiltFile[]): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const width = Math.max(...files.map((f) => relative(PACKAGE_ROOT, f.path).length));
  return files
    .map(
      (f) => `${relative(PACKAGE_ROOT, f.path).padEnd(width)}  ${kb(f.bytes).padStart(9)}  (gzip ${kb(f.gzipBytes)})`,
    )
    .join('\n');
}

/**
 * `pnpm --filter @lcz/criteria-web build` (after tsup): the browser bundles, with their sizes.
 * A build error is printed as esbuild words it (file:line:column and the problem), never as a
 * stack trace.
 */
import { buildBrowserBundles, formatSizes } from './build-bundles.js';

try {
  console.log(formatSizes(await buildBrowserBundles()));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

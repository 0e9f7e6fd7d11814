/** Where `lcz build` writes the generated module: beside the compiled file, `x.compiled.json` → `x.compiled.decide.mjs`. */
export function generatedModulePath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.decide.mjs`;
}

/** Where `lcz build` writes the generated module: beside the compiled file, `x.compiled.json` → `x.compiled.decide.mjs`. */
export function generatedModulePath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.decide.mjs`;
}

/** Where `lcz build` writes the plan module: `x.compiled.json` → `x.compiled.plan.mjs` (generate/plan-module-code.ts). */
export function planModulePath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.plan.mjs`;
}

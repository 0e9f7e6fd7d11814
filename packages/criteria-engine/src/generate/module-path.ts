/** Where `lcz build` writes the generated module: beside the compiled file, `x.compiled.json` → `x.compiled.decide.mjs`. */
export function generatedModulePath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.decide.mjs`;
}

/** Where `lcz build` writes the plan module: `x.compiled.json` → `x.compiled.plan.mjs` (generate/plan-module-code.ts). */
export function planModulePath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.plan.mjs`;
}

/**
 * Where `lcz build` writes the plan script and its code cache: `x.compiled.json` →
 * `x.compiled.plan-script.js` and `x.compiled.plan-script.v8cache` (plan-script-code.ts, plan-script-files.ts).
 */
export function planScriptPath(compiledPath: string): string {
  return `${compiledPath.replace(/\.json$/i, '')}.plan-script.js`;
}

/** The code cache of the plan script at `scriptPath`: the same name, `.v8cache` for `.js`. */
export function planScriptCachePath(scriptPath: string): string {
  return `${scriptPath.replace(/\.js$/i, '')}.v8cache`;
}

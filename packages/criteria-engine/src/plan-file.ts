/**
 * @lcz/criteria-engine/plan-file — load a plan script (`lcz build`'s `x.compiled.plan-script.js`)
 * with its code cache (`x.compiled.plan-script.v8cache`) and evaluate. Node only. For a program
 * whose start-up time counts: the script is the plan module and the plan entry's code in one
 * (generate/plan-script-code.ts), and the cache holds the code V8 compiled for it in a warm-up run
 * at build time, so a cold start compiles almost nothing. This entry is only the loader (a few
 * kB, it takes node:fs and node:vm from Node, below); the engine's code is in the script.
 *
 * The cache is used only when it is whole and made for this script and this Node
 * (plan-script-cache.ts); otherwise, and when V8 refuses it (other flags), the script is compiled
 * from its text: slower, the same results. The ruleset is `loadPlanModule`'s for the same module
 * (`@lcz/criteria-engine/plan`), checks included (format, engine, `hash`).
 *
 * Compiling a file `lcz build` wrote is loading code, as `import` of the plan module is: trust it
 * as you trust the folder it is in.
 */
import { PLAN_SCRIPT_FORMAT, PLAN_SCRIPT_FORMAT_VERSION } from './generate/format.js';
import { planScriptCachePath } from './generate/module-path.js';
import type { LoadPlanModuleOptions, PlanModule, PlanRuleset } from './load-plan-module.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { SourceText, makeDiagnostic } from './diagnostics/source.js';
import { readPlanScript } from './plan-script-cache.js';

/**
 * node:fs and node:vm as Node hands them over (`process.getBuiltinModule`, Node ≥ 20.16; the
 * repository's engines ask for ≥ 20.19), not by `import`: an ES module's static import of a
 * built-in makes its module namespace, for node:fs about a hundred exports, which in a cold
 * start is about 90 fresh memory pages of the ~2,400 a process touches (2–3 ms where a fresh page
 * costs 20–30 µs; docs/performance.md, "Cold start: built-ins without their ES module wrapper").
 * Taken on first use, so importing this entry costs nothing more.
 */
function builtins(): { readonly fs: typeof import('node:fs'); readonly vm: typeof import('node:vm') } {
  // Feature check: older Node has no such function (its type says it is always there).
  const get = (process as { getBuiltinModule?: NodeJS.Process['getBuiltinModule'] }).getBuiltinModule;
  if (typeof get !== 'function')
    throw new Error(`loadPlanFile needs Node 20.19 or later (process.getBuiltinModule); this is ${process.version}`);
  return { fs: get('node:fs'), vm: get('node:vm') };
}

export type { LoadPlanModuleOptions, PlanRuleset } from './load-plan-module.js';
export { planScriptPath } from './generate/module-path.js';

/** What running the script gives (plan-script-code.ts). */
interface PlanScriptExports {
  readonly planScriptFormat?: unknown;
  readonly planScriptFormatVersion?: unknown;
  readonly loadPlanModule?: (module: PlanModule, options: LoadPlanModuleOptions) => StageResult<PlanRuleset>;
  readonly module?: PlanModule;
}

/**
 * The ruleset of the plan script at `path` (`planScriptPath(compiled file)`), compiled with its
 * code cache beside it when that one is usable. Undefined when there is no file at `path` (another
 * error reading it is thrown, as `import()` throws it). A file that is not a plan script of this
 * format is refused (`plan_module_stale`), as loadPlanModule refuses a module.
 */
export function loadPlanFile(
  path: string,
  options: Omit<LoadPlanModuleOptions, 'file'> = {},
): StageResult<PlanRuleset> | undefined {
  const { fs, vm } = builtins();
  const read = readPlanScript(fs, path, planScriptCachePath(path));
  if (read === undefined) return undefined;
  const { text, cachedData } = read;
  let run: unknown;
  try {
    const script = new vm.Script(text, {
      filename: path,
      ...(cachedData !== undefined ? { cachedData } : {}),
    });
    run = script.runInThisContext();
  } catch (e) {
    // Not a script at all (a plan module, another file): refused below, as any other foreign file.
    if (!(e instanceof SyntaxError)) throw e;
  }
  const value: unknown = typeof run === 'function' ? run() : undefined;
  // cast: an object whose fields are checked just below (the format's name and version, the exports' kinds)
  const made = typeof value === 'object' && value !== null ? (value as PlanScriptExports) : undefined;
  if (
    made?.planScriptFormat === PLAN_SCRIPT_FORMAT &&
    made.planScriptFormatVersion === PLAN_SCRIPT_FORMAT_VERSION &&
    typeof made.loadPlanModule === 'function' &&
    typeof made.module === 'object' &&
    made.module !== null
  )
    return made.loadPlanModule(made.module, { ...options, file: path });
  // Not a plan script of this format: said as loadPlanModule says it of a module, at its first line.
  const found =
    made === undefined ? 'nothing' : `${String(made.planScriptFormat)} ${String(made.planScriptFormatVersion)}`;
  const diagnostic = makeDiagnostic(new SourceText(path, '', [0]), 'plan_module_stale', [0, 0], {
    reason: 'format',
    found,
    expected: `${PLAN_SCRIPT_FORMAT} ${PLAN_SCRIPT_FORMAT_VERSION}`,
  });
  return { diagnostics: [diagnostic] };
}

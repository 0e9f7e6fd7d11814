/**
 * Stands for the engine's import-module.ts in the one-file bundle (tsup.fast.config.ts): the
 * bundle runs inside a vm.Script, where Node 20 has no loader for `import()`, so it imports through
 * `__lczImport`, a parameter of the function launch.ts wraps the bundle in (its own `import()`).
 */
declare const __lczImport: (url: string) => Promise<unknown>;

export function importModule(url: string): Promise<unknown> {
  return __lczImport(url);
}

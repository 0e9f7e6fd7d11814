/**
 * `import()` of a module by URL (a generated decide module), in one place: the CLI's one-file
 * bundle runs this engine inside a vm.Script, where Node 20 has no loader for `import()` (the
 * option that gives it one is experimental, warns, and is lost with V8's code cache), so its build
 * puts the launcher's own `import()` here instead (packages/cli/tsup.fast.config.ts).
 */
export function importModule(url: string): Promise<unknown> {
  return import(url);
}

/**
 * Stands for the `yaml` package in the one-file bundle (tsup.fast.config.ts): the same functions
 * and classes, the package itself initialised on first use. A warm run reads its rules from the
 * compiled-rules cache and a plain assessment through parse/simple-yaml.ts, so it calls none of
 * them; imported as a module, the package was initialised at the bundle's start anyway (its
 * schemas, tags and classes, and a copy of its exports for each of the three engine modules that
 * import it): 45 page faults of every warm run (docs/performance.md, "Start-up: where a warm run
 * still goes"). A run that reads YAML rules, or an assessment that is not plain, loads it here,
 * once, and then runs the package's own code.
 *
 * Only what the bundle imports from `yaml` is here (the build fails on any other name).
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The package's exports; `require` of its CommonJS build, which the bundle inlines. */
function yaml(): typeof Yaml {
  // The bundle resolves this `yaml` to the package itself (tsup.fast.config.ts), not to this file.
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}

/** The package's function `name`, called on first use: the same arguments, the same answer. */
function forward<K extends 'isAlias' | 'isMap' | 'isNode' | 'isScalar' | 'isSeq' | 'parse' | 'parseDocument'>(
  name: K,
): (typeof Yaml)[K] {
  // cast: the package's own function is called with the arguments as given, its answer returned
  return ((...args: unknown[]) => (yaml()[name] as (...a: unknown[]) => unknown)(...args)) as (typeof Yaml)[K];
}

export const isAlias = forward('isAlias');
export const isMap = forward('isMap');
export const isNode = forward('isNode');
export const isScalar = forward('isScalar');
export const isSeq = forward('isSeq');
export const parse = forward('parse');
export const parseDocument = forward('parseDocument');

/** `visit` with its BREAK, SKIP and REMOVE, which a visitor may return: the package's own symbols. */
export const visit = Object.defineProperties((...args: Parameters<typeof Yaml.visit>) => yaml().visit(...args), {
  BREAK: { get: () => yaml().visit.BREAK },
  SKIP: { get: () => yaml().visit.SKIP },
  REMOVE: { get: () => yaml().visit.REMOVE },
}) as typeof Yaml.visit;

/**
 * The classes, made by `new` as before: a function that returns an object from `new` gives that
 * object, here an instance of the package's own class (so `instanceof` the package's class holds).
 */
export const Parser = function Parser(...args: ConstructorParameters<typeof Yaml.Parser>) {
  return new (yaml().Parser)(...args);
} as unknown as typeof Yaml.Parser;
export const Composer = function Composer(...args: ConstructorParameters<typeof Yaml.Composer>) {
  return new (yaml().Composer)(...args);
} as unknown as typeof Yaml.Composer;

/**
 * Stands for the `yaml` package in the one-file bundle (tsup.fast.config.ts): the same functions
 * and classes, the package itself initialised on first use. A warm run reads its rules from the
 * compiled-rules cache and a plain assessment through parse/simple-yaml.ts, so it calls none of
 * them; imported as a module, the package was initialised at the bundle's start anyway (its
 * schemas, tags and classes, and a copy of its exports for each of the three engine modules that
 * import it): 45–65 page faults of every warm run (docs/performance.md, "Start-up: where a warm run
 * still goes"). A run that reads YAML rules, or an assessment that is not plain, loads it here,
 * once, and then runs the package's own code.
 *
 * Only what the bundle imports from `yaml` is here (the build fails on any other name).
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The package's exports; `require` of its CommonJS build, which the bundle inlines. Loading it
 * also points the predicates below at the package's own functions: the bundle links every import
 * of them to these bindings, so from then on each call is the package's, with nothing in between
 * (the YAML rule loader calls them hundreds of thousands of times on a first run).
 */
function yaml(): typeof Yaml {
  if (loaded !== undefined) return loaded;
  // The bundle resolves this `yaml` to the package itself (tsup.fast.config.ts), not to this file.
  loaded = require('yaml') as typeof Yaml;
  ({ isAlias, isMap, isNode, isScalar, isSeq } = loaded);
  return loaded;
}

// Mutable on purpose (see yaml() above): each stands for the package's function until it is loaded.
// cast: the package's own predicate answers, for the argument given
export let isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export let isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export let isNode = ((node: unknown) => yaml().isNode(node)) as typeof Yaml.isNode;
export let isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export let isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;

/** The package's function `name`, called through: the same arguments, the same answer. */
function forward<K extends 'parse' | 'parseDocument'>(name: K): (typeof Yaml)[K] {
  // cast: the package's own function is called with the arguments as given, its answer returned
  return ((...args: unknown[]) => (yaml()[name] as (...a: unknown[]) => unknown)(...args)) as (typeof Yaml)[K];
}

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

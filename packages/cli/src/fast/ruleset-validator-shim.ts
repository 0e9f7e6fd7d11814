/**
 * Stands for the engine's generated ruleset validator (validate/generated/ruleset.validator.js,
 * ajv standalone code from schemas/ruleset.schema.json) in the one-file bundle
 * (tsup.fast.config.ts): the validator is built into its own file, dist/ruleset-validator.cjs, and
 * loaded on first use. Only a run that reads rules from their YAML validates them; a warm run
 * (rules from the compiled-rules cache) never does, and the validator was 40% of the bundle's
 * text, which a warm run read, decoded and handed to V8 every time (docs/performance.md, "Start-up:
 * the warm bundle without the ruleset validator"). It imports nothing, so the separate copy shares
 * no state with the bundle; the same function runs. The launcher (launch.ts) loads it, with the
 * build's first-run code cache (docs/performance.md, "Start-up: the first run from a code cache
 * shipped in dist").
 */
import type { ValidateFunction } from 'ajv';

/** A parameter of the function launch.ts wraps the bundle in: the validator's module, loaded once. */
declare const __lczRequireValidator: () => unknown;

let loaded: ValidateFunction | undefined;

/** The generated validator's own `validate`: its answer, and its `errors` copied after each call. */
function validate(value: unknown): boolean {
  loaded ??= (__lczRequireValidator() as { default: ValidateFunction }).default;
  const valid = loaded(value);
  validate.errors = loaded.errors;
  return valid === true;
}
validate.errors = undefined as ValidateFunction['errors'];

export default validate;

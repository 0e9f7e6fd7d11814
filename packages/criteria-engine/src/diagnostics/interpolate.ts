/**
 * `{name}` placeholders, filled in one way for every message of every package (diagnostics, the
 * explanations, the CLI, HTTP problems, the report and the web form). Here, beside the
 * diagnostics, because every stage and package may import it.
 */

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * `template` with each `{name}` replaced by `params.name`. A name that `params` does not hold
 * stays as written (a forgotten parameter shows instead of vanishing), unless `missing` says
 * what to write instead. Only the params' own keys count: `{constructor}` is not filled.
 */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number | boolean | undefined>>,
  missing: (name: string, whole: string) => string = (_name, whole) => whole,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? missing(name, whole) : String(value);
  });
}

/** The `{placeholders}` a template uses, sorted (for tests that compare locales). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/**
 * `{name}` placeholders, filled in one way for every message of every package (diagnostics, the
 * explanations, the CLI, HTTP problems, the report and the web form). Here, beside the
 * diagnostics, because every stage and package may import it.
 *
 * `{name|one|other}` writes a word that agrees with the number `name` holds: `one` when it is
 * exactly 1, `other` otherwise ("1 more point", "3 more points"). English needs it; Vietnamese
 * nouns do not change with number, so its catalogues write the word alone.
 */

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * `template` with each `{name}` replaced by `params.name`, and each `{name|one|other}` by the
 * word that agrees with it. A name that `params` does not hold stays as written (a forgotten
 * parameter shows instead of vanishing), unless `missing` says what to write instead. Only the
 * params' own keys count: `{constructor}` is not filled.
 */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number | boolean | undefined>>,
  missing: (name: string, whole: string) => string = (_name, whole) => whole,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return missing(name, whole);
    if (one === undefined || other === undefined) return String(value);
    return isOne(value) ? one : other;
  });
}

/** Exactly one, as a number or as the text a number was printed as ("1", not "1.5" or "01"). */
function isOne(value: string | number | boolean): boolean {
  return value === 1 || value === '1';
}

/** The names a template uses, each once, sorted (for tests that compare locales). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

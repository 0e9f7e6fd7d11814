/**
 * A block out-dented by mistake can still be valid YAML: a criterion typed at the level of the
 * groups becomes a group "missing required key title", a criterion's `condition:` typed at the
 * level of its group becomes an "unknown key" there. When indenting one block makes such schema
 * errors go away, they are replaced by one "check the indentation of line N" (parse/
 * indentation-hint.ts; the parse stage does the same for text YAML cannot read).
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { explainOutdent } from '../parse/indentation-hint.js';
import { parseYaml } from '../parse/index.js';
import type { ParsedDocument } from '../parse/index.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';

/** The schema's errors for a value; an empty list when it is valid. */
export type SchemaCheck = (value: unknown) => readonly ErrorObject[];

/**
 * Errors in a value where it stands: a number out of range, a word not in its list, a text not in
 * its pattern. A slip of indentation moves a key together with its value, and leaves behind a
 * key where none is allowed, a block missing a key, a block where a value belongs: those are the
 * errors a slip explains. For a file whose only schema errors are of these value kinds the
 * search cannot find a slip, yet each try re-read and re-checked the whole file: 24 re-reads,
 * seconds of CPU on a 1,000-line rule file with one threshold out of range.
 */
const VALUE_ERRORS: ReadonlySet<string> = new Set(['schema_range', 'schema_enum', 'schema_pattern']);

export function explainSchemaOutdent(
  parsed: ParsedDocument,
  diagnostics: readonly Diagnostic[],
  check: SchemaCheck,
): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.line}|${d.code}`;
  const problemsOf = (text: string): string[] | undefined => {
    // A text YAML cannot read is refused here anyway: no need to explain its syntax errors.
    const reparsed = parseYaml(new SourceText(parsed.source.file, text), undefined, {
      indentHints: false,
      tabRepair: false,
    });
    if (!reparsed.value || reparsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
    return schemaErrorsToDiagnostics(check(reparsed.value.value), reparsed.value).map(key);
  };
  // Each try re-reads and re-checks the whole file: a small budget, near the problems a slip can
  // cause only (a value out of range before the slip must not use up the tries).
  return explainOutdent(
    parsed.source,
    diagnostics,
    isSchemaError,
    key,
    problemsOf,
    { window: 10, maxTries: 24, readsOfText: 12 },
    (d) => !VALUE_ERRORS.has(d.code),
  );
}

function isSchemaError(d: Diagnostic): boolean {
  return d.code.startsWith('schema_') && d.severity === 'error';
}

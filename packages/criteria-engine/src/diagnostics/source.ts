/**
 * Offsets stay in the data; they turn into line and column only here, at the edge.
 */
import type { Diagnostic, Range, Severity } from './diagnostic.js';
import type { DiagnosticCode } from './codes.js';
import type { DiagnosticParams } from './params.js';

export class SourceText {
  private starts: readonly number[] | undefined;

  /**
   * `lineStarts`, when given, are the offsets where the lines of the text begin: a source
   * restored from a compiled rules file has those but not the text, which is then ''.
   */
  constructor(
    readonly file: string,
    readonly text: string,
    lineStarts?: readonly number[],
  ) {
    this.starts = lineStarts;
  }

  /** The offsets where lines begin (the first is 0). */
  get lineStarts(): readonly number[] {
    this.starts ??= computeLineStarts(this.text);
    return this.starts;
  }

  /** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /**
   * The range in the text as written of a range in `text`: the same, but for a text read in
   * place of the one written (parse/tab-indent.ts), whose diagnostics must point at the file.
   */
  writtenRange(range: readonly [number, number]): [number, number] {
    return [range[0], range[1]];
  }

  /** The text as written, which the ranges of diagnostics point into (see writtenRange). */
  get writtenText(): string {
    return this.text;
  }

  diagnostic<C extends DiagnosticCode>(
    code: C,
    range: Range | undefined,
    params: DiagnosticParams<C>,
    options: DiagnosticOptions = {},
  ): Diagnostic {
    return makeDiagnostic(this, code, range, params, options);
  }

  /** A diagnostic whose code is only known at run time (see makeDiagnosticOfAnyCode). */
  diagnosticOfAnyCode(
    code: DiagnosticCode,
    range: Range | undefined,
    params: Diagnostic['params'],
    options: DiagnosticOptions = {},
  ): Diagnostic {
    return makeDiagnosticOfAnyCode(this, code, range, params, options);
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // indexOf runs natively; a charCodeAt loop is slow the first (interpreted) time, which is
  // the only time it runs.
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export interface DiagnosticOptions {
  severity?: Severity;
  path?: string;
}

/** A diagnostic of code `C`, its params checked against the code's (diagnostics/params.ts). */
export function makeDiagnostic<C extends DiagnosticCode>(
  source: SourceText | { file: string },
  code: C,
  range: Range | undefined,
  params: DiagnosticParams<C>,
  options: DiagnosticOptions = {},
): Diagnostic {
  return makeDiagnosticOfAnyCode(source, code, range, params, options);
}

/**
 * The same, for a code only known at run time: a diagnostic moved to another place (its params
 * were checked when it was made), or one mapped from a table (ajv's keywords, zod's issues).
 */
function makeDiagnosticOfAnyCode(
  source: SourceText | { file: string },
  code: DiagnosticCode,
  range: Range | undefined,
  params: Diagnostic['params'],
  options: DiagnosticOptions = {},
): Diagnostic {
  const where = range && source instanceof SourceText ? source.position(range[0]) : { line: 0, column: 0 };
  const written = range && source instanceof SourceText ? source.writtenRange(range) : range;
  return {
    code,
    severity: options.severity ?? 'error',
    file: source.file,
    line: where.line,
    column: where.column,
    ...(written ? { range: written } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    params,
  };
}

/**
 * Maps the errors and warnings yaml collects on a document to our diagnostics. yaml's codes
 * become params (`reason`) so each locale can explain them in its own words; yaml's English
 * message is kept as `detail` for the cases no locale explains.
 */
import type { YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import type { ParseLimits } from './limits.js';
import type { DuplicateKey } from './to-plain.js';

export interface YamlErrorContext {
  readonly source: SourceText;
  readonly limits: ParseLimits;
  /** Duplicate keys found by toPlain, by start offset: the key text and its first occurrence. */
  readonly duplicates: ReadonlyMap<number, DuplicateKey>;
}

export function mapYamlErrors(
  errors: readonly YAMLError[],
  severity: Severity,
  context: YamlErrorContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const mapped = mapOne(error, severity, context);
    if (mapped) out.push(mapped);
  }
  return out;
}

function mapOne(
  error: YAMLError,
  severity: Severity,
  { source, limits, duplicates }: YamlErrorContext,
): Diagnostic | undefined {
  const range = [error.pos[0], Math.max(error.pos[0], error.pos[1])] as const;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // yaml marks one character; the key node we recorded has the whole key and its first use.
      const duplicate = duplicates.get(range[0]);
      if (!duplicate) {
        return source.diagnostic(
          'yaml_duplicate_key',
          range,
          { key: source.text.slice(range[0], range[1]) },
          { severity: 'error' },
        );
      }
      return source.diagnostic(
        'yaml_duplicate_key',
        duplicate.range,
        { key: duplicate.key, first_line: source.position(duplicate.firstOffset).line },
        { severity: 'error' },
      );
    }
    // Tags are found with their exact position on the CST (scanCst); %YAML versions likewise.
    case 'TAG_RESOLVE_FAILED':
      return undefined;
    case 'BAD_DIRECTIVE':
      if (/^Unsupported YAML version/.test(error.message)) return undefined;
      break;
    // yaml catches its own stack overflow here; we normally stop deep files before composing.
    case 'RESOURCE_EXHAUSTION':
      return source.diagnostic('yaml_depth_limit', range, { max: limits.maxDepth }, { severity: 'error' });
    case 'MULTIPLE_DOCS':
      return source.diagnostic('yaml_multiple_documents', range, { count: 2 }, { severity: 'error' });
    default:
      break;
  }
  const detail = firstLine(error.message);
  return source.diagnostic('yaml_syntax', range, { reason: reasonOf(error.code, detail), detail }, { severity });
}

/**
 * yaml's code, made more precise where one code covers several causes (MISSING_CHAR is a
 * missing quote, dash, colon, comma…), so a locale can say exactly what to fix.
 */
function reasonOf(code: string, detail: string): string {
  if (code !== 'MISSING_CHAR' && code !== 'UNEXPECTED_TOKEN') return code;
  if (/quote/i.test(detail)) return 'MISSING_QUOTE';
  if (/without - indicator/.test(detail)) return 'MISSING_DASH';
  if (/followed by map values/.test(detail)) return 'MISSING_COLON';
  if (/^Missing , /.test(detail)) return 'MISSING_COMMA';
  if (/^Missing space after :/.test(detail)) return 'MISSING_SPACE';
  if (/^Comments must be separated/.test(detail)) return 'COMMENT_SPACE';
  return code;
}

/** yaml may append " at line L, column C" and a code excerpt; our location already says that. */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Turns ajv's errors into diagnostics: one code per kind of problem, located at the YAML node
 * (or key) the error is about, with params the message catalogs can explain to policy staff.
 * Kept apart from the module that runs ajv so it can be tested on hand-made errors.
 *
 * Needs errors produced with ajv's `verbose: true` (for `data` and `parentSchema`).
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { DocumentPath, ParsedDocument } from '../parse/index.js';
import { parsePointer, toPointer } from '../diagnostics/pointer.js';

/** Wrappers whose inner errors already say what is wrong. */
const REDUNDANT = new Set(['if', 'allOf', 'propertyNames', '$ref']);

/**
 * The alternatives of each "exactly one of" shape, marked in the schema with `x-shape`.
 * For `condition` the string form (an expression) is an alternative too; the message says so.
 */
const SHAPE_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  condition: ['fact', 'percent', 'all', 'any', 'not', 'of'],
  fact_comparison: ['is', 'at_least', 'at_most', 'equals'],
  percent_comparison: ['at_least', 'at_most'],
  requirement: ['at_least_percent', 'at_least_count', 'at_least_points'],
  criterion_body: ['condition', 'variants'],
  count_requirement: ['at_least_count', 'at_least_points'],
  points: ['steps', 'best_of'],
  points_option: ['points', 'steps'],
};

const SIZE_UNITS: Readonly<Record<string, string>> = {
  minItems: 'items',
  maxItems: 'items',
  minLength: 'characters',
  maxLength: 'characters',
  minProperties: 'properties',
  maxProperties: 'properties',
};

type Params = Diagnostic['params'];

interface Mapped {
  readonly code: DiagnosticCode;
  readonly params: Params;
  /** Path of the place the diagnostic points at (a key, a value, or the mapping lacking a key). */
  readonly path: DocumentPath;
  /** Point at the key at `path` rather than its value. */
  readonly atKey?: boolean;
}

export function schemaErrorsToDiagnostics(errors: readonly ErrorObject[], parsed: ParsedDocument): Diagnostic[] {
  const unknownKeys = unknownKeysByPath(errors);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    if (REDUNDANT.has(error.keyword) || causedByUnknownKey(error, unknownKeys)) continue;
    const mapped = mapError(error);
    const range = locate(parsed, mapped);
    const pointer = toPointer(mapped.path);
    const key = `${mapped.code}|${pointer}|${JSON.stringify(mapped.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed.source.diagnosticOfAnyCode(mapped.code, range, mapped.params, { path: pointer }));
  }
  return out.sort(
    (a, b) =>
      (a.range?.[0] ?? -1) - (b.range?.[0] ?? -1) ||
      a.code.localeCompare(b.code) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}

/** For each mapping with unknown keys: the suggestions made for them (the likely intended keys). */
function unknownKeysByPath(errors: readonly ErrorObject[]): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const properties = error.parentSchema?.['properties'];
    const allowed = isRecord(properties) ? Object.keys(properties) : [];
    const suggestion = closest(String(error.params['additionalProperty']), allowed);
    const set = byPath.get(error.instancePath) ?? new Set<string>();
    if (suggestion) set.add(suggestion);
    byPath.set(error.instancePath, set);
  }
  return byPath;
}

/**
 * One misspelt key breaks two rules: "unknown key" and the shape rule of its mapping (too many
 * keys, or a required alternative missing). Report the key only, whose message names the fix.
 */
function causedByUnknownKey(error: ErrorObject, unknownKeys: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const suggestions = unknownKeys.get(error.instancePath);
  if (!suggestions) return false;
  if (error.keyword === 'maxProperties') {
    // Counted again without the unknown keys: within the limit, the count was only the typo.
    const declared = error.parentSchema?.['properties'];
    const properties = isRecord(declared) ? declared : {};
    const data = isRecord(error.data) ? error.data : {};
    const known = Object.keys(data).filter((k) => Object.hasOwn(properties, k)).length;
    return known <= Number(error.params['limit']);
  }
  const shape = error.parentSchema?.['x-shape'];
  if ((error.keyword === 'not' || error.keyword === 'false schema') && typeof shape === 'string') {
    return (SHAPE_ALTERNATIVES[shape] ?? []).some((alternative) => suggestions.has(alternative));
  }
  return false;
}

function mapError(error: ErrorObject): Mapped {
  const path = parsePointer(error.instancePath);
  const params: Record<string, unknown> = error.params;
  const parentSchema = isRecord(error.parentSchema) ? error.parentSchema : undefined;
  const shape = typeof parentSchema?.['x-shape'] === 'string' ? parentSchema['x-shape'] : undefined;
  // Errors about a property name (propertyNames) point at the key itself.
  if (error.propertyName !== undefined) {
    const at = [...path, error.propertyName];
    if (error.keyword === 'pattern') {
      return {
        code: 'schema_pattern',
        path: at,
        atKey: true,
        params: patternParams(params, parentSchema, error.propertyName),
      };
    }
    return { ...otherError(error, at), atKey: true };
  }
  return keywordError(error, path, params, parentSchema, shape) ?? otherError(error, path);
}

/** An error worded by its keyword; undefined when only the generic wording fits. */
function keywordError(
  error: ErrorObject,
  path: DocumentPath,
  params: Record<string, unknown>,
  parentSchema: Record<string, unknown> | undefined,
  shape: string | undefined,
): Mapped | undefined {
  switch (error.keyword) {
    case 'required':
      return { code: 'schema_required', path, params: { property: String(params['missingProperty']) } };
    case 'dependentRequired':
      return {
        code: 'schema_required',
        path,
        params: { property: String(params['missingProperty']), because: String(params['property']) },
      };
    case 'additionalProperties':
      return unknownPropertyError(path, String(params['additionalProperty']), parentSchema);
    case 'type': {
      const type = params['type'];
      const expected = Array.isArray(type) ? type.join(',') : String(type);
      // A number written as text ("99%", "1.234") is quoted in the message, so the hint can say what to drop.
      const value = typeof error.data === 'string' ? { value: display(error.data) } : {};
      return { code: 'schema_type', path, params: { expected, actual: typeOf(error.data), ...value } };
    }
    case 'enum':
      return enumError(path, params['allowedValues'], error.data);
    case 'const':
      return {
        code: 'schema_enum',
        path,
        params: { allowed: String(params['allowedValue']), actual: display(error.data) },
      };
    case 'pattern':
      return { code: 'schema_pattern', path, params: patternParams(params, parentSchema, error.data) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'schema_range',
        path,
        params: {
          limit: Number(params['limit']),
          comparison: String(params['comparison']),
          actual: typeof error.data === 'number' ? error.data : display(error.data),
        },
      };
    case 'minProperties':
    case 'maxProperties':
      return shape ? shapeError(shape, path, error.data) : sizeError(error, path, params);
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
      return sizeError(error, path, params);
    case 'not':
    case 'false schema':
      return shape ? shapeError(shape, path, error.data) : undefined;
    default:
      return undefined;
  }
}

function otherError(error: ErrorObject, path: DocumentPath): Mapped {
  return { code: 'schema_other', path, params: { keyword: error.keyword, detail: error.message ?? '' } };
}

/** A property the schema does not allow, located at its key, with the nearest allowed one. */
function unknownPropertyError(
  path: DocumentPath,
  property: string,
  parentSchema: Record<string, unknown> | undefined,
): Mapped {
  const properties = parentSchema?.['properties'];
  const allowed = isRecord(properties) ? Object.keys(properties) : [];
  const suggestion = closest(property, allowed);
  return {
    code: 'schema_unknown_property',
    path: [...path, property],
    atKey: true,
    params: { property, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) },
  };
}

function enumError(path: DocumentPath, allowedValues: unknown, data: unknown): Mapped {
  const allowed = Array.isArray(allowedValues) ? allowedValues.map(String) : [];
  const suggestion = typeof data === 'string' ? closest(data, allowed) : undefined;
  return {
    code: 'schema_enum',
    path,
    params: { allowed: allowed.join(', '), actual: display(data), ...(suggestion ? { suggestion } : {}) },
  };
}

function shapeError(shape: string, path: DocumentPath, data: unknown): Mapped {
  const alternatives = SHAPE_ALTERNATIVES[shape] ?? [];
  const keys = isRecord(data) ? Object.keys(data) : [];
  // A misspelt discriminator (`facts:`, `al:`) is the usual cause: suggest the nearest one.
  let suggestion: string | undefined;
  for (const key of keys) {
    if (alternatives.includes(key)) continue;
    suggestion ??= closest(key, alternatives);
  }
  return {
    code: 'schema_shape',
    path,
    params: {
      shape,
      expected: alternatives.join(', '),
      actual: isRecord(data) ? (keys.length > 0 ? keys.join(', ') : '{}') : typeOf(data),
      ...(suggestion ? { suggestion } : {}),
    },
  };
}

function sizeError(error: ErrorObject, path: DocumentPath, params: Record<string, unknown>): Mapped {
  const data = error.data;
  const actual = Array.isArray(data)
    ? data.length
    : typeof data === 'string'
      ? data.length
      : isRecord(data)
        ? Object.keys(data).length
        : 0;
  return {
    code: 'schema_size',
    path,
    params: {
      limit: Number(params['limit']),
      comparison: error.keyword.startsWith('min') ? '>=' : '<=',
      actual,
      unit: SIZE_UNITS[error.keyword] ?? 'items',
    },
  };
}

function patternParams(
  params: Record<string, unknown>,
  parentSchema: Record<string, unknown> | undefined,
  data: unknown,
): Params {
  const examples = parentSchema?.['examples'];
  const example = Array.isArray(examples) && examples.length > 0 ? String(examples[0]) : '';
  return { pattern: String(params['pattern']), example, actual: display(data) };
}

function locate(parsed: ParsedDocument, mapped: Mapped): Range | undefined {
  if (mapped.atKey) return parsed.keyRangeOf(mapped.path) ?? parsed.rangeOf(mapped.path.slice(0, -1));
  return parsed.rangeOf(mapped.path);
}

/** The JSON type of a value, with integers told apart (schema messages say "whole number"). */
export function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'non_finite_number';
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** A short, printable form of a value for a message. */
function display(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Problems (RFC 9457, application/problem+json): one closed list of kinds with their status, and
 * every individual problem as an entry in `errors` with where it is (a JSON Pointer into the body,
 * a parameter, or a line and column in sent text), a code, and what is wrong and how to fix it in
 * Vietnamese and English. Handlers build entries; `renderProblem` makes the body at the edge.
 */
import { escapeInvisible, escapeParams, interpolate, renderMessage, type Diagnostic } from '@lcz/criteria-engine';
import { en, type MessageKey, type Messages } from './messages/en.js';
import { vi } from './messages/vi.js';

export type Lang = 'vi' | 'en';

const CATALOGS: Readonly<Record<Lang, Messages>> = { vi, en };

/** Every problem kind this API answers with: the slug of its `type`, its status and title. */
export const PROBLEM_KINDS = {
  'bad-request': { status: 400, title: 'title_bad_request' },
  'malformed-json': { status: 400, title: 'title_malformed_json' },
  'unsupported-media-type': { status: 415, title: 'title_unsupported_media_type' },
  'payload-too-large': { status: 413, title: 'title_payload_too_large' },
  'not-found': { status: 404, title: 'title_not_found' },
  'unknown-ruleset': { status: 404, title: 'title_unknown_ruleset' },
  'invalid-request': { status: 422, title: 'title_invalid_request' },
  'inline-rules-disabled': { status: 403, title: 'title_inline_rules_disabled' },
  unauthorized: { status: 401, title: 'title_unauthorized' },
  forbidden: { status: 403, title: 'title_forbidden' },
  timeout: { status: 503, title: 'title_timeout' },
  'not-ready': { status: 503, title: 'title_not_ready' },
  'internal-error': { status: 500, title: 'title_internal_error' },
  busy: { status: 503, title: 'title_busy' },
} as const satisfies Record<string, { status: number; title: MessageKey }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const DEFAULT_PROBLEM_TYPE_BASE = 'urn:lcz:problem:';

/** One problem of a request. Exactly where it is depends on what was wrong. */
export interface ProblemEntry {
  /** JSON Pointer (RFC 6901) into the request body, e.g. `/assessment/facts/total_items`. */
  readonly pointer?: string;
  /** A path or query parameter, e.g. `version`. */
  readonly parameter?: string;
  /** For text sent in the request (JSON syntax, rule files): the file label, line and column (1-based). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** For rule-file diagnostics: where in the rule document (a JSON Pointer into the YAML), when known. */
  readonly path?: string;
  /** For rule-file diagnostics: error, warning or info. */
  readonly severity?: 'error' | 'warning' | 'info';
  /** A stable code: an engine diagnostic code or one of this API's (messages/en.ts). */
  readonly code: string;
  readonly message_vi: string;
  readonly message_en: string;
  readonly hint_vi?: string;
  readonly hint_en?: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors: readonly ProblemEntry[];
}

type Params = Readonly<Record<string, string | number>>;
type Where = Pick<ProblemEntry, 'pointer' | 'parameter' | 'file' | 'line' | 'column'>;

/**
 * A message of this API in one language, placeholders filled. Params may quote the request (a
 * key, an id, a media type), so invisible and reordering characters in them are shown escaped.
 */
export function say(lang: Lang, key: MessageKey, params: Params = {}): { message: string; hint?: string } {
  const template = CATALOGS[lang][key];
  const safe = escapeParams(params);
  const fill = (text: string) => interpolate(text, safe);
  return template.hint === undefined
    ? { message: fill(template.message) }
    : { message: fill(template.message), hint: fill(template.hint) };
}

/** A problem entry worded by this API's catalogs; `params` may hold per-language values. */
export function entry(key: MessageKey, where: Where, params: Params | ((lang: Lang) => Params) = {}): ProblemEntry {
  const paramsOf = typeof params === 'function' ? params : () => params;
  const v = say('vi', key, paramsOf('vi'));
  const e = say('en', key, paramsOf('en'));
  return {
    ...where,
    code: key,
    message_vi: v.message,
    message_en: e.message,
    ...(v.hint !== undefined ? { hint_vi: v.hint } : {}),
    ...(e.hint !== undefined ? { hint_en: e.hint } : {}),
  };
}

/**
 * An engine diagnostic as an entry. For an assessment, `pointerPrefix` places the diagnostic's
 * path within the request body (`/assessment`, `/assessments/3`). For rule text sent in the
 * request, `located` keeps file, line, column and the path inside the rule document, and
 * `pointer` names the body field that held the text (none for a raw YAML body).
 */
export function entryFromDiagnostic(
  d: Diagnostic,
  options: { readonly pointerPrefix?: string } | { readonly located: true; readonly pointer?: string },
): ProblemEntry {
  const v = renderMessage(d, 'vi');
  const e = renderMessage(d, 'en');
  let where: Partial<ProblemEntry>;
  if ('located' in options) {
    where = {
      ...(options.pointer !== undefined ? { pointer: options.pointer } : {}),
      file: d.file,
      ...(d.line > 0 ? { line: d.line, column: d.column } : {}),
      ...(d.path !== undefined ? { path: d.path } : {}),
      severity: d.severity,
    };
  } else {
    const prefix = options.pointerPrefix ?? '';
    where = { pointer: d.path === undefined || d.path === '/' ? prefix : `${prefix}${d.path}` };
  }
  return {
    ...where,
    code: d.code,
    message_vi: v.message,
    message_en: e.message,
    ...(v.hint !== '' ? { hint_vi: v.hint } : {}),
    ...(e.hint !== '' ? { hint_en: e.hint } : {}),
  };
}

export interface ProblemContext {
  readonly lang: Lang;
  /** The request's path and query: which occurrence this is. */
  readonly instance: string;
  readonly typeBase: string;
}

/**
 * The problem+json body. `detail` is the one problem in the client's language (with its hint),
 * or a count when there are several; `errors` always lists each, in both languages.
 */
function renderProblem(kind: ProblemKind, errors: readonly ProblemEntry[], context: ProblemContext): Problem {
  const { status, title } = PROBLEM_KINDS[kind];
  const [only] = errors;
  let detail: string;
  if (errors.length === 1 && only !== undefined) {
    const message = context.lang === 'vi' ? only.message_vi : only.message_en;
    const hint = context.lang === 'vi' ? only.hint_vi : only.hint_en;
    detail = hint === undefined ? message : `${message} ${hint}`;
  } else {
    detail = say(context.lang, 'detail_count', { count: errors.length }).message;
  }
  return {
    type: `${context.typeBase}${kind}`,
    title: say(context.lang, title).message,
    status,
    detail,
    instance: escapeInvisible(context.instance),
    errors,
  };
}

/**
 * The problem+json text of an answer to the request at `url` (its path and query), as every
 * answer of this API words it, on the HTTP thread or in a body worker alike.
 */
export function problemText(
  kind: ProblemKind,
  errors: readonly ProblemEntry[],
  context: { readonly lang: Lang; readonly url: string; readonly typeBase: string },
): string {
  return JSON.stringify(
    renderProblem(kind, errors, { lang: context.lang, instance: shortened(context.url), typeBase: context.typeBase }),
  );
}

/** A path as written by the client, cut to 120 characters so an answer never echoes much of it. */
export function shortened(path: string): string {
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

/** Words for lists in messages: `"a", "b" or "c"` in the language asked. */
export function quotedList(lang: Lang, items: readonly string[]): string {
  if (items.length === 0) return say(lang, 'none').message;
  const quoted = items.map((i) => `"${i}"`);
  if (quoted.length === 1) return quoted[0] ?? '';
  return `${quoted.slice(0, -1).join(', ')} ${say(lang, 'list_or').message} ${quoted[quoted.length - 1] ?? ''}`;
}

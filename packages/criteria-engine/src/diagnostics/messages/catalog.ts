/**
 * What a message catalog is. One catalog per language (vi.ts, en.ts), keyed by every code, so
 * the compiler refuses a catalog that forgets one.
 */
import type { EngineDiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';

export type Locale = 'vi' | 'en';

export type MessageParams = Diagnostic['params'];

/** What is wrong, and how to fix it (what is valid, with an example). */
export interface RenderedMessage {
  readonly message: string;
  readonly hint: string;
}

export type MessageCatalog = Readonly<Record<EngineDiagnosticCode, (p: MessageParams) => RenderedMessage>>;

/** A param as text; '' when absent, so templates never print "undefined". */
export function param(p: MessageParams, key: string): string {
  const value = p[key];
  return value === undefined ? '' : String(value);
}

export function hasParam(p: MessageParams, key: string): boolean {
  const value = p[key];
  return value !== undefined && value !== '';
}

/** Looks a token up in a per-locale table, falling back to the token itself. */
export function lookup(table: Readonly<Record<string, string>>, token: string): string {
  return Object.hasOwn(table, token) ? (table[token] ?? token) : token;
}

/** `number,string` (ajv's list of types) → each name translated, joined with the locale's "or". */
export function typeList(table: Readonly<Record<string, string>>, types: string, or: string): string {
  return types
    .split(',')
    .map((t) => lookup(table, t.trim()))
    .join(or);
}

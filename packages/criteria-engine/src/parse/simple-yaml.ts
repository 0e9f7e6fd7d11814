/**
 * A reader for the plain YAML an assessment file is usually written in: block mappings and
 * lists, one-line flow mappings and lists of scalars, quoted strings without escapes, plain
 * words, decimal integers and decimals, true/false/null, comments. It gives the value parseYaml
 * (then toPlain) gives for such a text, or NOT_SIMPLE for anything else, and then the caller runs
 * parseYaml: this is a shortcut, never a second dialect. It refuses everything that could make
 * parseYaml say anything at all (a tag, an anchor, a directive, a duplicate or unsafe key, a tab,
 * a control character, a number of another form, a scalar over several lines, deep nesting…), so
 * when it answers, parseYaml would have answered the same value with no diagnostic.
 *
 * Why: a one-file `lcz evaluate` with a warm cache spent a tenth of its time in the `yaml`
 * package's first use (its lexer, parser and composer run once, cold, on 4.5 kB:
 * docs/performance.md, "Start-up: the assessment without the YAML parser"). This reader keeps no
 * positions: readAssessment validates the value it gives and goes back to parseYaml (positions,
 * the same diagnostics) whenever validation has anything to say.
 */

import { readsExactly } from './exact-number.js';

/** The answer for a text this reader does not take (undefined is never a YAML value). */
export const NOT_SIMPLE = undefined;

/** Nesting beyond this is left to parseYaml (its limit, 64 by default, and its diagnostic). */
const MAX_DEPTH = 16;
/** A longer text is left to parseYaml (the scalar length limit is checked there). */
const MAX_TEXT = 65_536;

/** Anything but newline, printable ASCII and the Basic Multilingual Plane's printable rest. */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
/** A plain key: a letter or `_` first, so it is never null, a number or an indicator. */
const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*):(?: +|$)/;
/** Keys the core schema reads as null or a boolean (toPlain then stringifies them). */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Keys toPlain refuses (yaml_unsafe_key). */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const ITEM = /^-(?: +|$)/;
/** What may follow a scalar or a flow collection on its line: spaces, then a comment. */
const LINE_END = /^(?: *| +#.*)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/** A first character that makes a plain scalar something else (or a number of another form). */
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9]/;

interface Line {
  readonly indent: number;
  /** The line after its indentation (never empty, never a comment alone). */
  readonly content: string;
}

/** A value, or FAIL: the text is not one this reader takes. */
const FAIL: unique symbol = Symbol('not simple');
type Read = unknown;

/** The plain value of `text`, as parseYaml gives it; NOT_SIMPLE when the text is not this plain. */
export function readSimpleYaml(text: string): unknown {
  if (text.length > MAX_TEXT || UNUSUAL.test(text)) return NOT_SIMPLE;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    // Spaces only: YAML's indentation and trailing white space are spaces (tabs are refused above);
    // String.trim would also take other white space (U+00A0…) that YAML keeps in a scalar.
    const indent = skipSpaces(raw, 0);
    const content = raw.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    // Directives and document markers: parseYaml's business.
    if (indent === 0 && (content.startsWith('%') || content.startsWith('---') || content.startsWith('...')))
      return NOT_SIMPLE;
    lines.push({ indent, content });
  }
  if (lines[0]?.indent !== 0) return NOT_SIMPLE;
  const reader = new BlockReader(lines);
  const value = reader.block(0, 1);
  return value === FAIL || !reader.done() ? NOT_SIMPLE : value;
}

class BlockReader {
  private at = 0;

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  /** The mapping or list whose first line (the current one) is indented `indent`. */
  block(indent: number, depth: number): Read {
    if (depth > MAX_DEPTH) return FAIL;
    const first = this.lines[this.at];
    return first !== undefined && ITEM.test(first.content) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Read {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (let line = this.lines[this.at]; line !== undefined && line.indent >= indent; line = this.lines[this.at]) {
      if (line.indent > indent) return FAIL;
      const key = KEY.exec(line.content);
      const name = key?.[1];
      if (key === null || name === undefined || !usableKey(name, seen)) return FAIL;
      this.at++;
      const value = this.valueAfter(line.content.slice(key[0].length), indent, depth, false);
      if (value === FAIL) return FAIL;
      out[name] = value;
    }
    return out;
  }

  private list(indent: number, depth: number): Read {
    const out: unknown[] = [];
    for (let line = this.lines[this.at]; line !== undefined && line.indent >= indent; line = this.lines[this.at]) {
      if (line.indent > indent) return FAIL;
      const dash = ITEM.exec(line.content);
      if (dash === null) return FAIL;
      const rest = line.content.slice(dash[0].length);
      let value: Read;
      if (KEY.test(rest)) {
        // `- key: value`: a mapping whose keys line up with this first one.
        const inner = indent + dash[0].length;
        this.lines[this.at] = { indent: inner, content: rest };
        value = this.block(inner, depth + 1);
      } else {
        this.at++;
        value = this.valueAfter(rest, indent, depth, true);
      }
      if (value === FAIL) return FAIL;
      out.push(value);
    }
    return out;
  }

  /**
   * The value written after a key or a dash (`rest`): on the same line, or, when nothing is
   * there, the block on the lines below, indented more (none: null).
   */
  private valueAfter(rest: string, indent: number, depth: number, item: boolean): Read {
    const next = this.lines[this.at];
    if (rest === '' || rest.startsWith('#')) {
      if (next !== undefined && next.indent > indent) return this.block(next.indent, depth + 1);
      // `key:` with a list at the key's own indentation, or `- ` then `-`: parseYaml's to read.
      if (next !== undefined && next.indent === indent && (ITEM.test(next.content) || item)) return FAIL;
      return null;
    }
    // A line indented more below a value on its line: a scalar over several lines, or an error.
    if (next !== undefined && next.indent > indent) return FAIL;
    return oneLineValue(rest);
  }
}

function usableKey(name: string, seen: Set<string>): boolean {
  if (SPECIAL_KEY.test(name) || UNSAFE_KEYS.has(name) || seen.has(name)) return false;
  seen.add(name);
  return true;
}

/** A scalar, or a flow mapping or list of scalars, and nothing after it but a comment. */
function oneLineValue(rest: string): Read {
  const first = rest[0];
  if (first === '"' || first === "'" || first === '{' || first === '[') {
    const read = first === '{' || first === '[' ? flowCollection(rest, 0) : quoted(rest, 0);
    return read === FAIL || !LINE_END.test(rest.slice(read.end)) ? FAIL : read.value;
  }
  const comment = rest.indexOf(' #');
  const text = trimSpacesEnd(comment < 0 ? rest : rest.slice(0, comment));
  if (text.includes(': ') || text.endsWith(':')) return FAIL;
  return plainScalar(text);
}

interface Scanned {
  readonly value: unknown;
  /** Where the text after it starts. */
  readonly end: number;
}

/** A quoted string starting at `from`, without escapes (`\`, or `''` in single quotes). */
function quoted(text: string, from: number): Scanned | typeof FAIL {
  const quote = text[from];
  if (quote === undefined) return FAIL;
  const close = text.indexOf(quote, from + 1);
  if (close < 0 || text[close + 1] === quote) return FAIL;
  const value = text.slice(from + 1, close);
  if (quote === '"' && value.includes('\\')) return FAIL;
  return { value, end: close + 1 };
}

/**
 * `{ key: scalar, … }` or `[scalar, …]` starting at `from`, on one line, nothing nested: keys
 * plain, values quoted or plain words without `:` `#` or brackets.
 */
function flowCollection(text: string, from: number): Scanned | typeof FAIL {
  const isMap = text[from] === '{';
  const close = isMap ? '}' : ']';
  const map: Record<string, unknown> = {};
  const list: unknown[] = [];
  const seen = new Set<string>();
  let at = skipSpaces(text, from + 1);
  if (text[at] === close) return { value: isMap ? map : list, end: at + 1 };
  for (;;) {
    let name: string | undefined;
    if (isMap) {
      const key = /^([A-Za-z_][A-Za-z0-9_.-]*): +/.exec(text.slice(at));
      name = key?.[1];
      if (key === null || name === undefined || !usableKey(name, seen)) return FAIL;
      at += key[0].length;
    }
    let value: unknown;
    const first = text[at];
    if (first === '"' || first === "'") {
      const read = quoted(text, at);
      if (read === FAIL) return FAIL;
      value = read.value;
      at = skipSpaces(text, read.end);
    } else {
      let end = at;
      while (end < text.length && !',]}'.includes(text.charAt(end))) end++;
      const word = trimSpacesEnd(text.slice(at, end));
      if (/[:#[\]{}]/.test(word)) return FAIL;
      value = plainScalar(word);
      if (value === FAIL) return FAIL;
      at = end;
    }
    if (name !== undefined) map[name] = value;
    else list.push(value);
    if (text[at] === close) return { value: isMap ? map : list, end: at + 1 };
    if (text[at] !== ',') return FAIL;
    at = skipSpaces(text, at + 1);
    // A comma before the closing bracket (allowed by YAML) is left to parseYaml.
    if (text[at] === close) return FAIL;
  }
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === ' ') end--;
  return text.slice(0, end);
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ') at++;
  return at;
}

/**
 * A plain scalar as the core schema reads it: null, a boolean, a decimal integer (a safe one),
 * a decimal, or else a string. Any other number form (`+1`, `007`, `1e3`, `.5`, `0x1f`, `.inf`),
 * or a word starting with an indicator, is left to parseYaml.
 */
function plainScalar(text: string): Read {
  if (text === '') return FAIL;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (INTEGER.test(text)) {
    const n = Number(text);
    // -0 reads as the integer 0 there; past 2^53 − 1 is a diagnostic (yaml_integer_too_large).
    return text === '-0' || !Number.isSafeInteger(n) ? FAIL : n;
  }
  if (DECIMAL.test(text)) {
    // 212.0000000000000001 reads as 212: left to parseYaml, which says so (yaml_number_inexact).
    const n = Number.parseFloat(text);
    return readsExactly(text, n) ? n : FAIL;
  }
  return NOT_PLAIN_START.test(text) ? FAIL : text;
}

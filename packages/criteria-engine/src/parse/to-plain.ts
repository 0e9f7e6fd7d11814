/**
 * Turns composed yaml nodes into plain data, checking what only the composed tree shows:
 * unsafe keys, integers past 2^53 − 1, aliases that point at themselves, and the cost of
 * expanding aliases. We do not call yaml's `toJS`: it would assign `__proto__` keys and follow
 * self-references into cycles before we could object.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import type { Alias, Document, Node, Scalar, YAMLMap } from 'yaml';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../diagnostics/params.js';
import type { SourceText } from '../diagnostics/source.js';
import { toPointer } from '../diagnostics/pointer.js';
import { nonDecimalNumber, readsExactly } from './exact-number.js';
import type { ParseLimits } from './limits.js';

/** Keys that would reach or shadow an object prototype in JavaScript consumers. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The first character of `text` that a text never needs and that changes how what follows is
 * shown, as U+XXXX: C0 controls but tab and line ends, DEL, C1 controls, and the bidirectional
 * embeddings, overrides and isolates. A quoted escape (`"\e[31m"`) writes them, and a report, a
 * terminal or `lcz docs` would print them as they are. A NUL written as is (`rawNul`) is left to
 * yaml_nul_byte, which parse-yaml.ts reports for the whole file.
 */
function controlCharacter(text: string, rawNul: boolean): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && !(c === 0 && rawNul)) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (control) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

export interface DuplicateKey {
  readonly key: string;
  readonly range: Range;
  readonly firstOffset: number;
}

export interface PlainResult {
  readonly value: unknown;
  /** True when a resource limit stopped the conversion: the value is incomplete. */
  readonly aborted: boolean;
  /** Start offset of each duplicate key (as yaml reports it) → the key and its first occurrence. */
  readonly duplicates: ReadonlyMap<number, DuplicateKey>;
  /**
   * Where each explicitly tagged node starts (after its tag) and its path in the value: the
   * token scan finds the tags, and a tag's problem is placed at the part it changes.
   */
  readonly tagged: readonly { readonly start: number; readonly path: string }[];
}

class Converter {
  readonly diagnostics: Diagnostic[] = [];
  readonly duplicates = new Map<number, DuplicateKey>();
  readonly tagged: { start: number; path: string }[] = [];
  aborted = false;
  /** The path of the node being converted: a problem here names the part of the file it is in. */
  private readonly at: (string | number)[] = [];
  private aliasUses = 0;
  /** Collections being converted, outermost first: an alias to one of them is a cycle. */
  private readonly ancestors: Node[] = [];
  /** Aliases being expanded, outermost first. */
  private readonly expanding: Alias[] = [];
  /** What each alias refers to, computed once (yaml's `Alias.resolve` walks the whole document per call). */
  private readonly targets: ReadonlyMap<Alias, Node | undefined>;

  constructor(
    doc: Document.Parsed,
    private readonly source: SourceText,
    private readonly limits: ParseLimits,
  ) {
    this.targets = resolveAliases(doc);
  }

  convert(node: Node | null | undefined, depth: number): unknown {
    if (this.aborted || node === null || node === undefined) return null;
    if (isAlias(node)) return this.convertAlias(node, depth);
    if (node.tag !== undefined && node.range && this.expanding.length === 0)
      this.tagged.push({ start: node.range[0], path: toPointer(this.at) });
    if (isScalar(node)) return this.convertScalar(node);
    if (isMap(node) || isSeq(node)) {
      const own = depth + 1;
      if (own > this.limits.maxDepth) {
        // Reached only through aliases (plain nesting was measured on the CST already), so
        // point at the alias being expanded: that is where the file grows too deep.
        this.report('yaml_depth_limit', this.expanding[0]?.range ?? node.range, { max: this.limits.maxDepth });
        this.aborted = true;
        return null;
      }
      this.ancestors.push(node);
      try {
        return isMap(node) ? this.convertMap(node, own) : node.items.map((item, i) => this.within(i, item, own));
      } finally {
        this.ancestors.pop();
      }
    }
    return null;
  }

  private convertAlias(node: Alias, depth: number): unknown {
    const target = this.targets.get(node);
    if (!target) {
      this.report('yaml_syntax', node.range, {
        reason: 'BAD_ALIAS',
        detail: `Unresolved alias *${node.source} (the anchor &${node.source} must come before it)`,
      });
      return null;
    }
    if (this.ancestors.includes(target)) {
      this.report('yaml_self_alias', node.range, { alias: node.source });
      return null;
    }
    this.aliasUses += 1;
    if (this.aliasUses > this.limits.maxAliasCount) {
      this.report('yaml_alias_limit', node.range, { max: this.limits.maxAliasCount });
      this.aborted = true;
      return null;
    }
    this.expanding.push(node);
    try {
      return this.convert(target, depth);
    } finally {
      this.expanding.pop();
    }
  }

  private convertScalar(node: Scalar): unknown {
    const value = node.value;
    if (typeof value === 'bigint' || typeof value === 'number') {
      const text = this.sourceOf(node.range);
      const other = nonDecimalNumber(text, value);
      if (other !== false) {
        this.report('yaml_number_not_decimal', node.range, { value: text, ...other }, this.at);
        // The number it reads as: the error above is the one problem said of it (as text, a
        // rule file's schema would add "expected a number" at the same place).
        return Number(value);
      }
    }
    if (typeof value === 'bigint') {
      if (value > MAX_SAFE || value < -MAX_SAFE) {
        this.report(
          'yaml_integer_too_large',
          node.range,
          {
            value: this.sourceOf(node.range) || value.toString(),
            max: Number.MAX_SAFE_INTEGER,
          },
          this.at,
        );
      }
      return Number(value);
    }
    if (typeof value === 'number') {
      const text = this.sourceOf(node.range);
      if (!readsExactly(text, value)) {
        this.report('yaml_number_inexact', node.range, { value: text, read: String(value) }, this.at);
      }
      return value;
    }
    if (typeof value === 'string') {
      const char = this.controlIn(value, node.range);
      if (char !== undefined) this.report('yaml_control_character', node.range, { char }, this.at);
      return value;
    }
    if (value === null || typeof value === 'boolean') {
      return value;
    }
    // Only an explicit tag (already reported) yields other values (Uint8Array, Date…): keep the text.
    return node.source ?? this.sourceOf(node.range);
  }

  private convertMap(node: YAMLMap, depth: number): Record<string, unknown> {
    // A plain object is safe here because the only keys that could reach its prototype are
    // refused below and never assigned.
    const result: Record<string, unknown> = {};
    const firstKeys = new Map<string, Node>();
    for (const pair of node.items) {
      const keyNode = pair.key;
      // Non-scalar keys are reported by yaml (NON_STRING_KEY) and have no place in plain data.
      if (!isScalar(keyNode)) continue;
      const key = String(keyNode.value);
      const char = this.controlIn(key, keyNode.range);
      if (char !== undefined) this.report('yaml_control_character', keyNode.range, { char }, [...this.at, key]);
      if (UNSAFE_KEYS.has(key)) {
        this.report('yaml_unsafe_key', keyNode.range, { key }, [...this.at, key]);
        continue;
      }
      const first = firstKeys.get(key);
      if (first) {
        // Reported here, not by yaml (its check is quadratic, see parse-yaml.ts), with the
        // line of the first use so the message can name it.
        if (keyNode.range && first.range) {
          this.duplicates.set(keyNode.range[0], {
            key,
            range: [keyNode.range[0], keyNode.range[1]],
            firstOffset: first.range[0],
          });
          // The path is the key's: the part set aside past this error is the one that holds it.
          this.report(
            'yaml_duplicate_key',
            keyNode.range,
            { key, first_line: this.source.position(first.range[0]).line },
            [...this.at, key],
          );
        }
        continue;
      }
      firstKeys.set(key, keyNode);
      result[key] = this.within(key, pair.value, depth);
    }
    return result;
  }

  private within(step: string | number, item: unknown, depth: number): unknown {
    this.at.push(step);
    try {
      return this.convert(nodeOrNull(item), depth);
    } finally {
      this.at.pop();
    }
  }

  /** controlCharacter of a scalar's value; its source is read only when the value has one. */
  private controlIn(text: string, range: Node['range']): string | undefined {
    if (controlCharacter(text, false) === undefined) return undefined;
    return controlCharacter(text, this.sourceOf(range).includes('\u0000'));
  }

  private sourceOf(range: Node['range']): string {
    return range ? this.source.text.slice(range[0], range[1]) : '';
  }

  private report<C extends DiagnosticCode>(
    code: C,
    range: Node['range'],
    params: DiagnosticParams<C>,
    path?: readonly (string | number)[],
  ): void {
    const r: Range | undefined = range ? [range[0], range[1]] : undefined;
    // Inside an alias's expansion the path is where the copy lands, not where the text is.
    const where = path !== undefined && this.expanding.length === 0 ? { path: toPointer(path) } : {};
    this.diagnostics.push(this.source.diagnostic(code, r, params, where));
  }
}

/**
 * YAML's rule, as yaml implements it: an alias refers to the last node with that anchor that
 * comes before it in document order. A collection comes before its own children, so an alias
 * inside an anchored collection refers to that collection: the self-reference we reject.
 */
function resolveAliases(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Alias: (_key, alias) => {
      targets.set(alias, anchors.get(alias.source));
    },
    Node: (_key, node) => {
      if (!isAlias(node) && node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

export function toPlain(
  doc: Document.Parsed,
  source: SourceText,
  limits: ParseLimits,
): PlainResult & { readonly diagnostics: readonly Diagnostic[] } {
  const converter = new Converter(doc, source, limits);
  const value = converter.convert(doc.contents, 0);
  return {
    value: converter.aborted ? undefined : value,
    aborted: converter.aborted,
    duplicates: converter.duplicates,
    tagged: converter.tagged,
    diagnostics: converter.diagnostics,
  };
}

/** A collection's item or a pair's value: a node in a parsed document, or null where nothing is written. */
function nodeOrNull(item: unknown): Node | null {
  return isNode(item) ? item : null;
}

/**
 * What an editor needs to know about a rule file while it is being typed: the names it declares
 * (facts, context attributes, parameters, definitions) with their declarations' places, and the
 * YAML tree with offsets. Read leniently, with no schema and no compile: a file with errors, or
 * half a line typed, still has an outline, so completion and hover keep working while the
 * engine's diagnostics say what is wrong.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';

export type SymbolKind = 'fact' | 'context' | 'parameter' | 'definition';

/** A text in the languages the rule file wrote it in (`{ vi: …, en: … }`). */
export type Texts = Readonly<Record<string, string>>;

export interface DeclaredValue {
  readonly id: string;
  readonly label?: Texts;
}

/** A name a rule file declares, and where. Offsets are UTF-16 code units into `file`'s text. */
export interface DeclaredSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly file: string;
  readonly from: number;
  readonly to: number;
  /** `integer`, `boolean`, `enum`, `ordinal`… as declared (absent for definitions). */
  readonly type?: string;
  readonly label?: Texts;
  readonly unit?: Texts;
  readonly help?: Texts;
  readonly values?: readonly DeclaredValue[];
  readonly partOf?: string;
  readonly min?: number;
  readonly max?: number;
  /** A parameter's value. */
  readonly value?: number;
}

export interface RuleTextOutline {
  readonly file: string;
  readonly text: string;
  readonly symbols: readonly DeclaredSymbol[];
  /** The paths named in `include:`, as written. */
  readonly includes: readonly string[];
  /** A rule file or a fragment (it declares facts or groups, or says `kind: fragment`), not another YAML file. */
  readonly isRuleFile: boolean;
}

/**
 * The YAML tree of each outline (lenient parse), kept out of the published type so that users'
 * type checks never need yaml's declarations; undefined when the text was too large to read.
 */
const TREES = new WeakMap<RuleTextOutline, YamlNode>();

export function treeOf(outline: RuleTextOutline): YamlNode | undefined {
  return TREES.get(outline);
}

/**
 * Editors send the whole text on each change: above this many characters the outline is left
 * empty rather than tying up the editor (the engine's own limits still report the file).
 */
export const MAX_OUTLINE_CHARS = 4 * 1024 * 1024;

const SECTIONS: readonly (readonly [key: string, kind: SymbolKind])[] = [
  ['facts', 'fact'],
  ['context', 'context'],
  ['parameters', 'parameter'],
  ['definitions', 'definition'],
];

export function outlineRuleText(text: string, file: string): RuleTextOutline {
  if (text.length > MAX_OUTLINE_CHARS) return { file, text, symbols: [], includes: [], isRuleFile: false };
  let doc: Document;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false, merge: false, prettyErrors: false });
  } catch {
    // A tree too deep to compose (the engine's parse stage reports it, located): no outline.
    return { file, text, symbols: [], includes: [], isRuleFile: false };
  }
  const root = doc.contents ?? undefined;
  const symbols: DeclaredSymbol[] = [];
  const includes: string[] = [];
  if (isMap(root)) {
    for (const [key, kind] of SECTIONS) {
      const section = root.get(key, true);
      if (isMap(section)) symbols.push(...declarations(section, kind, file));
    }
    const include = root.get('include', true);
    if (isSeq(include))
      for (const item of include.items) if (isScalar(item) && typeof item.value === 'string') includes.push(item.value);
  }
  const isRuleFile = isMap(root) && (root.has('facts') || root.has('groups') || root.get('kind') === 'fragment');
  const outline: RuleTextOutline = { file, text, symbols, includes, isRuleFile };
  if (root) TREES.set(outline, root);
  return outline;
}

function declarations(section: YAMLMap, kind: SymbolKind, file: string): DeclaredSymbol[] {
  const out: DeclaredSymbol[] = [];
  for (const pair of section.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const body = isMap(pair.value) ? plainOf(pair.value) : {};
    const values = Array.isArray(body['values'])
      ? body['values'].flatMap((v: unknown): DeclaredValue[] => {
          if (!isRecord(v) || typeof v['id'] !== 'string') return [];
          const label = texts(v['label']);
          return [label ? { id: v['id'], label } : { id: v['id'] }];
        })
      : undefined;
    const optional = {
      type: typeof body['type'] === 'string' ? body['type'] : undefined,
      label: texts(body['label']),
      unit: texts(body['unit']),
      help: texts(body['help']),
      values,
      partOf: typeof body['part_of'] === 'string' ? body['part_of'] : undefined,
      min: typeof body['min'] === 'number' ? body['min'] : undefined,
      max: typeof body['max'] === 'number' ? body['max'] : undefined,
      value: typeof body['value'] === 'number' ? body['value'] : undefined,
    };
    out.push({
      name: pair.key.value,
      kind,
      file,
      from: pair.key.range[0],
      to: pair.key.range[1],
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    });
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping as plain data (yaml types `toJSON` as any; a map without options gives an object). */
export function plainOf(map: YAMLMap): Record<string, unknown> {
  const value: unknown = map.toJSON();
  return isRecord(value) ? value : {};
}

/** A `{ vi: …, en: … }` text as written (every string entry), or undefined. */
export function texts(value: unknown): Texts | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

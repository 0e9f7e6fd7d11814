/**
 * The thresholds a criterion cannot pass without: the structured comparisons (`{fact, at_least}`,
 * `{percent, at_least}`, `{fact, is}` …) written directly in its condition or inside its `all:`,
 * with where each is written. Thresholds under `any:` or `not:`, and conditions written as
 * expression text, are not necessary in this sense and are left out.
 */
import type { FactInfo } from '../compile/compiled-ruleset.js';
import type { ConditionDocument } from '../validate/ruleset-document.js';
import type { DocumentPath } from './findings.js';

/** A comparison of one fact with a constant; ratings and yes/no compare by rank (false 0, true 1). */
export interface CompareAtom {
  readonly kind: 'compare';
  readonly fact: string;
  readonly op: '>=' | '<=' | '==';
  readonly value: number;
}

/**
 * A threshold on the ratio of two facts, `part × scale op value × whole` (a percentage: scale
 * 100); when the whole is 0 it holds exactly when `zeroHolds`.
 */
export interface RatioAtom {
  readonly kind: 'ratio';
  readonly part: string;
  readonly whole: string;
  readonly op: '>=' | '<=';
  readonly value: number;
  readonly scale: number;
  readonly zeroHolds: boolean;
}

export type Atom = CompareAtom | RatioAtom;

export interface LocatedAtom {
  readonly atom: Atom;
  readonly path: DocumentPath;
  /** The threshold as people read it: `items_done / total_items ≥ 100%`, `rating ≥ tot`. */
  readonly text: string;
}

const OPS = [
  ['at_least', '>=', '≥'],
  ['at_most', '<=', '≤'],
  ['equals', '==', '='],
] as const;

export function necessaryAtoms(
  doc: ConditionDocument,
  path: DocumentPath,
  facts: ReadonlyMap<string, FactInfo>,
): LocatedAtom[] {
  if (typeof doc === 'string') return [];
  if ('all' in doc) return doc.all.flatMap((item, i) => necessaryAtoms(item, [...path, 'all', i], facts));
  // None of "at least k of" is necessary on its own (unless k = n, left to the interval checks).
  if ('any' in doc || 'not' in doc || 'of' in doc) return [];
  // The rule format's structured percentage (`percent: {part, whole}`, schemas/ruleset.schema.json).
  if ('percent' in doc) {
    const key = doc.at_least !== undefined ? 'at_least' : 'at_most';
    const value = doc.at_least ?? doc.at_most;
    if (value === undefined) return [];
    const op = key === 'at_least' ? '>=' : '<=';
    const { part, whole } = doc.percent;
    return [
      {
        atom: { kind: 'ratio', part, whole, op, value, scale: 100, zeroHolds: doc.if_whole_zero === 'pass' },
        path,
        text: `${part} / ${whole} ${op === '>=' ? '≥' : '≤'} ${value}%`,
      },
    ];
  }
  const fact = facts.get(doc.fact);
  if (!fact) return [];
  if ('is' in doc)
    return fact.type === 'boolean'
      ? [
          {
            atom: { kind: 'compare', fact: doc.fact, op: '==', value: doc.is ? 1 : 0 },
            path,
            text: `${doc.fact} = ${String(doc.is)}`,
          },
        ]
      : [];
  for (const [key, op, sign] of OPS) {
    if (!(key in doc)) continue;
    const raw = key === 'at_least' ? atLeast(doc) : key === 'at_most' ? atMost(doc) : equalsOf(doc);
    const value = rank(fact, raw);
    return value === undefined
      ? []
      : [{ atom: { kind: 'compare', fact: doc.fact, op, value }, path, text: `${doc.fact} ${sign} ${String(raw)}` }];
  }
  return [];
}

/** A threshold as a number on the fact's own scale; undefined for an enumeration (no order). */
function rank(fact: FactInfo, raw: number | string | boolean | undefined): number | undefined {
  if (typeof raw === 'number' && (fact.type === 'integer' || fact.type === 'number')) return raw;
  if (typeof raw === 'boolean' && fact.type === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'string' && fact.type === 'ordinal') {
    const i = (fact.values ?? []).findIndex((v) => v.id === raw);
    return i >= 0 ? i : undefined;
  }
  return undefined;
}

/** The facts an atom reads. */
export function atomFacts(atom: Atom): string[] {
  return atom.kind === 'compare' ? [atom.fact] : [atom.part, atom.whole];
}

/** The threshold a comparison writes under each key, read without widening the document. */
function atLeast(doc: ConditionDocument): number | string | undefined {
  return typeof doc === 'object' && 'at_least' in doc ? doc.at_least : undefined;
}

function atMost(doc: ConditionDocument): number | string | undefined {
  return typeof doc === 'object' && 'at_most' in doc ? doc.at_most : undefined;
}

function equalsOf(doc: ConditionDocument): number | string | boolean | undefined {
  return typeof doc === 'object' && 'equals' in doc ? doc.equals : undefined;
}

/**
 * The names an expression may use: facts, context attributes and parameters, each with its type.
 * Ids are unique across the three kinds (a duplicate is a load error), so a name means one thing.
 */
import type { Typed } from './typed.js';
import type { ValueType } from './types.js';

export type NameSymbol =
  | {
      readonly kind: 'fact';
      readonly id: string;
      readonly type: ValueType;
      readonly slot: number;
      /** The decimals its values may have (0 for integers), when bounded: thresholds may not have more. */
      readonly decimals?: number | undefined;
    }
  | { readonly kind: 'context'; readonly id: string; readonly type: ValueType; readonly slot: number }
  | { readonly kind: 'parameter'; readonly id: string; readonly type: ValueType; readonly value: number }
  /** A derived quantity (derived:), checked on first use; undefined while it is being checked (a cycle). */
  | { readonly kind: 'derived'; readonly id: string; resolve(): Typed | undefined }
  /** A named condition (definitions:), checked on first use; undefined while it is being checked (a cycle). */
  | { readonly kind: 'definition'; readonly id: string; resolve(): Typed | undefined };

export interface Scope {
  lookup(name: string): NameSymbol | undefined;
  names(): Iterable<string>;
}

export function createScope(symbols: readonly NameSymbol[]): Scope {
  const byName = new Map(symbols.map((s) => [s.id, s]));
  return {
    lookup: (name) => byName.get(name),
    names: () => byName.keys(),
  };
}

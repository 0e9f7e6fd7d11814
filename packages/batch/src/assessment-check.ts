/**
 * A fast yes/no answer to "would the engine accept this assessment?", compiled once per ruleset
 * from its fact and context declarations. The engine's validateAssessment runs a zod schema and
 * builds diagnostics: right for one file, too slow for a million rows. Here a valid row costs a
 * few map look-ups; a row this check refuses goes through the engine's validation, which then
 * reports every problem with its path. So the engine remains the single source of diagnostics and
 * this check only has to agree with it on validity (test/row-check.test.ts checks that).
 *
 * What the engine checks, mirrored: the shape (only ruleset, area, context, facts; area fields
 * are text, date YYYY-MM-DD), the ruleset id, every key known, types, integer and bounds,
 * enumeration values, part ≤ whole; and the context rules and `required_when`, which only read
 * the context: their verdict is asked of the engine once per distinct context and remembered.
 */
import type { CompiledRuleset, FactInfo } from '@lcz/criteria-engine';

export type AssessmentCheck = (value: unknown) => boolean;

type ValueCheck = (v: unknown) => boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA_KEYS = new Set(['code', 'name', 'unit', 'date']);
const TOP_KEYS = new Set(['ruleset', 'area', 'context', 'facts']);

/** Whether a context (already of the right types) passes `required_when` and the context rules. */
export type ContextCheck = (context: Readonly<Record<string, unknown>>) => boolean;

/**
 * The context rules and `required_when` read the context only, and a context has few possible
 * values: the engine's verdict on each distinct one is asked once and remembered.
 */
export function compileContextCheck(ruleset: CompiledRuleset): ContextCheck {
  const contextIds = ruleset.context.map((a) => a.id);
  const verdicts = new Map<string, boolean>();
  return (context) => {
    let key = '';
    for (const id of contextIds) {
      const v = context[id];
      key += v === undefined || v === null ? '\u0000' : `${typeof v}:${String(v)}`;
      key += '\u0001';
    }
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = ruleset.validateAssessment({ context, facts: {} }).diagnostics.length === 0;
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}

/** The pairs (part, whole) whose values must satisfy part ≤ whole. */
export function partPairs(ruleset: CompiledRuleset): readonly (readonly [part: string, whole: string])[] {
  return ruleset.facts.filter((f) => f.partOf !== undefined).map((f) => [f.id, f.partOf as string] as const);
}

/** The range a number fact's values must lie in: its declared bounds, and for integers the safe range. */
export function numberBounds(f: FactInfo): { readonly lo: number; readonly hi: number } | undefined {
  if (f.type !== 'integer' && f.type !== 'number') return undefined;
  const min = f.min ?? -Infinity;
  const max = f.max ?? Infinity;
  if (f.type === 'number') return { lo: min, hi: max };
  return { lo: Math.max(min, Number.MIN_SAFE_INTEGER), hi: Math.min(max, Number.MAX_SAFE_INTEGER) };
}

/** A number within the fact's declared bounds (and, for integers, whole and safe). */
export function numberCheck(f: FactInfo): ((v: number) => boolean) | undefined {
  const bounds = numberBounds(f);
  if (bounds === undefined) return undefined;
  const { lo, hi } = bounds;
  if (f.type === 'number') return (v) => Number.isFinite(v) && v >= lo && v <= hi;
  return (v) => Number.isInteger(v) && v >= lo && v <= hi;
}

export function compileAssessmentCheck(ruleset: CompiledRuleset): AssessmentCheck {
  const factChecks = new Map<string, ValueCheck>();
  for (const f of ruleset.facts) factChecks.set(f.id, factCheck(f));
  const parts = partPairs(ruleset);

  const contextChecks = new Map<string, ValueCheck>();
  for (const a of ruleset.context) {
    const ids = new Set((a.values ?? []).map((v) => v.id));
    contextChecks.set(
      a.id,
      a.type === 'boolean' ? (v) => typeof v === 'boolean' : (v) => typeof v === 'string' && ids.has(v),
    );
  }
  const contextHolds = compileContextCheck(ruleset);

  return (value) => {
    if (!isRecord(value)) return false;
    for (const key in value) if (!Object.hasOwn(value, key) || !TOP_KEYS.has(key)) return false;
    if (value['ruleset'] !== undefined && value['ruleset'] !== ruleset.id) return false;
    const area = value['area'];
    if (area !== undefined) {
      if (!isRecord(area)) return false;
      for (const key in area) {
        if (!Object.hasOwn(area, key) || !AREA_KEYS.has(key)) return false;
        const v = area[key];
        if (v !== undefined && typeof v !== 'string') return false;
        if (key === 'date' && v !== undefined && !DATE.test(v as string)) return false;
      }
    }
    const context = value['context'];
    const facts = value['facts'];
    if (!isRecord(context) || !isRecord(facts)) return false;
    for (const key in context) {
      if (!Object.hasOwn(context, key)) return false;
      const check = contextChecks.get(key);
      if (check === undefined) return false;
      const v = context[key];
      if (v !== null && v !== undefined && !check(v)) return false;
    }
    for (const key in facts) {
      if (!Object.hasOwn(facts, key)) return false;
      const check = factChecks.get(key);
      if (check === undefined) return false;
      const v = facts[key];
      if (v !== null && v !== undefined && !check(v)) return false;
    }
    for (const [part, whole] of parts) {
      const p = facts[part];
      const w = facts[whole];
      if (typeof p === 'number' && typeof w === 'number' && p > w) return false;
    }
    return contextHolds(context);
  };
}

function factCheck(f: FactInfo): ValueCheck {
  switch (f.type) {
    case 'integer':
    case 'number': {
      const inBounds = numberCheck(f) as (v: number) => boolean;
      return (v) => typeof v === 'number' && inBounds(v);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum':
    case 'ordinal': {
      const ids = new Set((f.values ?? []).map((v) => v.id));
      return (v) => typeof v === 'string' && ids.has(v);
    }
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

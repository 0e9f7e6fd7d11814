/**
 * The checked slot filler (src/compile/slots.ts) walks an object's keys in an order it learnt from
 * earlier objects; whatever the objects look like, it must give what reading each declared name
 * by name gives: the value when its JavaScript type is the slot's kind, unknown otherwise, and
 * `false` when a value has the wrong type (null and undefined are only "not supplied").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCheckedSlotFiller, type SlotKind } from '../../src/compile/slots.js';
import type { Value } from '../../src/compile/types.js';

const CONTEXT = ['kind'];
const FACTS = ['a', 'b', 'c', 'd', 'e', 'f'];
const KINDS: SlotKind[] = ['string', 'number', 'boolean', 'number', 'string', 'boolean', 'number'];

/** The meaning: each declared name read by name, its type checked. */
function byName(context: unknown, facts: unknown): { slots: Value[]; ok: boolean } {
  const isRecord = (x: unknown) => x == null || (typeof x === 'object' && !Array.isArray(x));
  let ok = isRecord(context) && isRecord(facts);
  const slots: Value[] = [];
  const names = [...CONTEXT, ...FACTS];
  names.forEach((id, i) => {
    const from = i < CONTEXT.length ? context : facts;
    const v: unknown = typeof from === 'object' && from !== null ? Reflect.get(from, id) : undefined;
    if (typeof v === KINDS[i] && (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string'))
      slots.push(v);
    else {
      slots.push(undefined);
      if (v != null) ok = false;
    }
  });
  return { slots, ok };
}

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, min: -10, max: 10 }),
  fc.boolean(),
  fc.constantFrom('x', 'y'),
  fc.constant(null),
  fc.constant(undefined),
);

/** An object with some declared names (in any order), some other keys, in a few forms. */
const factsObject = fc
  .tuple(
    fc.shuffledSubarray([...FACTS, 'extra1', 'extra2', '0'], { minLength: 0 }),
    fc.array(anyValue, { minLength: 9, maxLength: 9 }),
    fc.constantFrom('plain', 'hidden', 'inherited', 'nullProto'),
  )
  .map(([keys, values, form]) => {
    const o: Record<string, unknown> = form === 'nullProto' ? Object.create(null) : {};
    keys.forEach((k, i) => {
      o[k] = values[i];
    });
    // A declared name that a `for…in` does not meet: not enumerable, or on the prototype.
    if (form === 'hidden') Object.defineProperty(o, 'c', { value: values[8], enumerable: false });
    if (form === 'inherited') return Object.assign(Object.create({ d: values[8] }), o);
    return o;
  });

describe('the checked slot filler', () => {
  it('gives what reading every declared name by name gives, object after object', () => {
    const fill = createCheckedSlotFiller(CONTEXT, FACTS, KINDS);
    const out: Value[] = [];
    const input = fc.array(
      fc.tuple(fc.oneof(fc.constant({ kind: 'x' }), fc.constant(undefined), factsObject), factsObject),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(input, (calls) => {
        for (const [context, facts] of calls) {
          const ok = fill(context, facts, out);
          expect({ slots: [...out], ok }).toEqual(byName(context, facts));
        }
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('reads objects in the learnt order and after the order changes', () => {
    const fill = createCheckedSlotFiller(CONTEXT, FACTS, KINDS);
    const out: Value[] = [];
    const same = { a: 1, b: true, c: 2.5, d: 'x', e: false, f: 3 };
    const reversed = { f: 4, e: true, d: 'y', c: 1.5, b: false, a: 2 };
    // Many of one order, then many more of another than the filler tolerates before relearning.
    for (let i = 0; i < 40; i++) {
      expect(fill({ kind: 'x' }, same, out)).toBe(true);
      expect(out).toEqual(['x', 1, true, 2.5, 'x', false, 3]);
    }
    for (let i = 0; i < 40; i++) {
      expect(fill({ kind: 'y' }, reversed, out)).toBe(true);
      expect(out).toEqual(['y', 2, false, 1.5, 'y', true, 4]);
    }
    // A value of the wrong type is left unknown and reported; a missing one is unknown.
    expect(fill({ kind: 'x' }, { ...same, b: 'yes' }, out)).toBe(false);
    expect(out).toEqual(['x', 1, undefined, 2.5, 'x', false, 3]);
    const { f: _left, ...withoutF } = same;
    expect(fill({ kind: 'x' }, withoutF, out)).toBe(true);
    expect(out).toEqual(['x', 1, true, 2.5, 'x', false, undefined]);
  });

  it('an object with more keys than it learns from is read by name; the objects after it read right', () => {
    const fill = createCheckedSlotFiller(CONTEXT, FACTS, KINDS);
    const out: Value[] = [];
    const wide: Record<string, unknown> = { a: 7, b: false, c: 0.5, d: 'w', e: true, f: 9 };
    for (let i = 0; i < 60; i++) wide[`extra${i}`] = i; // past the learning buffers (2 × 6 + 16 keys)
    for (let i = 0; i < 40; i++) {
      expect(fill({ kind: 'w' }, wide, out)).toBe(true);
      expect(out).toEqual(['w', 7, false, 0.5, 'w', true, 9]);
    }
    const plain = { a: 1, b: true, c: 2.5, d: 'x', e: false, f: 3 };
    for (let i = 0; i < 40; i++) {
      expect(fill({ kind: 'x' }, i % 3 === 0 ? wide : plain, out)).toBe(true);
      expect(out).toEqual(i % 3 === 0 ? ['x', 7, false, 0.5, 'w', true, 9] : ['x', 1, true, 2.5, 'x', false, 3]);
    }
  });
});

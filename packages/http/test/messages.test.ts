/** The Vietnamese and English catalogs have the same keys, the same placeholders, and real text. */
import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { vi } from '../src/messages/vi.js';
import { PROBLEM_KINDS } from '../src/problem.js';

const placeholders = (text: string | undefined) => [...(text ?? '').matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in both languages with the same placeholders, hints alike', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const e: { message: string; hint?: string } = en[key];
      const v = vi[key];
      expect(placeholders(v.message), key).toEqual(placeholders(e.message));
      expect(placeholders(v.hint), key).toEqual(placeholders(e.hint));
      expect(v.hint === undefined, key).toBe(e.hint === undefined);
    }
  });

  it('translates: Vietnamese differs from English except for words that are the same (null)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => vi[k].message === en[k].message);
    expect(same).toEqual(['type_null']);
  });

  it('gives every problem kind a title in both languages', () => {
    for (const { title } of Object.values(PROBLEM_KINDS)) {
      expect(en[title].message.length).toBeGreaterThan(3);
      expect(vi[title].message.length).toBeGreaterThan(3);
    }
  });
});

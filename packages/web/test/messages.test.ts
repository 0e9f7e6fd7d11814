import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { t, toLang } from '../src/messages/index.js';
import { vi } from '../src/messages/vi.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the component’s messages', () => {
  it('Vietnamese and English have the same keys and, per key, the same placeholders', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(vi[key])]).toEqual([key, placeholders(en[key])]);
      expect(vi[key].trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'group_count', { passed: 3, applicable: 4, required: 4 })).toBe('đạt 3/4 · cần 4');
    expect(t('en', 'group_count', { passed: 3 })).toBe('3/{applicable} passed · {required} required');
  });

  it('reads a language attribute: English for en-*, Vietnamese otherwise', () => {
    expect([toLang('en'), toLang('en-GB'), toLang('EN'), toLang('vi'), toLang(null), toLang('fr')]).toEqual([
      'en',
      'en',
      'en',
      'vi',
      'vi',
      'vi',
    ]);
  });
});

describe('what the person typed, quoted in a message', () => {
  it('shows invisible and reordering characters as \\uXXXX (U+202E, U+2066, U+200B, BOM, U+FFFD)', () => {
    const typed = 'a\u202Eb\u2066c\u200Bd\uFEFFe\uFFFD\u0000';
    expect(t('en', 'field_bad_value', { value: typed })).toBe(
      '“a\\u202Eb\\u2066c\\u200Bd\\uFEFFe\\uFFFD\\u0000” is not one of the choices.',
    );
    expect(t('vi', 'field_bad_value', { value: typed })).toContain('a\\u202Eb\\u2066c\\u200Bd\\uFEFFe\\uFFFD\\u0000');
  });
});

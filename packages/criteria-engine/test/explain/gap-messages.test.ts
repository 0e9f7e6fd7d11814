import { describe, expect, it } from 'vitest';
import { gapEn } from '../../src/explain/messages/gap-en.js';
import { gapVi } from '../../src/explain/messages/gap-vi.js';
import { placeholders } from '../../src/explain/text-tools.js';

describe('gap analysis messages', () => {
  it('vi and en define the same keys', () => {
    expect(Object.keys(gapVi).sort()).toEqual(Object.keys(gapEn).sort());
  });

  it('each message uses the same {placeholders} in vi and en', () => {
    for (const key of Object.keys(gapEn) as (keyof typeof gapEn)[]) {
      expect(placeholders(gapVi[key]), key).toEqual(placeholders(gapEn[key]));
    }
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(gapVi), ...Object.entries(gapEn)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });
});

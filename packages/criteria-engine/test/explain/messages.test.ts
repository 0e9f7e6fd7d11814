import { describe, expect, it } from 'vitest';
import { en } from '../../src/explain/messages/en.js';
import { vi } from '../../src/explain/messages/vi.js';
import { placeholders } from '../../src/explain/text-tools.js';

describe('explain messages', () => {
  it('vi and en define the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('each message uses the same {placeholders} in vi and en', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(vi[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });
});

/**
 * A bug (an exception from a command) is not a user error: a short bilingual request to report
 * it, exit 70, and the stack only with LCZ_DEBUG=1.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { lcz } from './helpers.js';

vi.mock('../src/commands/validate.js', () => ({
  validate: () => {
    throw new TypeError('boom');
  },
}));

afterAll(() => {
  vi.doUnmock('../src/commands/validate.js');
});

describe('internal errors', () => {
  it('print a short message without a stack, exit 70', async () => {
    const { code, stdout, stderr } = await lcz(['validate', 'rules']);
    expect(code).toBe(70);
    expect(stdout).toBe('');
    expect(stderr).toContain('lcz: lỗi nội bộ');
    expect(stderr).toContain('lcz: internal error');
    expect(stderr).toContain('TypeError: boom');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('print the stack with LCZ_DEBUG=1', async () => {
    const { code, stderr } = await lcz(['validate', 'rules'], { env: { LCZ_DEBUG: '1' } });
    expect(code).toBe(70);
    expect(stderr).toMatch(/TypeError: boom\n\s+at /);
  });
});

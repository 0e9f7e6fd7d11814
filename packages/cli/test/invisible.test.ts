/**
 * What lcz prints quotes file names, option values and keys the user wrote: an invisible or
 * reordering character in them (U+202E, U+2066, U+200B, a BOM, U+FFFD, controls) is shown as
 * \uXXXX, in the CLI's own messages and in the engine's diagnostics alike.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeInvisible as engineEscape, interpolate } from '@lcz/criteria-engine';
import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { escapeInvisible, say } from '../src/session.js';
import { lcz } from './helpers.js';

// biome-ignore lint/complexity/useRegexLiterals: a literal would spell out control characters (noControlCharactersInRegex)
const RAW = new RegExp(
  '[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFD]',
);

describe('invisible characters in what lcz prints', () => {
  it("the CLI's copy of escapeInvisible agrees with the engine's on every UTF-16 code unit", () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('|');
    expect(escapeInvisible(all)).toBe(engineEscape(all));
    expect(escapeInvisible('a\u202Eb')).toBe('a\\u202Eb');
  });

  it("the CLI's copy of interpolate fills every message as the engine's does, agreeing words included", () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    let agreeing = 0;
    for (const key of keys) {
      const template = en[key];
      if (typeof template !== 'string') continue;
      if (/\{\w+\|/.test(template)) agreeing++;
      for (const n of [0, 1, 2]) {
        const params = Object.fromEntries([...template.matchAll(/\{(\w+)/g)].map((m) => [m[1] ?? '', n]));
        expect(say('en', key, params), key).toBe(interpolate(template, params));
      }
    }
    expect(agreeing).toBeGreaterThan(0);
    expect(say('en', 'validate_ok' as keyof typeof en, { groups: 1, criteria: 1, disqualifiers: 2 })).toMatch(
      /1 standard, 1 criterion, 2 disqualifiers/,
    );
  });

  it('a missing file whose name holds U+202E and U+2066: the message quotes it escaped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-invisible-'));
    const { code, stdout, stderr } = await lcz(['validate', join(dir, 'r\u202Elmay.yaml\u2066')]);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toContain('r\\u202Elmay.yaml\\u2066');
    expect(stdout + stderr).not.toMatch(RAW);
  });

  it('a rule file with a BOM inside a key and U+200B in a name: lcz validate shows \\uFEFF, \\u200B', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-invisible-'));
    const file = join(dir, 'ruleset.yaml');
    await writeFile(
      file,
      'ruleset:\n  id: x\n  version: "1"\n  title: { vi: a, en: a }\n\uFEFFgroups: []\nfacts\u200B: []\n',
    );
    const { code, stdout, stderr } = await lcz(['validate', file]);
    expect(code).toBe(1);
    expect(stdout + stderr).toContain('\\uFEFFgroups');
    expect(stdout + stderr).toContain('facts\\u200B');
    expect(stdout + stderr).not.toMatch(RAW);
  });

  it('an option value with U+FFFD and a control character (a usage error)', async () => {
    const { code, stderr } = await lcz(['evaluate', '--rules', 'rules', '--lang', 'x\uFFFD\u0007']);
    expect(code).toBe(2);
    expect(stderr).toContain('x\\uFFFD\\u0007');
    expect(stderr).not.toMatch(RAW);
  });
});

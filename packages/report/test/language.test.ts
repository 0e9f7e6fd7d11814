/** From JavaScript, an unknown language is a clear error naming vi and en, not a TypeError deep inside. */
import { describe, expect, it } from 'vitest';
import { evaluateBatch } from '@lcz/criteria-batch';
import { formatProblems, renderReport } from '../src/index.js';

const SUPPORTED = /unsupported language "fr"; the supported languages are "vi" \(Vietnamese\) and "en" \(English\)/;
const fr = 'fr' as never;

describe('an unknown language', () => {
  it('renderReport and formatProblems refuse it before doing anything', async () => {
    await expect(renderReport({} as never, { format: 'md', lang: fr })).rejects.toThrow(SUPPORTED);
    expect(() => formatProblems([], fr)).toThrow(SUPPORTED);
  });

  it('evaluateBatch refuses it before reading the file', () => {
    expect(() => evaluateBatch('no-such-file.csv', {} as never, { lang: fr })).toThrow(/evaluateBatch: .*"vi"/);
  });
});

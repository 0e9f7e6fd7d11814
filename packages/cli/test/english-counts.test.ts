/**
 * English counts agree with their number: every catalogue says `{n|one|other}` or puts the count
 * after a plural heading ("areas counted: 4"), never "area(s)". A scheme's own word for what is
 * assessed is free text, so it is never put inside `{n|…|…}`: the messages use `{assessed_many}`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

function englishCatalogues(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : englishCatalogues(path);
    return path.includes('/messages/') && /(^|-)en\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('English counts in every message catalogue', () => {
  const files = readdirSync(PACKAGES).flatMap((name) => {
    try {
      return englishCatalogues(join(PACKAGES, name, 'src'));
    } catch {
      return [];
    }
  });

  it('finds the catalogues of every package that prints', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('no English message writes "(s)" after a word or a placeholder', () => {
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/[A-Za-z}]\(s\)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('no scheme word sits inside an agreeing {n|one|other} (a rule file may put | or } in it)', () => {
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\{\w+\|[^}]*\{(assessed|grouped_by)/i.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});

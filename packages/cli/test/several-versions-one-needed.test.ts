/**
 * A command that needs one version (docs, template, schema, explain, report), given a folder of
 * several versions: it says so and names a version's folder to give, instead of "the rules in 'v'
 * have 0 errors; nothing was evaluated" (found by a scheme written from the docs alone, whose
 * record spanned two versions).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const FIXTURE = fileURLToPath(
  new URL('../../criteria-engine/test/fixtures/chinh-quyen-cap-xa/2025/ruleset.yaml', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'lcz-several-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, '2025'));
mkdirSync(join(dir, '2026'));
cpSync(FIXTURE, join(dir, '2025', 'ruleset.yaml'));
writeFileSync(
  join(dir, '2026', 'ruleset.yaml'),
  readFileSync(FIXTURE, 'utf8')
    .replace('version: "2025"', 'version: "2026"')
    .replace(
      'effective: { from: "2025-01-01", to: "2025-12-31" }',
      'effective: { from: "2026-01-01", to: "2026-12-31" }',
    ),
);

describe('a folder of several versions where one is needed', () => {
  it.each([
    ['docs', ['docs', '--rules', dir]],
    ['schema', ['schema', '--rules', dir]],
  ])('%s names the versions and a folder to give', async (_name, argv) => {
    for (const lang of ['en', 'vi'] as const) {
      const out = await lcz([...argv, '--lang', lang], { env: { LCZ_CACHE: '0' } });
      expect(out.code).toBe(1);
      expect(out.stderr).not.toMatch(/0 errors|0 lỗi/);
      expect(out.stderr).toContain(`(2025, 2026)`);
      expect(out.stderr).toContain(`--rules ${join(dir, '2026')}`);
    }
  });
});

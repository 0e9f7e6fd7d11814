/**
 * The prebuilt browser bundles as a plain script tag would run them: the IIFE evaluated in a
 * fresh JavaScript realm with only what browsers have (no require, no process, no Node modules)
 * exposes the engine on `LczCriteria` and evaluates like the engine does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import { BROWSER_BUNDLE, BROWSER_MODULE, buildBrowserBundles, type BuiltFile } from '../src/tooling/build-bundles.js';
import { laiChau, REPOSITORY } from './ruleset-fixtures.js';

/** The gzipped size the bundle must stay under (it is about 208 kB: zod, the engine with its validator, yaml; docs/web.md). */
const GZIP_BUDGET = 300_000;

let built: BuiltFile[];
beforeAll(async () => {
  built = await buildBrowserBundles();
});

describe('the browser bundles', () => {
  it('are built as an IIFE and an ES module, under the size budget', () => {
    for (const path of [BROWSER_BUNDLE, BROWSER_MODULE]) {
      const file = built.find((f) => f.path === path);
      expect(file, path).toBeDefined();
      expect(file?.gzipBytes).toBeLessThan(GZIP_BUDGET);
    }
  });

  it('carry no Node built-ins', () => {
    const text = readFileSync(BROWSER_BUNDLE, 'utf8');
    expect(text).not.toMatch(/\brequire\(["']/);
    expect(text).not.toMatch(/["']node:[a-z]/);
  });

  it('run in a realm with no Node globals and evaluate as the engine does', async () => {
    const realm: Record<string, unknown> = { TextEncoder, TextDecoder, URL, console };
    runInNewContext(readFileSync(BROWSER_BUNDLE, 'utf8'), realm, { filename: 'lcz-criteria.js' });
    const api = realm['LczCriteria'] as typeof import('../src/browser.js');
    expect(typeof api.loadRuleset).toBe('function');
    expect(typeof api.LczAssessmentElement).toBe('function');

    const text = readFileSync(join(REPOSITORY, 'rules/lai-chau-2020-2025/ruleset.yaml'), 'utf8');
    const bundled = api.loadRuleset(text, { file: 'ruleset.yaml' }).value;
    expect(bundled?.id).toBe('lai-chau-khu-dan-cu-tu-quan');
    const engine = laiChau();
    for (const name of [
      'recognised-to-dan-pho',
      'not-recognised-ban',
      'disqualified-ban-in-ward',
      'undetermined-ban',
    ]) {
      const read = await readAssessmentFile(join(REPOSITORY, `examples/assessments/${name}.yaml`), engine);
      if (!read.value || !bundled) throw new Error(name);
      const plain = JSON.parse(JSON.stringify(read.value)) as typeof read.value;
      expect(bundled.evaluate(plain)).toEqual(engine.evaluate(read.value));
    }
    const broken = api.loadRuleset(text.replace("unit_kind == 'ban' and", "unit_kind == 'bann' and"), {
      file: 'ruleset.yaml',
    });
    expect(api.formatDiagnostics(broken.diagnostics, 'en')).toMatch(/^ruleset\.yaml:\d+:33: error \[expr_enum_value\]/);
  });
});

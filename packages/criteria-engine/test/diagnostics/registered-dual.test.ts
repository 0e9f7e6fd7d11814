/**
 * The dual-package hazard: a program that loads the engine's ES module build and its CommonJS
 * build (one package imports it, another requires it) has two copies of the formatter. A package
 * that registers its codes through one copy must be worded by the other too, not printed as its
 * bare code and params. Runs on the built files, as users get them (`pnpm test` builds first).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Engine from '../../src/index.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

describe('registered diagnostics across the ES module and CommonJS builds', () => {
  it('a code registered through the CommonJS copy is worded by the ES module copy, and back', async () => {
    expect(existsSync(join(dist, 'index.cjs')), 'dist is missing: run `pnpm build` first').toBe(true);
    const cjs: typeof Engine = createRequire(import.meta.url)(join(dist, 'index.cjs'));
    const esm: typeof Engine = await import(pathToFileURL(join(dist, 'index.js')).href);
    expect(cjs.renderMessage).not.toBe(esm.renderMessage); // two copies indeed

    const say = (text: string) => () => ({ message: text, hint: `${text} (hint)` });
    cjs.registerDiagnostics({
      codes: ['dual_test_from_cjs'],
      messages: { vi: { dual_test_from_cjs: say('từ CJS') }, en: { dual_test_from_cjs: say('from CJS') } },
    });
    esm.registerDiagnostics({
      codes: ['dual_test_from_esm'],
      messages: { vi: { dual_test_from_esm: say('từ ESM') }, en: { dual_test_from_esm: say('from ESM') } },
    });
    const diagnostic = (code: string) =>
      ({ code, severity: 'error', params: {}, file: 'x.csv', line: 1, column: 1 }) as unknown as Engine.Diagnostic;
    expect(esm.renderMessage(diagnostic('dual_test_from_cjs'), 'en').message).toBe('from CJS');
    expect(cjs.renderMessage(diagnostic('dual_test_from_esm'), 'vi').message).toBe('từ ESM');
    // A code nobody registered still prints as its code and params, in either copy.
    expect(esm.renderMessage(diagnostic('dual_test_nobody'), 'en').message).toContain('dual_test_nobody');
  });
});

/**
 * The built artefacts, as users get them: in a plain Node process (no `@lcz/source` condition, so
 * @lcz/criteria-engine resolves to its build too), the ESM and CJS builds serve the same answers
 * as the sources. `pnpm test` builds before it runs vitest.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call, examples, nth, RULES_DIR, RULESET_ID, start } from './helpers.js';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

/** Start the built server in a child process, POST one evaluation, print status and body. */
function script(entry: string, assessment: unknown): string {
  const load =
    entry === 'esm'
      ? `const api = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});`
      : `const api = (await import('node:module')).createRequire(${JSON.stringify(import.meta.url)})(${JSON.stringify(join(dist, 'index.cjs'))});`;
  return `${load}
const app = await api.createServer({ rules: ${JSON.stringify(RULES_DIR)}, logger: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const res = await fetch(url + '/v1/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ ruleset: ${JSON.stringify(RULESET_ID)}, assessment: ${JSON.stringify(assessment)} }) });
console.log(JSON.stringify({ status: res.status, body: await res.json() }));
await app.close();`;
}

describe('built package', () => {
  it('has been built (pnpm test builds first; alone, run `pnpm build`)', () => {
    expect(existsSync(join(dist, 'index.js'))).toBe(true);
    expect(existsSync(join(dist, 'index.cjs'))).toBe(true);
  });

  it('ESM and CJS builds answer as the sources do', async () => {
    const assessment = nth(await examples(), 0).value;
    const server = await start();
    const expected = await call(server.url, 'POST', '/v1/evaluate', { json: { ruleset: RULESET_ID, assessment } });
    await server.close();
    expect(expected.status).toBe(200);
    for (const entry of ['esm', 'cjs']) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script(entry, assessment)],
        { cwd: dist },
      );
      expect(JSON.parse(stdout), entry).toEqual({ status: 200, body: expected.body });
    }
  });
});

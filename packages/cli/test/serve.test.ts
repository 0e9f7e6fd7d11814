/**
 * lcz serve: usage mistakes and broken rules in-process (no server starts), then the real thing,
 * the bin in a child process on loopback, used by examples/http-client and stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as httpClient } from '../../../examples/http-client/client.js';
import { parseServeArgs } from '../src/commands/serve.usage.js';
import { lcz, LOCATED } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-serve-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz serve: usage', () => {
  it('needs --rules', async () => {
    const { code, stderr } = await run(['serve', '--port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('lcz serve --rules rules/lai-chau-2020-2025');
    expect(stderr).toContain('hãy nêu bộ quy tắc cần phục vụ');
  });

  it.each([
    [['--port', 'eighty'], "--port must be a whole number from 0 to 65535, not 'eighty'"],
    [['--port', '70000'], "--port must be a whole number from 0 to 65535, not '70000'"],
    [['--batch-limit', '0'], "--batch-limit must be a whole number from 1 to 1000000, not '0'"],
    [['--timeout', '1e3'], "--timeout must be a whole number from 1 to 3600000, not '1e3'"],
    [['--body-workers', '65'], "--body-workers must be a whole number from 0 to 64, not '65'"],
    [['--body-workers', '1.5'], "--body-workers must be a whole number from 0 to 64, not '1.5'"],
    [['--log-level', 'loud'], 'invalid arguments: --log-level loud'],
  ])('refuses %j', async (args, message) => {
    const { code, stderr } = await run(['serve', '--rules', RULES, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('--body-workers reaches the server options; left out, the server picks its default', () => {
    expect(parseServeArgs(['--rules', RULES, '--body-workers', '0']).bodyWorkers).toBe(0);
    expect(parseServeArgs(['--rules', RULES, '--body-workers', '3']).bodyWorkers).toBe(3);
    expect(parseServeArgs(['--rules', RULES]).bodyWorkers).toBeUndefined();
  });

  it('has help', async () => {
    const { code, stdout } = await run(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--allow-inline-rules');
    expect((await run(['--help'])).stdout).toContain('lcz serve --rules');
  });
});

describe('lcz serve: broken rules', () => {
  it('reports every error located and does not start', async () => {
    const text = await readFile(join(ROOT, RULES, 'ruleset.yaml'), 'utf8');
    const file = join(temp, 'broken.yaml');
    await writeFile(file, text.replace('whole: households }', 'whole: housholds }'));
    const { code, stderr, stdout } = await run(['serve', '--rules', file, '--port', '0']);
    expect(code).toBe(1);
    expect(stderr).toMatch(LOCATED);
    expect(stderr).toContain('housholds');
    expect(stderr).toContain('the server was not started');
    expect(stdout).toBe('');
  });
});

describe('lcz serve: a real server', () => {
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let url = '';

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--conditions=@lcz/source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'serve',
        '--rules',
        RULES,
        '--port',
        '0',
        '--body-workers',
        '1',
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /serving the criteria API at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`lcz serve exited with ${code}: ${stderr}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the API: the example client gets every decision', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const run = await httpClient({ url, print: () => {} });
    expect(run.exitCode).toBe(0);
    expect(Object.values(run.decisions).sort()).toEqual([
      'not_recognised',
      'not_recognised',
      'recognised',
      'undetermined',
    ]);
  });

  it('logs each request as a JSON line on standard output', () => {
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });
    expect(lines.some((l) => l.msg === 'incoming request' && l.req?.url === '/v1/evaluate')).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed')).toBe(true);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('lcz: stopped.');
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../src/tooling/static-server.js';

let server: StaticServer;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'lcz-web-static-'));
  mkdirSync(join(root, 'site'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'site/index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'site/rules.yaml'), 'format: 1\n');
  writeFileSync(join(root, '.git/config'), 'secret');
  writeFileSync(join(root, '.env'), 'TOKEN=1');
  server = await startStaticServer({ root, home: '/site/' });
});
afterAll(async () => {
  await server?.close();
});

describe('startStaticServer', () => {
  it('listens on the loopback interface on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with their type, and a folder’s index.html', async () => {
    const page = await fetch(`${server.origin}/site/`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html;charset=utf-8']);
    const yaml = await fetch(`${server.origin}/site/rules.yaml`);
    expect([yaml.status, await yaml.text()]).toEqual([200, 'format: 1\n']);
  });

  it('redirects / to the home page', async () => {
    const res = await fetch(`${server.origin}/`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/site/']);
  });

  it('answers 404 for missing files and for dotfiles, however spelt', async () => {
    for (const path of ['/site/missing.js', '/.git/config', '/.env', '/%2egit/config', '/site/../.env']) {
      const res = await fetch(`${server.origin}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});

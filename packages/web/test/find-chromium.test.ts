/**
 * How the browser tests find their browser (test-support/chromium.ts): CHROMIUM_PATH, then one on
 * PATH, then the Chromium that @sparticuz/chromium carries, which must start here and render
 * Vietnamese. With none the error says how to get one; nothing is skipped.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, type FoundChromium } from '../../../test-support/chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'lcz-find-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function executable(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

const notPackaged = async (): Promise<FoundChromium> => {
  throw new Error('the packaged browser was asked for');
};

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and says how to get a browser when nothing is there', async () => {
    const chosen = executable('my-chrome');
    await expect(findChromium({ env: { CHROMIUM_PATH: chosen, PATH: dir }, packaged: notPackaged })).resolves.toEqual({
      executablePath: chosen,
      source: 'CHROMIUM_PATH',
      env: {},
    });
    await expect(findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } })).rejects.toThrow(
      /CHROMIUM_PATH is \/nonexistent\/chromium, but no executable file is there\. Run `npx pnpm@12\.4\.2 install`.*@sparticuz\/chromium/,
    );
  });

  it('then a Chromium or Chrome on PATH', async () => {
    const onPath = executable('chromium');
    await expect(findChromium({ env: { PATH: `/nonexistent:${dir}` }, packaged: notPackaged })).resolves.toEqual({
      executablePath: onPath,
      source: 'PATH',
      env: {},
    });
  });

  it('then the packaged Chromium, which starts here and renders Vietnamese with its own fonts', async () => {
    const found = await findChromium({ env: { PATH: '' } });
    expect(found.source).toBe('@sparticuz/chromium');
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      env: { ...found.env },
    });
    try {
      expect(browser.version()).toMatch(/^153\./);
      const page = await browser.newPage();
      await page.setContent('<p lang="vi">Khu dân cư ĐƯỢC CÔNG NHẬN: giữa chùng, Đoàn Kết, Sùng Phài</p>');
      // A letter the fonts lack is drawn as the same box as a private-use character: each
      // Vietnamese letter must be drawn differently from that box (compared pixel by pixel).
      const boxed = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d');
        if (!ctx) return ['no canvas'];
        ctx.font = '40px sans-serif';
        const drawn = (c: string) => {
          ctx.clearRect(0, 0, 64, 64);
          ctx.fillText(c, 8, 48);
          return ctx.getImageData(0, 0, 64, 64).data.join();
        };
        const box = drawn('\u{F0000}');
        return [...'ĐƯỢỮữầậếồởỳ'].filter((c) => drawn(c) === box);
      });
      expect(boxed).toEqual([]);
      expect(await page.textContent('p')).toContain('ĐƯỢC CÔNG NHẬN');
    } finally {
      await browser.close();
    }
  }, 120_000);
});

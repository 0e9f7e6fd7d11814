/**
 * The Chromium that the browser tests of every package drive (web component and playground,
 * report HTML, `lcz docs` print), found the same way everywhere, in this order:
 *
 *  1. `CHROMIUM_PATH`, when set: the browser the person running the tests chose;
 *  2. a Chromium or Chrome on PATH (Debian's `chromium`, …): already there, nothing to unpack;
 *  3. the Chromium that the npm package @sparticuz/chromium carries (a root devDependency, so
 *     `pnpm install` brings it): unpacked once into the temporary folder with the fonts (Open Sans,
 *     which has every Vietnamese letter) and the NSS libraries shipped beside it, so a machine
 *     with only Node and npm needs no apt and no download.
 *
 * Nothing is skipped: when no browser can be had, the error says how to get one.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium as playwright, type BrowserContext } from 'playwright-core';

export interface FoundChromium {
  readonly executablePath: string;
  /** Where it came from, for messages: `CHROMIUM_PATH`, `PATH` or `@sparticuz/chromium`. */
  readonly source: 'CHROMIUM_PATH' | 'PATH' | '@sparticuz/chromium';
  /** Environment the browser needs on top of the test's own (the packaged one's fonts and libraries). */
  readonly env: Readonly<Record<string, string>>;
}

/** Names a system Chromium or Chrome goes by on PATH. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The flags every test browser runs with: headless, no sandbox (CI runs as root), nothing fetched. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const HOW_TO_GET_ONE =
  'Run `npx pnpm@12.4.2 install` at the repository root: it installs @sparticuz/chromium, which carries a ' +
  'Chromium for Linux x64 that the tests unpack themselves; or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export interface FindOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Looked at instead of the packaged browser's own check (tests of this module). */
  readonly packaged?: () => Promise<FoundChromium>;
}

/** The browser to drive, by the order above; an Error that says how to get one when there is none. */
export async function findChromium(options: FindOptions = {}): Promise<FoundChromium> {
  const env = options.env ?? process.env;
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') {
    if (!isExecutable(chosen))
      throw new Error(`CHROMIUM_PATH is ${chosen}, but no executable file is there. ${HOW_TO_GET_ONE}`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH', env: {} };
  }
  const onPath = systemChromium(env['PATH'] ?? '');
  if (onPath !== undefined) return { executablePath: onPath, source: 'PATH', env: {} };
  return (options.packaged ?? packagedChromium)();
}

/** A persistent browser context in `userDataDir` on the browser findChromium gives. */
export async function launchChromium(
  userDataDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const found = await findChromium();
  return playwright.launchPersistentContext(userDataDir, {
    executablePath: found.executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
    env: { ...stringEnv(process.env), ...found.env },
  });
}

function systemChromium(path: string): string | undefined {
  for (const dir of path.split(delimiter).filter((d) => d !== '')) {
    for (const name of SYSTEM_NAMES) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Bumped with @sparticuz/chromium: a copy unpacked by another version is unpacked again. */
const PACKAGED_VERSION = '153.0.0';

/**
 * Unpacks the packaged Chromium, its fonts and its libraries into the temporary folder, once per
 * machine. Test files run in parallel processes, so one of them unpacks under a lock (mkdir is
 * atomic) while the others wait; a marker written last tells a whole copy from one a killed
 * process left half-written, which is removed and unpacked again.
 */
async function packagedChromium(): Promise<FoundChromium> {
  let Chromium: typeof import('@sparticuz/chromium').default;
  let inflate: typeof import('@sparticuz/chromium').inflate;
  try {
    ({ default: Chromium, inflate } = await import('@sparticuz/chromium'));
  } catch {
    throw new Error(
      `No Chromium: CHROMIUM_PATH is not set, none is on PATH, and @sparticuz/chromium is not installed. ${HOW_TO_GET_ONE}`,
    );
  }
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `No Chromium: CHROMIUM_PATH is not set, none is on PATH, and the one @sparticuz/chromium carries runs on Linux x64 only (this is ${process.platform} ${process.arch}). Install Chromium or Chrome, or set CHROMIUM_PATH to one.`,
    );
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const marker = join(tmpdir(), `lcz-chromium-${PACKAGED_VERSION}.ok`);
  const lock = join(tmpdir(), 'lcz-chromium.lock');
  const fontconfig = join(tmpdir(), 'lcz-fontconfig');
  const unpacked = [join(tmpdir(), 'chromium'), join(tmpdir(), 'fonts'), join(tmpdir(), 'al2023'), fontconfig];
  while (!existsSync(marker)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another process is unpacking (a lock older than two minutes was left by a killed one).
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) rmSync(lock, { force: true, recursive: true });
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(marker)) {
        for (const path of unpacked) rmSync(path, { force: true, recursive: true });
        await Chromium.executablePath(bin);
        await inflate(join(bin, 'al2023.tar.br'));
        // The package's fonts.conf names /tmp/fonts; this one names wherever they were unpacked.
        mkdirSync(fontconfig, { recursive: true });
        writeFileSync(
          join(fontconfig, 'fonts.conf'),
          `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(tmpdir(), 'fonts')}</dir>\n  <cachedir>${join(tmpdir(), 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
        );
        writeFileSync(marker, `${new Date().toISOString()}\n`);
      }
    } finally {
      rmSync(lock, { force: true, recursive: true });
    }
  }
  return {
    executablePath: join(tmpdir(), 'chromium'),
    source: '@sparticuz/chromium',
    // Its own fonts (fontconfig file and Open Sans) and NSS libraries: a bare machine has neither.
    env: { FONTCONFIG_PATH: fontconfig, LD_LIBRARY_PATH: join(tmpdir(), 'al2023', 'lib') },
  };
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

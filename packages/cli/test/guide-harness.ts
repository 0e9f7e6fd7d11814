/**
 * Runs the policy staff's guide (docs/guide/vi.md, docs/guide/en.md) as written, so it cannot
 * drift from lcz. The guide is Markdown; what is executed is marked in it:
 *
 * - each `## ` section starts from a fresh workspace: a copy of rules/ and examples/ in a
 *   temporary folder, the working directory of every command;
 * - ` ```console ` blocks hold commands after `$ ` and, below each, its output exactly as shown
 *   (stdout and stderr together, as a terminal shows them). `lcz …` runs in-process through
 *   run(); `cp -r <from> <to>` copies a folder; `echo $?` prints the last exit code. A line `…`
 *   alone in an output stands for any number of lines (used to shorten long tables);
 * - `<!-- guide-edit` … `-->` comments hold an edit as YAML: `file`, `find` (must occur exactly
 *   once) and `replace`; the reader sees the same change in the prose around it;
 * - `<!-- guide-file: <path> -->` right before a ` ```yaml ` block writes that block to the file.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { run } from '../src/index.js';

export type GuideStep =
  | { readonly kind: 'section'; readonly title: string; readonly line: number }
  | {
      readonly kind: 'edit';
      readonly file: string;
      readonly find: string;
      readonly replace: string;
      readonly line: number;
    }
  | { readonly kind: 'write'; readonly file: string; readonly content: string; readonly line: number }
  | { readonly kind: 'command'; readonly command: string; readonly expected: string; readonly line: number };

export function parseGuide(markdown: string): GuideStep[] {
  const lines = markdown.split('\n');
  const steps: GuideStep[] = [];
  let pendingFile: { path: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('## ')) {
      steps.push({ kind: 'section', title: line.slice(3), line: i + 1 });
      continue;
    }
    const file = /^<!-- guide-file: (\S+) -->$/.exec(line);
    if (file) {
      pendingFile = { path: file[1] as string, line: i + 1 };
      continue;
    }
    if (line === '<!-- guide-edit') {
      const end = lines.indexOf('-->', i);
      if (end < 0) throw new Error(`guide line ${i + 1}: guide-edit without -->`);
      const edit = parseYaml(lines.slice(i + 1, end).join('\n')) as {
        file?: unknown;
        find?: unknown;
        replace?: unknown;
      };
      if (typeof edit.file !== 'string' || typeof edit.find !== 'string' || typeof edit.replace !== 'string') {
        throw new Error(`guide line ${i + 1}: a guide-edit needs file, find and replace`);
      }
      steps.push({ kind: 'edit', file: edit.file, find: edit.find, replace: edit.replace, line: i + 1 });
      i = end;
      continue;
    }
    const fence = /^```(\w*)$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`guide line ${i + 1}: a code block without its closing fence`);
    const body = lines.slice(i + 1, end);
    if (pendingFile && fence[1] === 'yaml') {
      steps.push({ kind: 'write', file: pendingFile.path, content: `${body.join('\n')}\n`, line: pendingFile.line });
    } else if (fence[1] === 'console') {
      let current: { command: string; out: string[]; line: number } | undefined;
      const flush = () =>
        current &&
        steps.push({ kind: 'command', command: current.command, expected: current.out.join('\n'), line: current.line });
      body.forEach((text, k) => {
        if (text.startsWith('$ ')) {
          flush();
          current = { command: text.slice(2), out: [], line: i + 2 + k };
        } else if (current) current.out.push(text);
        else throw new Error(`guide line ${i + 2 + k}: output before any command`);
      });
      flush();
    }
    pendingFile = undefined;
    i = end;
  }
  return steps;
}

/** A workspace: a temporary folder holding copies of rules/ and examples/. */
export class GuideWorkspace {
  private lastExit = 0;

  constructor(
    readonly root: string,
    readonly dir: string,
  ) {}

  async reset(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    for (const folder of ['rules', 'examples', 'schemas'])
      await cp(join(this.root, folder), join(this.dir, folder), { recursive: true });
    this.lastExit = 0;
  }

  async apply(step: Extract<GuideStep, { kind: 'edit' | 'write' }>): Promise<void> {
    const path = join(this.dir, step.file);
    if (step.kind === 'write') {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, step.content);
      return;
    }
    const text = await readFile(path, 'utf8');
    const count = text.split(step.find).length - 1;
    if (count !== 1)
      throw new Error(`guide line ${step.line}: the text to replace occurs ${count} times in ${step.file}, not once`);
    await writeFile(
      path,
      text.replace(step.find, () => step.replace),
    );
  }

  /** Runs one command line; returns what a terminal would show. */
  async execute(command: string): Promise<string> {
    const [program, ...args] = words(command);
    if (program === 'echo' && args.join(' ') === '$?') return `${this.lastExit}\n`;
    if (program === 'cp' && args[0] === '-r' && args.length === 3) {
      await cp(join(this.dir, args[1] as string), join(this.dir, args[2] as string), { recursive: true });
      this.lastExit = 0;
      return '';
    }
    if (program !== 'lcz') throw new Error(`the guide may run lcz, cp -r and echo $? only, not: ${command}`);
    let out = '';
    this.lastExit = await run(args, {
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        out += s;
      },
      isTTY: false,
      stderrIsTTY: false,
      cwd: this.dir,
      env: {},
    });
    return out;
  }
}

/** Splits a command line into words: spaces separate, '…' and "…" quote. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Output as shown: trailing spaces and trailing blank lines dropped. */
export function normalise(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** Whether an output matches what the guide shows, `…` lines standing for any lines. */
export function matches(expected: string, actual: string): boolean {
  const want = normalise(expected);
  const got = normalise(actual);
  if (!want.split('\n').includes('…')) return want === got;
  const pattern = want
    .split('\n')
    .map((l) => (l === '…' ? '(?:[^\\n]*\\n)*?' : `${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`))
    .join('');
  return new RegExp(`^${pattern}$`).test(`${got}\n`);
}

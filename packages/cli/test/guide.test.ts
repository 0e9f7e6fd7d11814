/**
 * The guide for policy staff runs as written: every command block of docs/guide/vi.md and
 * docs/guide/en.md is executed (in-process, on copies of the rules, with the edits the guide marks
 * applied) and its output compared with the block shown. See guide-harness.ts for the markers.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GuideWorkspace, matches, normalise, parseGuide, words, type GuideStep } from './guide-harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const temp = await mkdtemp(join(tmpdir(), 'lcz-guide-'));

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe.each(['vi', 'en'])('docs/guide/%s.md', (lang) => {
  const file = `docs/guide/${lang}.md`;
  const steps = parseGuide(readFileSync(join(ROOT, file), 'utf8'));
  const workspace = new GuideWorkspace(ROOT, join(temp, lang));
  const commands = steps.filter((s): s is Extract<GuideStep, { kind: 'command' }> => s.kind === 'command');

  it('shows every command a rule author needs, with its output', () => {
    const shown = commands.map((c) => c.command.split(' ').slice(0, 2).join(' '));
    for (const needed of [
      'lcz validate',
      'lcz check',
      'lcz test',
      'lcz diff',
      'lcz version',
      'lcz docs',
      'lcz evaluate',
      'cp -r',
    ])
      expect(shown).toContain(needed);
    // Every task of issue 20 has its section (numbered alike in both languages), the six changes
    // are made in one of them, and the rule-format reference closes the guide.
    const titles = steps.filter((s) => s.kind === 'section').map((s) => s.title);
    expect(titles.length).toBe(16);
    expect(titles[15]).toMatch(/^16\. /);
    expect(commands.some((c) => c.command.includes('--propose'))).toBe(true);
    expect(commands.some((c) => c.command.includes('--accept-all'))).toBe(true);
    expect(commands.some((c) => c.command.includes('--coverage'))).toBe(true);
    expect(steps.filter((s) => s.kind === 'edit').length).toBeGreaterThanOrEqual(5);
    expect(steps.some((s) => s.kind === 'write')).toBe(true);
  });

  // One test per step, in order: a section resets the workspace, edits and files change it.
  let section = '';
  for (const step of steps) {
    if (step.kind === 'section') {
      section = step.title;
      it(`## ${step.title}: a fresh copy of the rules`, () => workspace.reset());
    } else if (step.kind === 'command') {
      it(`${section}: line ${step.line}: $ ${step.command}`, async () => {
        const actual = await workspace.execute(step.command);
        if (!matches(step.expected, actual)) {
          // Show the whole actual output, so the guide can be corrected from it.
          expect(normalise(actual), `${file}:${step.line}: the output differs from the guide`).toBe(
            normalise(step.expected),
          );
        }
      });
    } else {
      it(`${section}: line ${step.line}: ${step.kind} ${step.file}`, () => workspace.apply(step));
    }
  }
});

describe('the guide harness', () => {
  it('compares outputs exactly, a line … standing for any lines', () => {
    expect(matches('a\n…\nd', 'a\nb\nc\nd\n')).toBe(true);
    expect(matches('a\n…\nd', 'a\nd')).toBe(true);
    expect(matches('a\n…\nd', 'a\nb\nc\ne')).toBe(false);
    expect(matches('OK 1 note', 'OK 2 notes')).toBe(false);
    expect(matches('x  \n\n', 'x')).toBe(true);
    expect(words(`lcz test --cases 'a b.yaml' "c d"`)).toEqual(['lcz', 'test', '--cases', 'a b.yaml', 'c d']);
  });

  it('parses sections, edits, files and commands, and catches a wrong output and an ambiguous edit', async () => {
    const steps = parseGuide(
      [
        '## One',
        '<!-- guide-edit',
        'file: rules/lai-chau-2020-2025/ruleset.yaml',
        'find: "at_least: 98"',
        'replace: "at_least: 95"',
        '-->',
        '<!-- guide-file: notes/x.yaml -->',
        '```yaml',
        'a: 1',
        '```',
        '```console',
        '$ lcz check --lang en rules/lai-chau-2020-2025',
        'this is not what lcz prints',
        '$ echo $?',
        '0',
        '```',
      ].join('\n'),
    );
    expect(steps.map((s) => s.kind)).toEqual(['section', 'edit', 'write', 'command', 'command']);
    const workspace = new GuideWorkspace(ROOT, join(temp, 'harness'));
    await workspace.reset();
    // "at_least: 98" occurs in 1.3 and in 6.3: an edit must name one place.
    await expect(workspace.apply(steps[1] as Extract<GuideStep, { kind: 'edit' }>)).rejects.toThrow(/occurs 2 times/);
    await workspace.apply(steps[2] as Extract<GuideStep, { kind: 'write' }>);
    const check = steps[3] as Extract<GuideStep, { kind: 'command' }>;
    const actual = await workspace.execute(check.command);
    expect(actual).toContain('0 errors, 0 warnings, 1 note');
    expect(matches(check.expected, actual)).toBe(false);
    expect(await workspace.execute('echo $?')).toBe('0\n');
    await expect(workspace.execute('rm -rf rules')).rejects.toThrow(/lcz, cp -r and echo/);
  });
});

/**
 * docs/records.md runs as written: every `$ lcz …` line of its console blocks is run in-process,
 * in order, in a folder holding a copy of the Lai Châu rules and of examples/records-2024/parts,
 * with SOURCE_DATE_EPOCH fixing the record's clock; what it prints (standard output and error)
 * must be what the page shows, a line `…` standing for any lines.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { matches, normalise } from './guide-harness.js';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/records.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'lcz-records-doc-'));
cpSync(join(ROOT, 'rules/lai-chau-2020-2025'), join(work, 'rules/lai-chau-2020-2025'), { recursive: true });
cpSync(join(ROOT, 'examples/records-2024/parts'), join(work, 'parts'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Step {
  readonly line: number;
  readonly argv: string[];
  readonly expected: string;
}

/** Words of a command line: spaces separate, double or single quotes group. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function steps(doc: string): Step[] {
  const out: Step[] = [];
  const lines = doc.split('\n');
  let inBlock = false;
  let current: { line: number; argv: string[]; expected: string[] } | undefined;
  const flush = () => {
    if (current) out.push({ line: current.line, argv: current.argv, expected: current.expected.join('\n') });
    current = undefined;
  };
  lines.forEach((text, i) => {
    if (text.startsWith('```')) {
      if (inBlock) flush();
      inBlock = !inBlock && text === '```console';
      return;
    }
    if (!inBlock) return;
    if (text.startsWith('$ lcz ')) {
      flush();
      current = { line: i + 1, argv: words(text.slice('$ lcz '.length)), expected: [] };
    } else current?.expected.push(text);
  });
  return out;
}

describe('docs/records.md', () => {
  const all = steps(DOC);

  it('walks every step of the year', () => {
    const shown = all.map((s) => s.argv.slice(0, 2).join(' '));
    const subs = new Set(all.map((s) => (s.argv[0] === 'records' ? s.argv[1] : s.argv[0])));
    for (const sub of ['template', 'register', 'import', 'status', 'decide', 'board', 'history', 'export', 'backup'])
      expect([...subs], String(shown)).toContain(sub);
  });

  for (const step of all) {
    it(`line ${step.line}: lcz ${step.argv.slice(0, 2).join(' ')}`, async () => {
      const { stdout, stderr } = await lcz(step.argv, { cwd: work, env: { SOURCE_DATE_EPOCH: '1727769600' } });
      const actual = stdout + stderr;
      if (!matches(step.expected, actual)) {
        expect(normalise(actual), `docs/records.md:${step.line}`).toBe(normalise(step.expected));
      }
    });
  }
});

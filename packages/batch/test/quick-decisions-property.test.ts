/**
 * A property test of the decisions-only CSV path's byte-level scanner (src/decisions/
 * slot-row-reader.ts, choice-table.ts): on any CSV file fast-check makes, reading it on the quick
 * path gives the careful path's results byte for byte, the same counts and the same located
 * diagnostics. The cells are drawn to sit on the scanner's edges: numbers with many digits
 * (79.999999999999999 next to 80, 17-digit integers, 2^53 + 1), more decimals than a fact allows,
 * signs, leading zeros, exponents, thousands separators, Arabic-Indic digits; choice words exactly
 * as written and in other spellings (case, NFD, spaces), unknown words; identity texts with
 * quotes, backslashes, control characters, a byte-order mark, non-breaking spaces, bytes that are
 * not UTF-8; any cell quoted now and then, line breaks and delimiters inside quoted cells. Files
 * are read in pieces of 1–4096 bytes, so records, quoted fields and characters are cut
 * everywhere. Four schemes: one with `decimals:` on its numbers (ntm-commune), one with levels
 * and points (green-building), the wide Lai Châu rules and the small fixture.
 *
 * quick-decisions.test.ts compares the same paths on seeded random files (and through the decide
 * workers); this one lets fast-check search and shrink.
 */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { batchColumns, type BatchColumn } from '../src/columns.js';
import { exactChoices } from '../src/cells.js';
import { evaluateBatchVia, type BatchSummary } from '../src/evaluate-batch.js';
import { LAI_CHAU, ROOT, rules, SMALL } from './helpers/setup.js';

const SCHEMES = {
  ntm: join(ROOT, 'rules/ntm-commune-2021-2025'),
  green: join(ROOT, 'rules/green-building-illustrative'),
  laiChau: LAI_CHAU,
  small: SMALL,
} as const;
type Scheme = keyof typeof SCHEMES;

const loaded = new Map<Scheme, CompiledRuleset>();
beforeAll(async () => {
  for (const [name, path] of Object.entries(SCHEMES)) loaded.set(name as Scheme, await rules(path));
});

/** Stands for a byte that is not UTF-8 while the file is text (0xFF when it is encoded). */
const NOT_UTF8 = '\uE000';

/** Numbers near the scanner's edges: digits past 15, exact ties, signs, other notations. */
const HOSTILE_NUMBERS = [
  '79.999999999999999',
  '80.0000000000000001',
  '0.1234567890123456789',
  '9007199254740993',
  '9007199254740992',
  '12345678901234567890',
  '123456789012345',
  '1234567890123456',
  '00012',
  '-0',
  '+5',
  '1e3',
  '1E2',
  '0x10',
  '1_000',
  '1.000',
  '1,000',
  '1,5',
  '1.234,5',
  '5.',
  '.5',
  '-.5',
  '.',
  '-',
  ' 12',
  '12 ',
  '\u00A012',
  '٣',
  'Infinity',
  'NaN',
  '2.25',
  '2.2',
  '0.05',
  '99.99',
  '100.0',
];

const HOSTILE_TEXTS = [
  'KDC "1"',
  'KDC\\1',
  'KDC\t1',
  ' KDC-1',
  'KDC-1 ',
  '\uFEFFKDC-1',
  'KDC-1\u00A0',
  `KDC-${NOT_UTF8}`,
  'Khu 5, Bản Nà',
  'Khu\n5',
  'Khu\r\n5',
  'Bản Nà',
  'Tổ 5',
  '',
];

const HOSTILE_WORDS = ['x', 'X', 'maybe', 'CÓ', 'khong', ' có', 'có ', 'Có\u00A0', 'zzz', '  ', `C${NOT_UTF8}`, '"'];

/** What a column's valid cells are drawn from: small parts, large wholes (so parts stay within them). */
interface Roles {
  readonly parts: ReadonlySet<string>;
  readonly wholes: ReadonlySet<string>;
  readonly decimals: ReadonlyMap<string, number>;
}

function rolesOf(ruleset: CompiledRuleset): Roles {
  const parts = new Set(ruleset.facts.filter((f) => f.partOf !== undefined).map((f) => f.id));
  const wholes = new Set(ruleset.facts.flatMap((f) => (f.partOf !== undefined ? [f.partOf] : [])));
  const decimals = new Map(ruleset.facts.flatMap((f) => (f.decimals !== undefined ? [[f.id, f.decimals]] : [])));
  return { parts, wholes, decimals };
}

/** A valid cell of `column` (mostly: a context the rules refuse is possible). */
function validCell(column: BatchColumn, roles: Roles): fc.Arbitrary<string> {
  switch (column.type) {
    case 'text':
      return fc.nat(99_999).map((n) => `KDC-${n}`);
    case 'year':
      return fc.constant('2024');
    case 'date':
      return fc.constantFrom('', '2024-10-10');
    case 'integer':
    case 'number': {
      const lo = Math.max(column.min ?? 0, -1000);
      const hi = Math.min(column.max ?? 1000, 100_000);
      const [from, to] = roles.parts.has(column.id)
        ? [lo, Math.min(hi, lo + 3)]
        : roles.wholes.has(column.id)
          ? [Math.max(lo, Math.min(hi, 50)), hi]
          : [lo, hi];
      const whole = fc.integer({ min: from, max: to }).map(String);
      if (column.type === 'integer') return whole;
      // Within the decimals the fact allows (2 when it says none), not past its bounds.
      const places = roles.decimals.get(column.id) ?? 2;
      const fraction = fc.stringMatching(new RegExp(`^[0-9]{0,${places}}$`));
      return fc
        .tuple(fc.integer({ min: from, max: Math.max(from, to - 1) }), fraction)
        .map(([w, f]) => (f === '' ? String(w) : `${w}.${f}`));
    }
    default: {
      const exact = [...(exactChoices(column)?.keys() ?? [])];
      return exact.length > 0 ? fc.constantFrom(...exact) : fc.constant('');
    }
  }
}

/** A cell of `column` near an edge the scanner must leave to the careful path (or read as it does). */
function hostileCell(column: BatchColumn): fc.Arbitrary<string> {
  switch (column.type) {
    case 'text':
      return fc.constantFrom(...HOSTILE_TEXTS);
    case 'year':
      return fc.constantFrom('', '24', '1899', '2024.0', ' 2024', '2021');
    case 'date':
      return fc.constantFrom('10/10/2024', '1/2/2024', '2024-13-01', '2023-05-05', ' 2024-10-10');
    case 'integer':
    case 'number': {
      const hi = Math.min(column.max ?? 1000, 100_000);
      const lo = Math.max(column.min ?? 0, -1000);
      // Up to 20 digits after the point: more than any fact allows.
      const long = fc
        .tuple(fc.integer({ min: lo, max: hi }), fc.stringMatching(/^[0-9]{1,20}$/))
        .map(([w, f]) => `${w}.${f}`);
      return fc.oneof(
        fc.constantFrom(...HOSTILE_NUMBERS, '', String(hi + 1), String(lo - 1), `${hi}.5`, `${hi}.0`),
        long,
      );
    }
    default: {
      const labels = (column.values ?? []).flatMap((v) => [
        v.label.vi.toUpperCase(),
        v.label.vi.normalize('NFD'),
        v.label.en.toLowerCase(),
        ` ${v.id}`,
      ]);
      return fc.constantFrom(...HOSTILE_WORDS, '', ...labels);
    }
  }
}

/** Quoted when it must be, or when `quote` says so (any quotes doubled). */
function written(value: string, delimiter: string, quote: boolean): string {
  return quote || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

interface File {
  readonly bytes: Uint8Array;
  readonly readBytes: number;
}

/**
 * A CSV file for `ruleset`: its columns by id, rows of valid cells of which a few (0–3 a row) are
 * hostile, any cell quoted now and then; a line end; maybe a BOM and a final line break.
 */
function fileOf(ruleset: CompiledRuleset): fc.Arbitrary<File> {
  const columns = batchColumns(ruleset);
  const roles = rolesOf(ruleset);
  const cell = (c: BatchColumn) =>
    fc.tuple(
      validCell(c, roles),
      fc.nat(9).map((n) => n === 0),
    );
  const hostile = fc
    .tuple(fc.nat(columns.length - 1), fc.constant(0))
    .chain(([at]) => fc.tuple(fc.constant(at), hostileCell(columns[at] as BatchColumn)));
  const row = fc.tuple(fc.tuple(...columns.map(cell)), fc.array(hostile, { maxLength: 3 }));
  return fc
    .record({
      delimiter: fc.constantFrom(',', ',', ';'),
      end: fc.constantFrom('\n', '\n', '\r\n', '\r'),
      bom: fc.boolean(),
      finalEnd: fc.boolean(),
      rows: fc.array(row, { minLength: 1, maxLength: 8 }),
      readBytes: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4096 })),
    })
    .map(({ delimiter, end, bom, finalEnd, rows, readBytes }) => {
      const lines = [columns.map((c) => c.id).join(delimiter)];
      for (const [cells, replaced] of rows) {
        const values = cells.map(([v, q]) => [v, q] as const);
        for (const [at, v] of replaced) values[at] = [v, values[at]?.[1] ?? false];
        lines.push(values.map(([v, q]) => written(v, delimiter, q)).join(delimiter));
      }
      const text = (bom ? '\uFEFF' : '') + lines.join(end) + (finalEnd ? end : '');
      const parts = text.split(NOT_UTF8).map((p) => Buffer.from(p, 'utf8'));
      const bytes = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from([0xff]), p])));
      return { bytes, readBytes };
    });
}

type Evaluated = { results: Buffer; summary: Omit<BatchSummary, 'elapsedMs' | 'threads'> };

async function evaluated(ruleset: CompiledRuleset, file: File, quick: boolean): Promise<Evaluated> {
  const chunks: Buffer[] = [];
  const results = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const {
    elapsedMs: _,
    threads: _threads,
    ...summary
  } = await evaluateBatchVia(
    { text: file.bytes, format: 'csv', file: 'rows.csv' },
    ruleset,
    { results, detail: 'decision', keepProblems: 1000 },
    { quickDecisions: quick, ...(quick ? { quickReadBytes: file.readBytes } : {}) },
  );
  return { results: Buffer.concat(chunks), summary };
}

/** Runs of the property per scheme: the wide schemes' files are larger. */
const RUNS: Record<Scheme, number> = { ntm: 80, green: 60, laiChau: 40, small: 120 };

describe('the quick path reads any CSV file as the careful path does (fast-check)', () => {
  for (const scheme of Object.keys(SCHEMES) as Scheme[]) {
    it(`on files for the ${scheme} rules`, async () => {
      const ruleset = loaded.get(scheme) as CompiledRuleset;
      let decided = 0;
      let bad = 0;
      await fc.assert(
        fc.asyncProperty(fileOf(ruleset), async (file) => {
          const careful = await evaluated(ruleset, file, false);
          const quick = await evaluated(ruleset, file, true);
          expect(quick.results.toString('latin1')).toBe(careful.results.toString('latin1'));
          expect(quick.summary).toEqual(careful.summary);
          decided += careful.summary.evaluated;
          bad += careful.summary.badRows;
        }),
        { numRuns: RUNS[scheme] },
      );
      // Both kinds of rows were met: decided rows (the quick path's) and rows with problems.
      expect(decided).toBeGreaterThan(RUNS[scheme] / 2);
      expect(bad).toBeGreaterThan(RUNS[scheme] / 4);
    });
  }
});

describe('the quick path on numbers near its edges', () => {
  it('leaves a number with more decimals than its fact allows to the careful path (input_decimals)', async () => {
    const ruleset = loaded.get('ntm') as CompiledRuleset;
    const columns = batchColumns(ruleset);
    const roles = rolesOf(ruleset);
    const fact = columns.find((c) => c.type === 'number' && roles.decimals.get(c.id) === 1);
    if (fact === undefined) throw new Error('the ntm rules have no number fact with decimals: 1');
    // One row per cell written, the rest of the row as the first valid sample gives it.
    const base = columns.map((c) => fc.sample(validCell(c, roles), { numRuns: 1, seed: 7 })[0] ?? '');
    const at = columns.indexOf(fact);
    const cells = ['0.01', '0.10', '2.5', '2.25', '79.999999999999999', '80.0000000000000001', '1.5000000000000001'];
    const lines = [columns.map((c) => c.id).join(',')];
    for (const cell of cells) lines.push(base.map((v, i) => (i === at ? cell : v)).join(','));
    const file = { bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), readBytes: 4096 };
    const careful = await evaluated(ruleset, file, false);
    const quick = await evaluated(ruleset, file, true);
    expect(quick.results.toString('latin1')).toBe(careful.results.toString('latin1'));
    expect(quick.summary).toEqual(careful.summary);
    // The careful path refuses 0.01, 2.25 and the long ones for one decimal: the rows are reported, not decided.
    const problems = careful.summary.problems.flatMap((p) =>
      p.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    );
    // (The header is line 1: the cell cells[k] is on line k + 2.)
    expect(problems).toContain(`${2 + cells.indexOf('0.01')}:${at + 1} input_decimals`);
    expect(problems).toContain(`${2 + cells.indexOf('2.25')}:${at + 1} input_decimals`);
  });
});

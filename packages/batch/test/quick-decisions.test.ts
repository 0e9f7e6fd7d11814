/**
 * The decisions-only CSV path (src/decisions/) must give exactly what the careful path gives:
 * the same results bytes, counts, bad rows and diagnostics. Random CSV files, seeded (a failure
 * replays), are evaluated both ways and compared: headers by id, Vietnamese or English label,
 * shuffled, with missing, unknown and note columns and the English-labels row; separators , ; and
 * tab; \n, \r\n and \r line ends; a byte-order mark; cells valid or wrong in every way the quick
 * path must leave to the careful one (padding, other spellings, bad numbers, values out of range,
 * parts above wholes, unknown values, quoting, bytes that are not UTF-8, broken quotes…). The
 * quick path reads its input in pieces of random small sizes, so records and characters are cut
 * everywhere.
 *
 * Each file is also read by decide workers (worker threads, src/decisions/decide-workers.ts) in
 * blocks of random small sizes, so every record boundary the block cutter finds is tried, and
 * now and then with a tiny limit on a stretch without a boundary, so the fall-back to this thread
 * is taken too.
 *
 * Also: the quick path does take the plain rows (else the comparison would prove nothing), and
 * the line writer writes what JSON.stringify writes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentDate, type CompiledRuleset, type Decision } from '@lcz/criteria-engine';
import { batchColumns, type BatchColumn } from '../src/columns.js';
import { csvDecisionChunks, isDecidedRun } from '../src/decisions/csv-decisions.js';
import { DecideWorkers } from '../src/decisions/decide-workers.js';
import { DecisionLineWriter } from '../src/decisions/decision-line.js';
import { SlotRowReader } from '../src/decisions/slot-row-reader.js';
import { evaluateBatch, evaluateBatchVia, type BatchSummary } from '../src/evaluate-batch.js';
import { splitRecord } from '../src/formats/csv-fast.js';
import { sniffDelimiter } from '../src/formats/csv.js';
import { readHeader } from '../src/header.js';
import { openInput } from '../src/read-batch.js';
import { RowReader } from '../src/row-reader.js';
import { writeAssessments, type BatchInputRow, type InputValue } from '../src/template.js';
import { mulberry32 } from './helpers/big-csv.js';
import { LAI_CHAU, ROOT, rules, SMALL, tempDir } from './helpers/setup.js';

let laiChau: CompiledRuleset;
let small: CompiledRuleset;
/** One pool for every file (starting workers per file would be most of the time). */
let workers: DecideWorkers;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  small = await rules(SMALL);
  workers = DecideWorkers.start(2);
});
afterAll(async () => {
  await workers.close();
});

/** How the decide workers are asked to cut a file. */
interface Threaded {
  readonly blockBytes: number;
  readonly maxUncutBytes?: number;
  readonly queuedPerWorker?: number;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Stands for bytes that are not UTF-8 while the file is text; replaced when it is encoded. */
const NOT_UTF8 = '\uE000';

interface CsvOptions {
  /** Chance that a cell is written wrong in some way. */
  readonly mistakes: number;
  /** Whether the file may end with a broken quote. */
  readonly brokenQuote?: boolean;
}

/** A random CSV file for the ruleset, as bytes. */
function randomCsv(ruleset: CompiledRuleset, random: Random, options: CsvOptions): Uint8Array {
  const delimiter = pick(random, [',', ',', ';', '\t']);
  const end = pick(random, ['\n', '\n', '\r\n', '\r']);
  const all = batchColumns(ruleset);
  // Every identity and context column (mostly), a random selection of facts, shuffled.
  const columns = all.filter((c) =>
    c.kind === 'fact' ? random() < 0.8 : c.id === 'date' ? random() < 0.3 : random() < 0.97,
  );
  for (let i = columns.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [columns[i], columns[j]] = [columns[j] as BatchColumn, columns[i] as BatchColumn];
  }
  const headerStyle = pick(random, ['id', 'id', 'vi', 'en', 'mixed']);
  const headerOf = (c: BatchColumn): string => {
    const style = headerStyle === 'mixed' ? pick(random, ['id', 'vi', 'en']) : headerStyle;
    return style === 'vi' ? c.label.vi : style === 'en' ? c.label.en : c.id;
  };
  const header: string[] = columns.map(headerOf);
  // Now and then a notes column, an unknown one or an empty header cell, somewhere.
  const extras: { at: number; text: string }[] = [];
  if (random() < 0.2) extras.push({ at: Math.floor(random() * header.length), text: '# ghi chú' });
  if (random() < 0.1) extras.push({ at: Math.floor(random() * header.length), text: 'không_biết' });
  if (random() < 0.1) extras.push({ at: header.length, text: '' });
  for (const e of extras) header.splice(e.at, 0, e.text);
  const layout: (BatchColumn | string)[] = [...columns];
  for (const e of extras) layout.splice(e.at, 0, e.text);

  const lines: string[] = [header.map((h) => quoted(h, delimiter, random)).join(delimiter)];
  if (random() < 0.3)
    lines.push(layout.map((c) => (typeof c === 'string' ? '' : quoted(c.label.en, delimiter, random))).join(delimiter));
  const rows = 5 + Math.floor(random() * 25);
  for (let r = 0; r < rows; r++) {
    if (random() < 0.04) {
      lines.push(random() < 0.5 ? '' : delimiter.repeat(layout.length - 1));
      continue;
    }
    const values = rowValues(ruleset, random, options.mistakes);
    let cells = layout.map((c) => {
      if (typeof c === 'string')
        return c.startsWith('#') && random() < 0.5
          ? quoted('ghi chú, "trích"', delimiter, random)
          : random() < 0.1
            ? 'x'
            : '';
      return quoted(cellFor(c, values.get(c.id), r, random, options.mistakes), delimiter, random);
    });
    if (random() < 0.05) cells = cells.slice(0, Math.floor(random() * cells.length)); // a short row
    if (random() < 0.03) cells.push(random() < 0.5 ? 'thừa' : ''); // a cell under no header
    lines.push(cells.join(delimiter));
  }
  let text = (random() < 0.3 ? '\uFEFF' : '') + lines.join(end) + (random() < 0.8 ? end : '');
  if (options.brokenQuote && random() < 0.5) {
    const at = Math.floor(random() * text.length);
    text = `${text.slice(0, at)}"${text.slice(at)}`;
  }
  return encodeWithBadBytes(text);
}

type Value = string | number | boolean | undefined;

/**
 * What one row says, before it is written: a context the rules allow (now and then one they do
 * not), every fact (some unknown), parts within their wholes (now and then above).
 */
function rowValues(ruleset: CompiledRuleset, random: Random, mistakes: number): Map<string, Value> {
  const values = new Map<string, Value>();
  const r = random();
  if (r < 0.45) {
    values
      .set('unit_kind', 'to_dan_pho')
      .set('parent_kind', 'phuong')
      .set('agricultural', random() < 0.8 ? undefined : random() < 0.5);
  } else if (r < 0.97 || mistakes === 0) {
    values
      .set('unit_kind', 'ban')
      .set('parent_kind', pick(random, ['xa', 'phuong']))
      .set('agricultural', random() < 0.5);
  } else {
    // Refused by the context rules, or missing what required_when asks for.
    values
      .set('unit_kind', pick(random, ['to_dan_pho', 'ban']))
      .set('parent_kind', 'xa')
      .set('agricultural', undefined);
  }
  const facts = ruleset.facts;
  for (const f of facts.filter((x) => x.partOf === undefined)) {
    if (random() < 0.06) continue; // unknown
    if (f.type === 'integer')
      values.set(
        f.id,
        f.id === 'households' ? 1 + Math.floor(random() * 400) : Math.floor(random() * (Math.min(f.max ?? 40, 40) + 1)),
      );
    else if (f.type === 'number') values.set(f.id, pick(random, [0, 2, 0.5, 1.25, 3, 0.1, Math.min(f.max ?? 30, 30)]));
    else if (f.type === 'boolean') values.set(f.id, random() < 0.7);
    else values.set(f.id, pick(random, f.values ?? []).id);
  }
  for (const f of facts.filter((x) => x.partOf !== undefined)) {
    if (random() < 0.06) continue;
    const whole = values.get(f.partOf as string);
    const limit = typeof whole === 'number' ? whole : 40;
    const above = mistakes > 0 && random() < 0.01;
    values.set(f.id, above ? limit + 1 : Math.max(f.min ?? 0, limit - Math.floor(random() * random() * (limit + 1))));
  }
  return values;
}

/** A cell as a person might type it: one of the accepted spellings, now and then one that goes wrong. */
function cellFor(c: BatchColumn, value: Value, row: number, random: Random, mistakes: number): string {
  const wrong = random() < mistakes;
  switch (c.type) {
    case 'text':
      if (c.id === 'code') {
        const odd = [
          '',
          ` KDC-${row}`,
          `KDC\\${row}`,
          `KDC\t${row}`,
          `Mã "${row}"`,
          `KDC-${row}${NOT_UTF8}`,
          `\uFEFFKDC-${row}`,
          `KDC-${row}\u00A0`,
        ];
        return wrong ? pick(random, odd) : `KDC-${row}`;
      }
      if (c.id === 'name') {
        const odd = [`Khu ${row} `, `Khu\n${row}`, `Bản ${NOT_UTF8}`, `Khu, ${row}`];
        return wrong ? pick(random, odd) : pick(random, [`Khu ${row}`, `Bản Nà ${row}`, 'Tổ 5', '']);
      }
      return wrong
        ? pick(random, ['Phường Tân Phong ', `Xã ${NOT_UTF8}`])
        : pick(random, ['Phường Tân Phong', 'Xã San Thành', 'Phường Đoàn Kết']);
    case 'year':
      // 2019 and 2026: outside the Lai Châu rules' period (2020–2025), refused on both paths.
      return wrong ? pick(random, ['24', '2024.0', '1899', 'năm 2024', ' 2024', '', '2019', '2026']) : '2024';
    case 'date':
      return wrong
        ? pick(random, ['2024-13-01', '10-10-2024', '2023-05-05'])
        : pick(random, ['', '2024-10-10', '10/10/2024', '1/2/2024']);
  }
  if (wrong) {
    switch (c.type) {
      case 'integer':
        return pick(random, [
          '12a',
          '1.000',
          '1e3',
          '-',
          '1.5',
          '-1',
          ' 12 ',
          '9007199254740993',
          String((c.max ?? 5000) + 1),
          '٣',
          ' ',
        ]);
      case 'number':
        return pick(random, [
          '1,5',
          'abc',
          '5.',
          '.',
          '-.',
          '1e2',
          '0.1234567890123456789',
          '12345678901234567',
          String((c.max ?? 31) + 0.5),
          ' 2',
        ]);
      case 'boolean':
        return pick(random, ['x', 'maybe', '2', 'CÓ', 'khong', 'Dung', 'TRUE', ' có', ' ']);
      default: {
        const v = pick(random, c.values ?? []);
        return pick(random, [
          'zzz',
          v.label.vi.toUpperCase(),
          v.label.vi.normalize('NFD'),
          ` ${v.id}`,
          v.label.en.toLowerCase(),
          '  ',
        ]);
      }
    }
  }
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value) === '0.5' && random() < 0.3 ? '.5' : String(value);
  if (typeof value === 'boolean')
    return value
      ? pick(random, ['có', 'Có', 'yes', '1', 'Đúng', 'true'])
      : pick(random, ['không', 'Không', 'No', '0', 'sai']);
  const v = (c.values ?? []).find((x) => x.id === value);
  return v === undefined ? value : pick(random, [v.id, v.label.vi, v.label.en]);
}

/** Quoted when it must be, and now and then when it need not be (with any quotes doubled). */
function quoted(value: string, delimiter: string, random: Random): string {
  const must = value.includes(delimiter) || /["\r\n]/.test(value);
  return must || random() < 0.1 ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text as UTF-8 and raw bytes, in order. */
function bytesOf(...parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

/** UTF-8, with each NOT_UTF8 mark as a byte that cannot start a character. */
function encodeWithBadBytes(text: string): Uint8Array {
  const parts = text.split(NOT_UTF8).map((p) => Buffer.from(p, 'utf8'));
  const bad = Buffer.from([0xff]);
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [bad, p])));
}

type Evaluated = { results: Buffer; summary: Omit<BatchSummary, 'elapsedMs'> };

/**
 * Both paths gave the same: results bytes (the first differing line is shown), then counts, then
 * problems, so a failure is reported small and at once (a diff of whole files takes long).
 */
function expectSame(quick: Evaluated, careful: Evaluated, where: string): void {
  expect(firstDifference(quick.results, careful.results), where).toBeUndefined();
  // (Which threads read the rows is the one thing that may differ.)
  const { headerProblems, problems, threads: _threads, ...counts } = quick.summary;
  const {
    headerProblems: carefulHeader,
    problems: carefulProblems,
    threads: _carefulThreads,
    ...carefulCounts
  } = careful.summary;
  expect(counts, where).toEqual(carefulCounts);
  expect(headerProblems, where).toEqual(carefulHeader);
  for (const [i, p] of problems.entries()) expect(p, where).toEqual(carefulProblems[i]);
}

/** The first line where two results files differ (raw bytes as \\xNN), or undefined. */
function firstDifference(a: Buffer, b: Buffer): string | undefined {
  if (a.equals(b)) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const start = Math.max(a.lastIndexOf(10, at - 1), b.lastIndexOf(10, at - 1)) + 1;
  const line = (x: Buffer): string => {
    const end = x.indexOf(10, start);
    return [...x.subarray(start, end < 0 ? x.length : end)]
      .map((c) => (c < 0x80 ? String.fromCharCode(c) : `\\x${c.toString(16)}`))
      .join('');
  };
  return `quick:   ${line(a)}\ncareful: ${line(b)}`;
}

/** What evaluateBatch gives on the bytes: the results file's bytes and the summary (without time). */
async function evaluated(
  ruleset: CompiledRuleset,
  bytes: Uint8Array,
  quick: boolean,
  quickReadBytes?: number,
  threaded?: Threaded,
): Promise<Evaluated> {
  const chunks: Buffer[] = [];
  const results = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const { elapsedMs: _, ...summary } = await evaluateBatchVia(
    { text: bytes, format: 'csv', file: 'rows.csv' },
    ruleset,
    { results, detail: 'decision', keepProblems: 1000 },
    {
      quickDecisions: quick,
      ...(quickReadBytes !== undefined ? { quickReadBytes } : {}),
      ...(threaded ? { workers, ...threaded } : {}),
    },
  );
  // Bytes, not text: decoding would hide a byte that is not UTF-8 written where U+FFFD belongs.
  return { results: Buffer.concat(chunks), summary };
}

/** How many rows of the file the quick path takes itself (the others go the careful way). */
async function quickRows(ruleset: CompiledRuleset, bytes: Uint8Array, readBytes: number): Promise<number> {
  let rows = 0;
  const input = await openInput({ text: bytes, format: 'csv' }, {}, readBytes);
  for await (const chunk of csvDecisionChunks(input, 'rows.csv', ruleset, { lines: true, sniffBytes: 65536 })) {
    for (const item of chunk) if (isDecidedRun(item)) rows += item.rows;
  }
  return rows;
}

/**
 * Compares both paths on `files` random files; returns how many rows were read, how many were
 * bad, and how many the quick path took.
 */
async function compareOnRandomFiles(
  ruleset: CompiledRuleset,
  seed: number,
  files: number,
  options: CsvOptions,
): Promise<{ rows: number; bad: number; quick: number }> {
  const random = mulberry32(seed);
  let rows = 0;
  let bad = 0;
  let quickTaken = 0;
  const blocksBefore = workers.decided;
  for (let i = 0; i < files; i++) {
    const bytes = randomCsv(ruleset, random, options);
    const readBytes = random() < 0.2 ? 65536 : 1 + Math.floor(random() * 97);
    const careful = await evaluated(ruleset, bytes, false);
    const quick = await evaluated(ruleset, bytes, true, readBytes);
    // The file is in the message, so a failure shows what to replay.
    expectSame(
      quick,
      careful,
      `file ${i} (seed ${seed}), read in pieces of ${readBytes} bytes:\n${Buffer.from(bytes).toString('utf8')}`,
    );
    const threaded: Threaded = {
      blockBytes: 1 + Math.floor(random() * 1500),
      ...(random() < 0.2 ? { maxUncutBytes: 50 + Math.floor(random() * 400) } : {}),
    };
    const onWorkers = await evaluated(ruleset, bytes, true, readBytes, threaded);
    expectSame(
      onWorkers,
      careful,
      `file ${i} (seed ${seed}), read in pieces of ${readBytes} bytes by workers ${JSON.stringify(threaded)}:\n${Buffer.from(bytes).toString('utf8')}`,
    );
    rows += careful.summary.rows;
    bad += careful.summary.badRows;
    quickTaken += await quickRows(ruleset, bytes, readBytes);
  }
  // The workers did read blocks of these files (not every file: some end before their header does).
  expect(workers.decided - blocksBefore).toBeGreaterThan(files);
  return { rows, bad, quick: quickTaken };
}

describe('the decisions-only CSV path gives what the careful path gives', () => {
  // Each kind of row must be well represented for the comparisons to mean something: bad rows
  // (the careful path's diagnostics), rows the quick path takes, and valid rows it leaves.
  it('on random files for the small rules, with mistakes of every kind', async () => {
    const { rows, bad, quick } = await compareOnRandomFiles(small, 20_240, 250, { mistakes: 0.03 });
    expect(bad).toBeGreaterThan(rows / 5);
    expect(quick).toBeGreaterThan(rows / 3);
    expect(rows - bad - quick).toBeGreaterThan(rows / 10);
  });

  it('on random files for the Lai Châu rules (wide rows, quoted labels such as "Yếu, kém")', async () => {
    const { rows, bad, quick } = await compareOnRandomFiles(laiChau, 2_025, 100, { mistakes: 0.004 });
    expect(bad).toBeGreaterThan(rows / 5);
    expect(quick).toBeGreaterThan(rows / 3);
    expect(rows - bad - quick).toBeGreaterThan(rows / 20);
  });

  it('on files whose quoting breaks somewhere (the same rows before, the same error)', async () => {
    await compareOnRandomFiles(small, 77, 120, { mistakes: 0.02, brokenQuote: true });
  });

  it('on empty, header-only and edge-case files', async () => {
    const header = 'code,name,unit,year,unit_kind,parent_kind,agricultural,households';
    const texts = [
      '',
      '\uFEFF',
      '\n\n',
      'code,name\n',
      header,
      '"code\n',
      // Two byte-order marks (the reader drops both, like the decoder and the tokenizer), a third kept.
      `\uFEFF\uFEFF${header}\nB,b,u,2024,to_dan_pho,phuong,,12\n`,
      `\uFEFF\uFEFF\uFEFF${header}\nB,b,u,2024,to_dan_pho,phuong,,12\n`,
      // \r line ends (a lone \r at the end of a piece cannot say yet whether \n follows).
      `${header}\rB1,b,u,2024,to_dan_pho,phuong,,12\rB2,b,u,2024,ban,xa,có,7\r\rB3,b,u,2024,ban,xa,không,9`,
      // A quoted cell closing at the very end of the file; a U+FEFF starting a row; a doubled quote.
      `${header}\nB1,b,u,2024,to_dan_pho,phuong,,"12"`,
      `${header}\n\uFEFFB1,b,u,2024,to_dan_pho,phuong,,12\nB2,"b ""x""",u,2024,ban,xa,có,7\n`,
      // Integers read a word at a time (one to three digits) and by the loop (more, a sign, a
      // letter after the digits, the text's end); choices read as two words with the delimiter
      // after them, and those followed by a line break or the end.
      `${header}\nB0,b,u,2024,ban,xa,có,1\nB1,b,u,2024,ban,xa,không,0012\nB2,b,u,2024,ban,xa,có,1234\nB3,b,u,2024,ban,xa,không,7a\nB4,b,u,2024,ban,xa,có,-3\nB5,b,u,2024,ban,xa,có,99999\nB6,b,u,2024,ban,xa,không,05\r\nB7,b,u,2024,ban,xa,có,\nB8,b,u,2024,ban,xa,,345\nB9,b,u,2024,ban,xa,không,3\nB10,b,u,2024,ban,xa,có`,
    ];
    // (The row right under a header always takes the careful path: it may be the English labels.
    // So each case below has an ordinary row first.)
    const laiChauHeader =
      'code,name,unit,year,unit_kind,parent_kind,mass_organisations_lowest_rating,households\nB0,b,u,2024,to_dan_pho,phuong,tot,12';
    const files: [CompiledRuleset, Uint8Array][] = [
      ...texts.map((t): [CompiledRuleset, Uint8Array] => [small, Buffer.from(t, 'utf8')]),
      // "Yếu, kém" is one label; unquoted, it is two cells ("Yếu" and " kém"), not the label.
      [
        laiChau,
        Buffer.from(
          `${laiChauHeader}\nB1,b,u,2024,to_dan_pho,phuong,Yếu, kém\nB2,b,u,2024,to_dan_pho,phuong,"Yếu, kém",12\n`,
          'utf8',
        ),
      ],
      // A date and a lone byte 0xA0: not UTF-8 (U+FFFD: a bad date), though as latin1 it would be a no-break space.
      [
        small,
        bytesOf(
          'code,name,unit,year,date,unit_kind,parent_kind\nB0,b,u,2024,,to_dan_pho,phuong\nB1,b,u,2024,2024-10-10',
          [0xa0],
          ',to_dan_pho,phuong\n',
        ),
      ],
      // Text cells that are not UTF-8: U+FFFD in the results, never the raw bytes.
      [
        small,
        bytesOf(
          'code,name,unit,year,unit_kind,parent_kind\nB0,b,u,2024,to_dan_pho,phuong\nB',
          [0xff],
          ',b',
          [0xc3, 0x28],
          ',u,2024,to_dan_pho,phuong\n',
        ),
      ],
    ];
    for (const [ruleset, bytes] of files) {
      const careful = await evaluated(ruleset, bytes, false);
      for (const readBytes of [1, 2, 3, 7, 65536]) {
        expectSame(
          await evaluated(ruleset, bytes, true, readBytes),
          careful,
          `${JSON.stringify(Buffer.from(bytes).toString('latin1'))} in pieces of ${readBytes}`,
        );
        for (const blockBytes of [1, 5, 64]) {
          const where = `${JSON.stringify(Buffer.from(bytes).toString('latin1'))} in pieces of ${readBytes}, blocks of ${blockBytes}`;
          expectSame(await evaluated(ruleset, bytes, true, readBytes, { blockBytes }), careful, where);
        }
      }
    }
  });

  it("on files as writeAssessments writes them (the bench's format), read from disk", async () => {
    const dir = await tempDir();
    try {
      const random = mulberry32(2_024);
      const rows: BatchInputRow[] = [];
      for (let i = 0; i < 3000; i++) {
        const values = rowValues(laiChau, random, 0.002);
        const of = (ids: readonly string[]): Record<string, InputValue> =>
          Object.fromEntries(ids.map((id) => [id, values.get(id) ?? null]));
        rows.push({
          area: { code: `KDC-${i + 1}`, name: `Khu ${i + 1}`, unit: 'Phường Tân Phong', year: 2024 },
          context: of(laiChau.context.map((a) => a.id)),
          facts: of(laiChau.facts.map((f) => f.id)),
        });
      }
      for (const headers of ['ids', 'labels'] as const) {
        const path = join(dir.path, `rows-${headers}.csv`);
        await writeAssessments(laiChau, path, rows, { format: 'csv', headers });
        const careful = await evaluatedFile(laiChau, path, false);
        const quick = await evaluatedFile(laiChau, path, true);
        expectSame(quick, careful, path);
        // Read by the workers in blocks of about 10 rows: they did read it (the blocks were answered;
        // the first two per worker always go to them, the main thread decides others while they are busy).
        const before = workers.decided;
        expectSame(await evaluatedFile(laiChau, path, true, { blockBytes: 4096 }), careful, `${path} by workers`);
        expect(workers.decided - before).toBeGreaterThanOrEqual(2 * workers.size);
        // Every block decided by the main thread, the workers given none: the same lines again.
        const asked = workers.decided;
        expectSame(
          await evaluatedFile(laiChau, path, true, { blockBytes: 4096, queuedPerWorker: 0 }),
          careful,
          `${path} by the main thread in blocks`,
        );
        expect(workers.decided).toBe(asked);
        expect(careful.summary.rows).toBe(3000);
        expect(careful.summary.badRows).toBeGreaterThan(300);
      }
    } finally {
      await dir.remove();
    }
  });
});

/** evaluated(), on a file path (read from disk in the quick path's own pieces, or of `quickReadBytes`). */
async function evaluatedFile(
  ruleset: CompiledRuleset,
  path: string,
  quick: boolean,
  threaded?: Threaded,
  quickReadBytes?: number,
): Promise<Evaluated> {
  const out = `${path}.${quick ? 'quick' : 'careful'}${threaded ? '-workers' : ''}.jsonl`;
  const { elapsedMs: _, ...summary } = await evaluateBatchVia(
    path,
    ruleset,
    { results: out, detail: 'decision', keepProblems: 100_000 },
    {
      quickDecisions: quick,
      ...(threaded ? { workers, ...threaded } : {}),
      ...(quickReadBytes !== undefined ? { quickReadBytes } : {}),
    },
  );
  return { results: await readFile(out), summary };
}

describe('the decisions-only CSV path on files read from disk (one read buffer, reused)', () => {
  it("gives the careful path's bytes on hostile files, with a read ending at every byte of their quoted fields", async () => {
    const dir = await tempDir();
    try {
      const header = 'code,name,unit,year,unit_kind,parent_kind,agricultural,households';
      // CRLF line ends, a quoted cell the quick reader takes ("12"), a quoted name with a doubled
      // quote, the delimiter and a line break inside (the careful path's), a U+FEFF and Vietnamese
      // inside a quoted name, a \r line end, a bad number, a quoted choice.
      const hostile =
        'B1,b,u,2024,to_dan_pho,phuong,,"12"\r\nB2,"Khu ""Nà"", bản\r\nmới \uFEFFCó",u,2024,ban,xa,không,9\r\n' +
        'B3,b,u,2024,ban,xa,có,8\rB4,"Yếu, kém",u,2024,ban,xa,có,"7"\nB5,b,u,2024,ban,xa,"có",x\n';
      // Twice: in the first 16 KiB (read whole for the separator, then replayed) and past them,
      // where the read buffer is reused; a byte-order mark first and no line break at the end.
      const plain = 'P,b,u,2024,ban,xa,có,7\r\n'.repeat(800);
      const text = `\uFEFF${header}\r\nB0,b,u,2024,ban,xa,có,7\r\n${hostile}${plain}${hostile}B6,b,u,2024,ban,xa,có,6`;
      const path = join(dir.path, 'hostile.csv');
      await writeFile(path, text, 'utf8');
      const careful = await evaluatedFile(small, path, false);
      expect(careful.summary.rows).toBe(812);
      expect(careful.summary.badRows).toBeGreaterThanOrEqual(2);
      // Reads of 1 byte end at every byte; the others at other places in each field.
      for (const size of [1, 2, 3, 7, 13, 64, 4096]) {
        expectSame(await evaluatedFile(small, path, true, undefined, size), careful, `reads of ${size} bytes`);
        expectSame(
          await evaluatedFile(small, path, true, { blockBytes: 100 }, size),
          careful,
          `reads of ${size} bytes, workers in blocks of 100`,
        );
        expectSame(
          await evaluatedFile(small, path, true, { blockBytes: 100, queuedPerWorker: 0 }, size),
          careful,
          `reads of ${size} bytes, the main thread in blocks of 100`,
        );
      }
    } finally {
      await dir.remove();
    }
  });
});

describe('decide workers', () => {
  it('are used by default only for large inputs (32 MiB), and whenever asked for', async () => {
    const text = `code,name,unit,year,unit_kind,parent_kind,agricultural,households\n${'B,b,u,2024,ban,xa,có,7\n'.repeat(20_000)}`;
    const source = { text, format: 'csv' as const, file: 'rows.csv' };
    const run = async (threads?: number) => {
      const chunks: Buffer[] = [];
      const results = new Writable({
        write: (chunk: Buffer, _e, done) => {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      const summary = await evaluateBatch(source, small, {
        detail: 'decision',
        results,
        ...(threads !== undefined ? { threads } : {}),
      });
      return { threads: summary.threads, results: Buffer.concat(chunks) };
    };
    const byDefault = await run();
    const one = await run(1);
    expect(byDefault.threads).toBe(0);
    expect(one.threads).toBe(1);
    expect(one.results.equals(byDefault.results)).toBe(true);
    expect((await run(0)).threads).toBe(0);
  });

  it('a worker that has stopped fails the batch with an error; nothing waits for it forever', async () => {
    // (This thread reads the first 64 KiB itself, where it looks for the separator; the rest goes to the workers.)
    const stopped = DecideWorkers.start(1);
    await stopped.close();
    const text = `code,name,unit,year,unit_kind,parent_kind,agricultural,households\n${'B,b,u,2024,ban,xa,có,7\n'.repeat(5000)}`;
    const run = evaluateBatchVia(
      { text, format: 'csv', file: 'rows.csv' },
      small,
      { detail: 'decision' },
      { quickDecisions: true, quickReadBytes: 100, workers: stopped, blockBytes: 100 },
    );
    await expect(run).rejects.toThrow(/decide worker stopped/);
  });
});

describe('the quick path', () => {
  it('takes the plain rows itself (the comparisons above are not only of the careful path with itself)', async () => {
    const random = mulberry32(5);
    let rows = 0;
    let quick = 0;
    for (let i = 0; i < 20; i++) {
      const bytes = randomCsv(laiChau, random, { mistakes: 0 });
      for await (const chunk of csvDecisionChunks(
        await openInput({ text: bytes, format: 'csv' }, {}, 4096),
        'rows.csv',
        laiChau,
        { lines: true, sniffBytes: 65536 },
      )) {
        for (const item of chunk) {
          if (isDecidedRun(item)) {
            rows += item.rows;
            quick += item.rows;
          } else if (!item.header) rows += 1;
        }
      }
    }
    // Declined: the row under the header, blank rows, and rows the generator made odd on purpose
    // (padding, quotes around a number, short rows…) even without "mistakes".
    expect(quick).toBeGreaterThan(rows * 0.6);
  });

  it('reads, for each row it takes, exactly the values and area the careful path reads', () => {
    // Output comparisons cannot see a value read wrong that happens not to change a decision
    // (0.5 read as 5, say): here the values themselves are compared, row by row.
    for (const [ruleset, seed, files] of [
      [small, 31, 150],
      [laiChau, 32, 40],
    ] as const) {
      const random = mulberry32(seed);
      let taken = 0;
      for (let f = 0; f < files; f++) {
        let bytes = Buffer.from(randomCsv(ruleset, random, { mistakes: 0.02 }));
        while (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        const text = bytes.toString('latin1');
        const d = sniffDelimiter(bytes.toString('utf8', 0, Math.min(bytes.length, 65536)));
        const fieldsOf = (start: number, end: number): string[] => {
          const record = bytes.toString('utf8', start, end);
          const split = splitRecord(record, 0, record.length, true, d.charCodeAt(0));
          return split.kind === 'record' ? split.fields : [];
        };
        let careful: RowReader | undefined;
        let quick: SlotRowReader | undefined;
        let row = 0;
        for (let pos = 0; pos < text.length; ) {
          const split = splitRecord(text, pos, text.length, true, d.charCodeAt(0));
          if (split.kind !== 'record') break;
          const fields = fieldsOf(pos, split.end);
          row += 1;
          if (careful === undefined || quick === undefined) {
            if (!RowReader.isBlank(fields)) {
              const header = readHeader(ruleset, 'rows.csv', row, fields);
              careful = new RowReader(ruleset, 'rows.csv', header);
              quick = SlotRowReader.create(ruleset, header, d);
            }
          } else if (quick.read(bytes, pos, split.end, true) === split.end) {
            taken += 1;
            const record = careful.read(row, fields);
            const where = `file ${f} row ${row}: ${JSON.stringify(fields)}`;
            expect(record.diagnostics, where).toEqual([]);
            const assessment = record.assessment as {
              context: Record<string, unknown>;
              facts: Record<string, unknown>;
            };
            // Then the date slot, which the engine's decide() fills from area.date (or area.year alone).
            const inSlots = [
              ...ruleset.context.map((a) => assessment.context[a.id]),
              ...ruleset.facts.map((x) => assessment.facts[x.id]),
              assessmentDate(record.assessment),
            ];
            expect(quick.values, where).toEqual(inSlots.map((v) => (v === null ? undefined : v)));
            const cell = (start: number, end: number): string | undefined =>
              start < 0 ? undefined : bytes.toString('utf8', start, end);
            const area = {
              code: cell(quick.codeStart, quick.codeEnd),
              name: cell(quick.nameStart, quick.nameEnd),
              unit: cell(quick.unitStart, quick.unitEnd),
              date: quick.date,
              year: quick.year,
            };
            expect(Object.fromEntries(Object.entries(area).filter(([, v]) => v !== undefined)), where).toEqual(
              record.area,
            );
          }
          pos = split.end;
        }
      }
      expect(taken).toBeGreaterThan(files * 3);
    }
  });

  it('writes each line as JSON.stringify does', () => {
    const writer = new DecisionLineWriter(small);
    const random = mulberry32(11);
    const texts = ['KDC-1', 'Bản Nà Khum', 'Phường Tân Phong', '😀 Khu', 'a/b', "l'x", 'Ő'];
    let expected = '';
    for (let i = 0; i < 400; i++) {
      const area = {
        code: random() < 0.9 ? pick(random, texts) : undefined,
        name: random() < 0.8 ? pick(random, texts) : undefined,
        unit: random() < 0.8 ? pick(random, texts) : undefined,
        date: random() < 0.3 ? '2024-10-10' : undefined,
        year: random() < 0.9 ? 2024 : undefined,
      };
      const decision = pick<Decision>(random, ['recognised', 'not_recognised', 'undetermined']);
      const passed = small.groups.map(() => Math.floor(random() * 4));
      const row = i === 7 ? 2 ** 40 : 1 + Math.floor(random() * 2_000_000);
      // The writer takes the text cells as byte ranges of the row's bytes.
      const cells = [area.code, area.name, area.unit];
      const bytes = Buffer.from(cells.map((c) => c ?? '').join('|'), 'utf8');
      const ranges: number[] = [];
      let at = 0;
      for (const c of cells) {
        const length = Buffer.byteLength(c ?? '', 'utf8');
        ranges.push(c === undefined ? -1 : at, at + length);
        at += length + 1;
      }
      const [codeStart, codeEnd, nameStart, nameEnd, unitStart, unitEnd] = ranges as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      writer.line(
        row,
        { bytes, codeStart, codeEnd, nameStart, nameEnd, unitStart, unitEnd, date: area.date, year: area.year },
        decision,
        passed,
      );
      const jsonArea = Object.fromEntries(Object.entries(area).filter(([, v]) => v !== undefined));
      expected += `${JSON.stringify({ row, area: jsonArea, status: 'decided', decision, standards: small.groups.map((g, k) => ({ id: g.id, passed: passed[k] })) })}\n`;
    }
    expect(Buffer.from(writer.take()).toString('utf8')).toBe(expected);
  });

  it('writes each line with its level as JSON.stringify does, for a scheme with levels', async () => {
    const tiered = await rules(join(ROOT, 'rules/ntm-commune-2021-2025'));
    const ids = [null, ...(tiered.levels ?? []).map((l) => l.id)];
    const writer = new DecisionLineWriter(tiered);
    const random = mulberry32(12);
    const bytes = Buffer.from('X-1', 'utf8');
    let expected = '';
    for (let i = 0; i < 300; i++) {
      const decision = pick<Decision>(random, ['recognised', 'not_recognised', 'undetermined']);
      const level = { reached: pick(random, ids), possible: pick(random, ids) };
      const passed = tiered.groups.map(() => Math.floor(random() * 5));
      const area = { bytes, codeStart: 0, codeEnd: 3, nameStart: -1, nameEnd: -1, unitStart: -1, unitEnd: -1 };
      writer.line(i + 1, { ...area, date: '2024-10-10', year: 2024 }, decision, passed, level);
      const standards = tiered.groups.map((g, k) => ({ id: g.id, passed: passed[k] }));
      const line = { row: i + 1, area: { code: 'X-1', date: '2024-10-10', year: 2024 }, status: 'decided', decision };
      expected += `${JSON.stringify({ ...line, level, standards })}\n`;
    }
    expect(Buffer.from(writer.take()).toString('utf8')).toBe(expected);
  });

  it('writes new lines into memory whose lines were written out, never over lines still waiting', () => {
    const writer = new DecisionLineWriter(small);
    const random = mulberry32(13);
    const bytes = Buffer.from('KDC-1', 'utf8');
    const area = { bytes, codeStart: 0, codeEnd: 5, nameStart: -1, nameEnd: -1, unitStart: -1, unitEnd: -1 };
    // Taken views not written out yet, with the text each must still hold.
    const waiting: { bytes: Uint8Array; written: () => void; text: string }[] = [];
    const pinned: typeof waiting = [];
    const memories = new Set<ArrayBufferLike>();
    let total = 0;
    for (let take = 0; take < 800; take++) {
      let text = '';
      for (let i = 0; i < 100; i++) {
        const row = take * 100 + i + 3;
        const decision = pick<Decision>(random, ['recognised', 'not_recognised', 'undetermined']);
        // Counts of one digit (the template) and of two (written piece by piece).
        const passed = small.groups.map(() => Math.floor(random() * (random() < 0.9 ? 10 : 20)));
        writer.line(row, { ...area, date: undefined, year: 2024 }, decision, passed);
        const standards = small.groups.map((g, k) => ({ id: g.id, passed: passed[k] }));
        text += `${JSON.stringify({ row, area: { code: 'KDC-1', year: 2024 }, status: 'decided', decision, standards })}\n`;
      }
      const lines = writer.takeWritten();
      total += lines.bytes.length;
      memories.add(lines.bytes.buffer);
      // The first takes are never written out (a caller that keeps its lines); the others are,
      // 20 takes later (the output stream holding a few megabytes).
      (take < 10 ? pinned : waiting).push({ ...lines, text });
      while (waiting.length > 20) {
        const oldest = waiting.shift();
        expect(Buffer.from(oldest?.bytes ?? []).toString('utf8')).toBe(oldest?.text);
        oldest?.written();
        oldest?.written(); // a second call changes nothing
      }
    }
    for (const kept of [...pinned, ...waiting]) expect(Buffer.from(kept.bytes).toString('utf8')).toBe(kept.text);
    // Several megabytes of lines in a few memories: the pinned one and the ones taking turns.
    expect(total).toBeGreaterThan(8 * 1024 * 1024);
    expect(memories.size).toBeLessThanOrEqual(3);
  });
});

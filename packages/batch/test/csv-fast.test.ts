/**
 * The specialised CSV tokenizer agrees with csv-parse (the reference), record for record, on
 * random CSV text: quoted and unquoted fields, separators, doubled quotes, line breaks inside
 * quotes, \n, \r\n and \r line ends, blank lines, Vietnamese text, with or without a final line
 * break, fed in random chunks that may cut a character's UTF-8 bytes apart. Broken inputs make
 * both stop. Seeds are fixed, so a failure replays.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FastCsvTokenizer } from '../src/formats/csv-fast.js';
import { mulberry32 } from './helpers/big-csv.js';

const PIECES = ['a', 'b', 'Bản', 'hộ', 'Ữ', '12', ' ', '"', ',', ';', '\n', '\r\n', 'đúng', '😀'];

function randomCsv(random: () => number, delimiter: string): string {
  const rows = 1 + Math.floor(random() * 8);
  const ends = ['\n', '\r\n', '\r'];
  const end = ends[Math.floor(random() * ends.length)] as string;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    if (random() < 0.1) {
      lines.push('');
      continue;
    }
    const fields = 1 + Math.floor(random() * 5);
    const cells: string[] = [];
    for (let f = 0; f < fields; f++) {
      let value = '';
      const length = Math.floor(random() * 5);
      for (let k = 0; k < length; k++) value += PIECES[Math.floor(random() * PIECES.length)];
      const needsQuotes = /[",;\r\n]/.test(value) || value.includes(delimiter);
      cells.push(needsQuotes || random() < 0.2 ? `"${value.replace(/"/g, '""')}"` : value);
    }
    lines.push(cells.join(delimiter));
  }
  return lines.join(end) + (random() < 0.5 ? end : '');
}

function fast(bytes: Buffer, delimiter: string, random: () => number): { records: string[][]; error: boolean } {
  const tokenizer = new FastCsvTokenizer(delimiter);
  const records: string[][] = [];
  let at = 0;
  while (at < bytes.length) {
    const size = 1 + Math.floor(random() * 7);
    if (tokenizer.push(bytes.subarray(at, at + size), records)) return { records, error: true };
    at += size;
  }
  return { records, error: tokenizer.end(records) !== undefined };
}

function reference(text: string, delimiter: string): { records: string[][]; error: boolean } {
  try {
    return {
      records: parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][],
      error: false,
    };
  } catch {
    return { records: [], error: true };
  }
}

describe('FastCsvTokenizer and csv-parse', () => {
  it('give the same records on 1,500 random well-formed CSV texts cut into random chunks', () => {
    const random = mulberry32(4_181);
    for (let i = 0; i < 1500; i++) {
      const delimiter = random() < 0.7 ? ',' : ';';
      const text = (random() < 0.2 ? '\uFEFF' : '') + randomCsv(random, delimiter);
      const expected = reference(text, delimiter);
      expect(expected.error, JSON.stringify(text)).toBe(false);
      const actual = fast(Buffer.from(text, 'utf8'), delimiter, random);
      expect({ text, ...actual }).toEqual({ text, ...expected });
    }
  });

  it('both refuse broken quoting, and agree on the records before it', () => {
    const random = mulberry32(7);
    let broken = 0;
    for (let i = 0; i < 1500; i++) {
      const text = randomCsv(random, ',');
      // Break it: drop one quote, or put a quote inside an unquoted field.
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index ?? 0);
      const damaged =
        quotes.length > 0 && random() < 0.7
          ? ((q) => text.slice(0, q) + text.slice(q + 1))(quotes[Math.floor(random() * quotes.length)] as number)
          : `x"y,${text}`;
      const expected = reference(damaged, ',');
      const actual = fast(Buffer.from(damaged, 'utf8'), ',', random);
      expect({ damaged, error: actual.error }).toEqual({ damaged, error: expected.error });
      if (expected.error) broken++;
      else expect(actual.records).toEqual(expected.records);
    }
    expect(broken).toBeGreaterThan(500);
  });

  it('reports where a quoted field that never closes begins', () => {
    const records: string[][] = [];
    const tokenizer = new FastCsvTokenizer(',');
    expect(tokenizer.push('a,b\nc,"d\ne\n', records)).toBeUndefined();
    expect(tokenizer.end(records)).toMatchObject({ line: 2 });
    expect(records).toEqual([['a', 'b']]);
  });
});

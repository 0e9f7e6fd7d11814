/**
 * A large, varied CSV in the batch layout (ids in the header), written streaming: the input of the
 * memory test and of the decide-workers test on the build (dist/decide-workers.dist.test.ts). Rows vary with a seeded
 * PRNG (mulberry32): sizes, thresholds hit or missed, yes/no answers, a few blanks (unknown), and,
 * when asked, a few bad cells ("12a") so error rows are exercised too.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { mulberry32 } from '@lcz/criteria-engine/testing';
import { batchColumns } from '../../src/columns.js';

export { mulberry32 } from '@lcz/criteria-engine/testing';

export interface BigCsvOptions {
  readonly rows: number;
  readonly seed?: number;
  /** One row in `badEvery` gets a bad cell (0: none). */
  readonly badEvery?: number;
}

/** Distinct row bodies; rows beyond them repeat one with a new code (generation stays cheap). */
const VARIANTS = 2048;

export async function writeBigCsv(ruleset: CompiledRuleset, path: string, options: BigCsvOptions): Promise<void> {
  const random = mulberry32(options.seed ?? 2024);
  const columns = batchColumns(ruleset);
  const wholeOf = new Map(ruleset.facts.filter((f) => f.partOf !== undefined).map((f) => [f.id, f.partOf as string]));
  const bodies: string[] = [];
  for (let v = 0; v < Math.min(VARIANTS, options.rows); v++) bodies.push(rowBody(columns, wholeOf, random).join(','));
  const out = createWriteStream(path);
  let buffer = `${columns.map((c) => c.id).join(',')}\n`;
  for (let i = 0; i < options.rows; i++) {
    let body = bodies[i % bodies.length] as string;
    if (options.badEvery && i % options.badEvery === options.badEvery - 1) body = body.replace(/,(\d+),/, ',12a,');
    // batchColumns puts code and name first.
    buffer += `KDC-${i + 1},Khu ${i + 1},${body}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** The cells after code and name: unit, year, date, context, facts. */
function rowBody(
  columns: ReturnType<typeof batchColumns>,
  wholeOf: ReadonlyMap<string, string>,
  random: () => number,
): string[] {
  const ward = random() < 0.6;
  const unitKind = ward && random() < 0.85 ? 'to_dan_pho' : 'ban';
  const households = 40 + Math.floor(random() * 260);
  const known = new Map<string, number>();
  return columns
    .filter((c) => c.id !== 'code' && c.id !== 'name')
    .map((c): string => {
      if (c.kind === 'identity') {
        if (c.id === 'unit') return ward ? 'Phường Tân Phong' : 'Xã San Thành';
        if (c.id === 'year') return '2024';
        return '';
      }
      if (c.id === 'unit_kind') return unitKind === 'ban' ? 'Bản' : 'Tổ dân phố';
      if (c.id === 'parent_kind') return ward ? 'phuong' : 'xa';
      if (c.id === 'agricultural') return unitKind === 'ban' ? (random() < 0.8 ? 'có' : 'không') : '';
      if (random() < 0.01) return ''; // unknown
      switch (c.type) {
        case 'integer': {
          // A part stays within its whole (when the whole is known), mostly near it, sometimes small.
          const whole = wholeOf.get(c.id);
          const max =
            c.id === 'households' ? households : whole !== undefined ? known.get(whole) : 1 + Math.floor(random() * 30);
          if (max === undefined) return String(Math.floor(random() * 3));
          const small = /violating|poor|dropouts|disciplined/.test(c.id);
          const value =
            c.id === 'households' || whole === undefined
              ? max
              : small
                ? Math.floor(random() * max * 0.12)
                : max - Math.floor(random() * random() * max * 0.06);
          known.set(c.id, value);
          return String(value);
        }
        case 'number':
          return String(Math.floor(random() * 4));
        case 'boolean': {
          const bad = c.id.endsWith('_occurred') || c.id.endsWith('_present');
          const yes = bad ? random() < 0.08 : random() < 0.92;
          return yes ? 'có' : 'không';
        }
        case 'enum':
        case 'ordinal': {
          const values = c.values ?? [];
          const top = values.slice(Math.max(0, values.length - 3));
          return (top[Math.floor(random() * top.length)] ?? values[0])?.id ?? '';
        }
        default:
          return '';
      }
    });
}

/**
 * The quick checks (per-column bounds, part ≤ whole, the remembered context verdict, and the
 * checker for JSON records) must agree with the engine's validateAssessment on which inputs are
 * valid: a row they accept is evaluated without the engine looking, and a row they refuse gets
 * the engine's diagnostics. Random rows around the boundaries, seeded.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { compileAssessmentCheck } from '../src/assessment-check.js';
import { batchColumns } from '../src/columns.js';
import { readHeader } from '../src/header.js';
import { RowReader } from '../src/row-reader.js';
import { mulberry32 } from './helpers/big-csv.js';
import { LAI_CHAU, rules, SMALL } from './helpers/setup.js';

let laiChau: CompiledRuleset;
let small: CompiledRuleset;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  small = await rules(SMALL);
});

const engineAccepts = (ruleset: CompiledRuleset, value: unknown): boolean =>
  ruleset.validateAssessment(value).diagnostics.length === 0;

/**
 * A random cell for a column: usually an ordinary value (a part below its whole), now and then a
 * value on or just past a bound, a part above its whole, or an empty cell.
 */
function cellFor(
  column: ReturnType<typeof batchColumns>[number],
  role: 'part' | 'whole' | 'plain',
  random: () => number,
): string {
  if (random() < 0.05) return '';
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  switch (column.type) {
    case 'integer':
    case 'number': {
      const lo = column.min ?? 0;
      const hi = column.max ?? 1000;
      if (random() < 0.015) return String(pickOf([lo - 1, lo, hi, hi + 1, Number.MAX_SAFE_INTEGER + 1]));
      const value =
        role === 'whole'
          ? 600 + Math.floor(random() * 300)
          : role === 'part' && random() > 0.01
            ? Math.floor(random() * 500)
            : Math.floor(random() * 950);
      return column.type === 'number' && random() < 0.3 ? `${Math.min(value, hi - 1)}.5` : String(Math.min(value, hi));
    }
    case 'boolean':
      return pickOf(['có', 'không']);
    case 'enum':
    case 'ordinal':
      return pickOf(column.values ?? []).id;
    case 'year':
      return '2024';
    default:
      return `v${Math.floor(random() * 9)}`;
  }
}

describe('quick checks agree with the engine', () => {
  it.each([
    ['the small rules', () => small, 4000],
    ['the Lai Châu rules', () => laiChau, 1500],
  ])('on random spreadsheet rows (%s)', (_name, ruleset, count) => {
    const r = ruleset();
    const columns = batchColumns(r).filter((c) => c.id !== 'date');
    const reader = new RowReader(
      r,
      'rows.csv',
      readHeader(
        r,
        'rows.csv',
        1,
        columns.map((c) => c.id),
      ),
    );
    const random = mulberry32(99);
    const parts = new Set(r.facts.filter((f) => f.partOf !== undefined).map((f) => f.id));
    const wholes = new Set(r.facts.map((f) => f.partOf).filter((w) => w !== undefined));
    const role = (id: string): 'part' | 'whole' | 'plain' =>
      wholes.has(id) ? 'whole' : parts.has(id) ? 'part' : 'plain';
    let refused = 0;
    for (let i = 0; i < count; i++) {
      const cells = columns.map((c) => cellFor(c, role(c.id), random));
      const decoded = reader.decode(i + 2, cells);
      const engine = engineAccepts(r, decoded.assessment);
      expect({ cells, checked: decoded.checked }).toEqual({ cells, checked: engine });
      if (!engine) refused++;
    }
    // Both outcomes must be well represented for the agreement to mean something.
    expect(refused).toBeGreaterThan(count / 10);
    expect(refused).toBeLessThan(count * 0.9);
  });

  it("the JSON record checker refuses, as the engine does, a date outside the ruleset's effective period", () => {
    const check = compileAssessmentCheck(laiChau);
    const context = { unit_kind: 'ban', parent_kind: 'xa', agricultural: true };
    const verdicts = ['2019-12-31', '2020-01-01', '2025-12-31', '2026-01-01'].map((date) => {
      const v = { area: { date }, context, facts: {} };
      expect({ date, quick: check(v) }).toEqual({ date, quick: engineAccepts(laiChau, v) });
      return check(v);
    });
    expect(verdicts).toEqual([false, true, true, false]);
  });

  it('the JSON record checker, on valid records and on every kind of mistake', () => {
    const valid = {
      area: { code: 'B-01', name: 'Bản Một', unit: 'Xã Một', date: '2024-10-10' },
      context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
      facts: {
        households: 100,
        households_ok: 99,
        cleanups: 2.5,
        market_occurred: false,
        rating: 'tot',
        road_kind: 'asphalt',
      },
    };
    const check = compileAssessmentCheck(small);
    const variants: unknown[] = [
      valid,
      { ...valid, ruleset: 'batch-test-rules' },
      { ...valid, ruleset: 'other-rules' },
      { ...valid, facts: { ...valid.facts, households: '100' } },
      { ...valid, facts: { ...valid.facts, households: 10.5 } },
      { ...valid, facts: { ...valid.facts, households: -1 } },
      { ...valid, facts: { ...valid.facts, households: 5001 } },
      { ...valid, facts: { ...valid.facts, households: null, households_ok: 3 } },
      { ...valid, facts: { ...valid.facts, households_ok: 101 } },
      { ...valid, facts: { ...valid.facts, cleanups: Number.POSITIVE_INFINITY } },
      { ...valid, facts: { ...valid.facts, cleanups: Number.NaN } },
      { ...valid, facts: { ...valid.facts, market_occurred: 'no' } },
      { ...valid, facts: { ...valid.facts, market_occurred: 0 } },
      { ...valid, facts: { ...valid.facts, rating: 'Tốt' } },
      { ...valid, facts: { ...valid.facts, road_kind: 1 } },
      { ...valid, facts: { ...valid.facts, housholds: 1 } },
      { ...valid, facts: { ...valid.facts, households: Number.MAX_SAFE_INTEGER + 1 } },
      { ...valid, facts: [] },
      { ...valid, facts: undefined },
      { ...valid, context: { unit_kind: 'ban', parent_kind: 'xa' } },
      { ...valid, context: { unit_kind: 'to_dan_pho', parent_kind: 'xa' } },
      { ...valid, context: { unit_kind: 'to_dan_pho', parent_kind: 'phuong' } },
      { ...valid, context: { unit_kind: 'to_dan_pho', parent_kind: 'phuong', agricultural: null } },
      { ...valid, context: { unit_kind: 'bản', parent_kind: 'xa', agricultural: true } },
      { ...valid, context: { ...valid.context, extra: 1 } },
      { ...valid, context: { ...valid.context, agricultural: 'yes' } },
      { ...valid, area: { ...valid.area, date: '10/10/2024' } },
      { ...valid, area: { ...valid.area, year: 2024 } },
      { ...valid, area: { ...valid.area, code: 12 } },
      { ...valid, area: null },
      { ...valid, extra: true },
      { context: valid.context, facts: {} },
      { facts: {} },
      JSON.parse(
        '{"__proto__": {"x": 1}, "context": {"unit_kind": "ban", "parent_kind": "xa", "agricultural": true}, "facts": {}}',
      ),
      [],
      null,
      'text',
      42,
    ];
    let accepted = 0;
    for (const v of variants) {
      const engine = engineAccepts(small, v);
      expect({ v, quick: check(v) }).toEqual({ v, quick: engine });
      if (engine) accepted++;
    }
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(variants.length - accepted).toBeGreaterThanOrEqual(25);
  });
});

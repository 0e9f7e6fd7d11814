import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordsError, type RecordsStore } from '../src/index.js';
import { BACKENDS, fixedClock } from './support/backends.js';

const AREA = { code: 'A-1', name: 'Area one', unit: 'Unit X', context: { kind: 'urban' } };
const by = { by: 'tester' };

describe.each(BACKENDS)('the record on $name', (backend) => {
  let store: RecordsStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await backend.open({ now: fixedClock() }));
  });
  afterEach(async () => dispose());

  it('keeps areas append-only: a change needs a reason and the old version stays readable', async () => {
    expect(await store.putAreas([AREA], by)).toEqual({ added: 1, changed: 0 });
    expect(await store.putAreas([AREA], by)).toEqual({ added: 0, changed: 0 });
    const renamed = { ...AREA, name: 'Area one (renamed)' };
    const refused = await store.putAreas([renamed], by).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecordsError);
    expect((refused as RecordsError).problems.map((p) => p.code)).toEqual(['records_area_change_needs_reason']);
    expect((await store.areas())[0]?.name).toBe('Area one');
    await store.putAreas([renamed], { ...by, reason: 'renamed by decision 12' });
    const versions = await store.areaVersions('A-1');
    expect(versions.map((v) => [v.version, v.name, v.reason])).toEqual([
      [1, 'Area one', null],
      [2, 'Area one (renamed)', 'renamed by decision 12'],
    ]);
    expect((await store.areas())[0]?.context).toEqual({ kind: 'urban' });
  });

  it('registers areas per year and refuses unknown ones without writing', async () => {
    await store.putAreas([AREA], by);
    const refused = await store.register(2024, ['A-1', 'NOPE'], by).catch((e: unknown) => e);
    expect((refused as RecordsError).problems.map((p) => [p.code, p.params['area']])).toEqual([
      ['records_area_unknown', 'NOPE'],
    ]);
    expect(await store.registered(2024)).toEqual([]);
    expect(await store.register(2024, ['A-1'], by)).toEqual({ registered: 1 });
    expect(await store.register(2024, ['A-1'], by)).toEqual({ registered: 0 });
    expect(await store.years()).toEqual([2024]);
  });

  it('keeps who entered each fact; a correction needs a reason; another part is a conflict', async () => {
    await store.putAreas([AREA], by);
    await store.register(2024, ['A-1'], by);
    const at = { file: 'econ.csv', line: 3, column: 9 };
    await store.appendFacts(2024, [{ area: 'A-1', fact: 'households', value: 120, owner: 'econ', at }], {
      by: 'econ-clerk',
    });
    // The same value again changes nothing.
    expect(
      await store.appendFacts(2024, [{ area: 'A-1', fact: 'households', value: 120, owner: 'econ', at }], by),
    ).toEqual({ written: 0, unchanged: 1 });
    // Another department disagrees: a located conflict naming the stored value's source.
    const conflict = await store
      .appendFacts(
        2024,
        [{ area: 'A-1', fact: 'households', value: 121, owner: 'police', at: { file: 'p.csv', line: 2, column: 4 } }],
        by,
      )
      .catch((e: unknown) => e);
    const p = (conflict as RecordsError).problems[0];
    expect([p?.code, p?.file, p?.line, p?.column, p?.params['other']]).toEqual([
      'records_conflict_stored',
      'p.csv',
      2,
      4,
      'econ.csv:3:9',
    ]);
    // The same department corrects without a reason: refused; with one: a new version.
    const noReason = await store
      .appendFacts(2024, [{ area: 'A-1', fact: 'households', value: 122, owner: 'econ', at }], by)
      .catch((e: unknown) => e);
    expect((noReason as RecordsError).problems.map((x) => x.code)).toEqual(['records_correction_needs_reason']);
    await store.appendFacts(2024, [{ area: 'A-1', fact: 'households', value: 122, owner: 'econ', at }], {
      by: 'econ-clerk',
      reason: 'recount',
    });
    const history = await store.factHistory(2024, 'A-1');
    expect(history.map((h) => [h.version, h.value, h.owner, h.enteredBy, h.reason, h.source])).toEqual([
      [1, 120, 'econ', 'econ-clerk', null, 'econ.csv:3:9'],
      [2, 122, 'econ', 'econ-clerk', 'recount', 'econ.csv:3:9'],
    ]);
    expect((await store.currentFacts(2024)).get('A-1')?.get('households')?.value).toBe(122);
  });

  it('refuses facts for an area not registered that year, writing nothing of the batch', async () => {
    await store.putAreas([AREA, { ...AREA, code: 'A-2' }], by);
    await store.register(2024, ['A-1'], by);
    const at = { file: 'x.csv', line: 2, column: 1 };
    const refused = await store
      .appendFacts(
        2024,
        [
          { area: 'A-1', fact: 'households', value: 1, owner: null, at },
          { area: 'A-2', fact: 'households', value: 1, owner: null, at },
        ],
        by,
      )
      .catch((e: unknown) => e);
    expect((refused as RecordsError).problems.map((x) => [x.code, x.params['area']])).toEqual([
      ['records_area_not_registered', 'A-2'],
    ]);
    expect((await store.currentFacts(2024)).size).toBe(0);
  });

  it('records a board decision; recognising against the engine needs a reason; corrections are versions', async () => {
    await store.putAreas([AREA, { ...AREA, code: 'A-2' }], by);
    await store.register(2024, ['A-1', 'A-2'], by);
    const summary = { standards: [], failed: [], missing: [] };
    const ruleset = { id: 'r', version: '1', hash: 'sha256:00' };
    await store.storeEvaluations(
      2024,
      [
        { area: 'A-1', decision: 'recognised', ruleset, assessedOn: '2024-10-15', assessment: { facts: {} }, summary },
        {
          area: 'A-2',
          decision: 'not_recognised',
          ruleset,
          assessedOn: '2024-10-15',
          assessment: { facts: {} },
          summary,
        },
      ],
      by,
    );
    const input = { number: '12/QĐ-HĐ', year: 2024, date: '2024-12-01', areas: [{ code: 'A-1' }, { code: 'A-2' }] };
    const refused = await store.recordBoardDecision(input, by).catch((e: unknown) => e);
    expect((refused as RecordsError).problems.map((x) => [x.code, x.params['area']])).toEqual([
      ['records_board_reason_required', 'A-2'],
    ]);
    expect(await store.boardDecisions()).toEqual([]);
    await store.recordBoardDecision({ ...input, areas: [{ code: 'A-1' }] }, by);
    const again = await store.recordBoardDecision({ ...input, areas: [{ code: 'A-1' }] }, by).catch((e: unknown) => e);
    expect((again as RecordsError).problems.map((x) => x.code)).toEqual(['records_board_exists']);
    await store.recordBoardDecision(
      { ...input, areas: [{ code: 'A-1' }, { code: 'A-2', reason: 'flood year: 2.3 waived by the board' }] },
      { ...by, reason: 'A-2 added after appeal' },
    );
    const [decision] = await store.boardDecisions(2024);
    expect(decision?.version).toBe(2);
    expect(decision?.areas.map((a) => [a.code, a.engineDecision, a.reason])).toEqual([
      ['A-1', 'recognised', null],
      ['A-2', 'not_recognised', 'flood year: 2.3 waived by the board'],
    ]);
    expect((await store.boardDecisionVersions('12/QĐ-HĐ')).map((d) => d.areas.length)).toEqual([1, 2]);
  });

  it('stores a new evaluation version only when something changed', async () => {
    await store.putAreas([AREA], by);
    const summary = { standards: [], failed: [], missing: [] };
    const e = {
      area: 'A-1',
      decision: 'recognised' as const,
      ruleset: { id: 'r', version: '1', hash: 'sha256:00' },
      assessedOn: '2024-10-15',
      assessment: { facts: { a: 1 } },
      summary,
    };
    expect(await store.storeEvaluations(2024, [e], by)).toEqual({ stored: 1, unchanged: 0 });
    expect(await store.storeEvaluations(2024, [e], by)).toEqual({ stored: 0, unchanged: 1 });
    await store.storeEvaluations(2024, [{ ...e, decision: 'not_recognised', assessment: { facts: { a: 2 } } }], by);
    const history = await store.evaluationHistory('A-1');
    expect(history.map((h) => [h.version, h.decision, h.reason])).toEqual([
      [1, 'recognised', null],
      [2, 'not_recognised', 'recomputed'],
    ]);
    expect((await store.evaluations(2024)).map((x) => x.version)).toEqual([2]);
  });
});

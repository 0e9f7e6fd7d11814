/**
 * The record: areas, each year's registration, fact values with who entered them, the engine's
 * decisions and the board's. Every write is one transaction (all or nothing) that first takes
 * the write lock, then checks what it is about to change against what is stored, and appends
 * rows; nothing is ever updated in place, so every earlier state can be read back.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Dialect, Kysely } from 'kysely';
import {
  type Backend,
  backendOf,
  type Flavour,
  isPostgresUrl,
  openBackend,
  storeFile,
  writeTransaction,
} from './db/open.js';
import type { RecordsDatabase } from './db/schema.js';
import { problem, RECORD_FILE, RecordsError, type RecordsProblem } from './problems.js';
import type {
  AreaInput,
  AreaRecord,
  BoardDecisionInput,
  BoardDecisionRecord,
  EvaluationInput,
  EvaluationRecord,
  FactEntry,
  FactRecord,
  StoredValue,
  WriteMeta,
} from './types.js';

export interface StoreOptions {
  /** The clock (ISO timestamps); fixed in tests and in the documented walk-through. */
  readonly now?: () => string;
  /**
   * Whether a SQLite record that does not exist yet is created (the default). A program that only
   * reads or adds to a record passes false: a mistyped folder is then a records_store_missing
   * problem instead of a new, empty record that silently answers "nothing recorded".
   */
  readonly create?: boolean;
}

const RECORD = { file: RECORD_FILE } as const;

export async function openRecordsStore(location: string, options: StoreOptions = {}): Promise<RecordsStore> {
  if (options.create === false && !isPostgresUrl(location) && !existsSync(storeFile(location)))
    throw new RecordsError([problem('records_store_missing', { file: location }, { path: storeFile(location) })]);
  return new RecordsStore(await openBackend(location), options);
}

/** A record over any Kysely dialect of either flavour (e.g. PGlite), migrated to the newest schema. */
export async function openRecordsStoreWith(
  dialect: Dialect,
  flavour: Flavour,
  location: string,
  options: StoreOptions = {},
): Promise<RecordsStore> {
  return new RecordsStore(await backendOf(dialect, flavour, location), options);
}

export class RecordsStore {
  readonly backend: Backend;
  readonly #now: () => string;

  constructor(backend: Backend, options: StoreOptions = {}) {
    this.backend = backend;
    this.#now = options.now ?? (() => new Date().toISOString());
  }

  get db(): Kysely<RecordsDatabase> {
    return this.backend.db;
  }

  async close(): Promise<void> {
    await this.backend.db.destroy();
  }

  /** Appends a change set and returns its id; every row written in the same transaction names it. */
  async #change(db: Kysely<RecordsDatabase>, kind: string, meta: WriteMeta, year: number | null): Promise<string> {
    const id = randomUUID();
    await db
      .insertInto('changes')
      .values({ id, kind, year, actor: meta.by, source: meta.source ?? null, recorded_at: this.#now() })
      .execute();
    return id;
  }

  // ------------------------------------------------------------------------------------------ areas

  /**
   * Adds areas, or records a new version of an area whose name, unit or context changed (with
   * `meta.reason`; without one, nothing is written and each change is a problem).
   */
  async putAreas(areas: readonly AreaInput[], meta: WriteMeta): Promise<{ added: number; changed: number }> {
    return writeTransaction(this.backend, async (db) => {
      const current = latestBy(await db.selectFrom('areas').selectAll().execute(), (r) => r.code);
      const problems: RecordsProblem[] = [];
      const rows: RecordsDatabase['areas'][] = [];
      let added = 0;
      let changed = 0;
      const at = this.#now();
      for (const area of areas) {
        const old = current.get(area.code);
        const context = canonicalJson(area.context);
        if (old && old.name === area.name && old.unit === area.unit && old.context === context) continue;
        if (old && meta.reason === undefined) {
          const field = old.name !== area.name ? 'name' : old.unit !== area.unit ? 'unit' : 'context';
          const was = field === 'context' ? old.context : old[field];
          const now = field === 'context' ? context : area[field];
          problems.push(
            problem('records_area_change_needs_reason', area.at ?? RECORD, {
              area: area.code,
              field,
              old: was,
              new: now,
            }),
          );
          continue;
        }
        if (old) changed++;
        else added++;
        rows.push({
          code: area.code,
          version: (old?.version ?? 0) + 1,
          name: area.name,
          unit: area.unit,
          context,
          recorded_at: at,
          recorded_by: meta.by,
          reason: old ? (meta.reason ?? null) : null,
          change_id: '',
        });
      }
      if (problems.length > 0) throw new RecordsError(problems);
      if (rows.length === 0) return { added, changed };
      const change = await this.#change(db, 'areas', meta, null);
      for (const chunk of chunks(rows)) {
        await db
          .insertInto('areas')
          .values(chunk.map((r) => ({ ...r, change_id: change })))
          .execute();
      }
      return { added, changed };
    });
  }

  /** Every area as it is now (its newest version), by code. */
  async areas(): Promise<AreaRecord[]> {
    const rows = await this.db.selectFrom('areas').selectAll().execute();
    return [...latestBy(rows, (r) => r.code).values()].map(areaRecord).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Every version of one area, oldest first. */
  async areaVersions(code: string): Promise<AreaRecord[]> {
    const rows = await this.db.selectFrom('areas').selectAll().where('code', '=', code).orderBy('version').execute();
    return rows.map(areaRecord);
  }

  /** Registers areas for a year; an area already registered stays as it was. */
  async register(year: number, codes: readonly string[], meta: WriteMeta): Promise<{ registered: number }> {
    return writeTransaction(this.backend, async (db) => {
      const known = new Set((await db.selectFrom('areas').select('code').execute()).map((r) => r.code));
      const already = new Set(
        (await db.selectFrom('registrations').select('area_code').where('year', '=', year).execute()).map(
          (r) => r.area_code,
        ),
      );
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new RecordsError(
          unknown.map((area) => problem('records_area_unknown', { file: meta.source ?? '<input>' }, { area })),
        );
      }
      const fresh = [...new Set(codes)].filter((c) => !already.has(c));
      if (fresh.length === 0) return { registered: 0 };
      const change = await this.#change(db, 'register', meta, year);
      const at = this.#now();
      for (const chunk of chunks(fresh)) {
        await db
          .insertInto('registrations')
          .values(
            chunk.map((area_code) => ({ year, area_code, recorded_at: at, recorded_by: meta.by, change_id: change })),
          )
          .execute();
      }
      return { registered: fresh.length };
    });
  }

  async registered(year: number): Promise<string[]> {
    const rows = await this.db.selectFrom('registrations').select('area_code').where('year', '=', year).execute();
    return rows.map((r) => r.area_code).sort();
  }

  /** The years that have registrations, oldest first. */
  async years(): Promise<number[]> {
    const rows = await this.db.selectFrom('registrations').select('year').distinct().execute();
    return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
  }

  // ------------------------------------------------------------------------------------------ facts

  /**
   * Appends fact values for one year, all or nothing. Checked against the record inside the
   * transaction: the area must be registered for the year; a value that differs from the stored
   * one is a conflict when another department (or area) entered it, and a correction, which
   * needs `meta.reason`, when the same one did. A value equal to the stored one is left alone.
   * `onArea` is called after each area's rows are written (still inside the transaction).
   */
  async appendFacts(
    year: number,
    entries: readonly FactEntry[],
    meta: WriteMeta,
    onArea?: (done: number, total: number) => Promise<void> | void,
  ): Promise<{ written: number; unchanged: number }> {
    return writeTransaction(this.backend, async (db) => {
      const registered = new Set(
        (await db.selectFrom('registrations').select('area_code').where('year', '=', year).execute()).map(
          (r) => r.area_code,
        ),
      );
      const current = latestBy(
        await db.selectFrom('fact_values').selectAll().where('year', '=', year).execute(),
        (r) => `${r.area_code}\u0000${r.fact}`,
      );
      const problems: RecordsProblem[] = [];
      const byArea = new Map<string, RecordsDatabase['fact_values'][]>();
      const at = this.#now();
      let unchanged = 0;
      const notRegistered = new Set<string>();
      for (const e of entries) {
        if (!registered.has(e.area)) {
          if (!notRegistered.has(e.area)) {
            notRegistered.add(e.area);
            problems.push(problem('records_area_not_registered', e.at, { area: e.area, year }));
          }
          continue;
        }
        const value = e.value === null ? null : JSON.stringify(e.value);
        const old = current.get(`${e.area}\u0000${e.fact}`);
        if (old && old.value === value) {
          unchanged++;
          continue;
        }
        if (old && old.value !== null) {
          const params = {
            area: e.area,
            fact: e.fact,
            value: show(value),
            other_value: show(old.value),
            other: old.source ?? old.change_id,
            other_by: old.owner ?? old.entered_by,
            other_at: old.entered_at,
          };
          if ((old.owner ?? null) !== e.owner || (e.owner === null && old.entered_by !== meta.by)) {
            problems.push(problem('records_conflict_stored', e.at, params));
            continue;
          }
          if (meta.reason === undefined) {
            problems.push(problem('records_correction_needs_reason', e.at, params));
            continue;
          }
        }
        const list = byArea.get(e.area) ?? [];
        list.push({
          year,
          area_code: e.area,
          fact: e.fact,
          version: (old?.version ?? 0) + 1,
          value,
          owner: e.owner,
          entered_by: meta.by,
          entered_at: at,
          source: locationText(e.at),
          reason: old ? (meta.reason ?? null) : null,
          change_id: '',
        });
        byArea.set(e.area, list);
      }
      if (problems.length > 0) throw new RecordsError(problems);
      if (byArea.size === 0) return { written: 0, unchanged };
      const change = await this.#change(db, 'facts', meta, year);
      let done = 0;
      let written = 0;
      for (const rows of byArea.values()) {
        for (const chunk of chunks(rows)) {
          await db
            .insertInto('fact_values')
            .values(chunk.map((r) => ({ ...r, change_id: change })))
            .execute();
        }
        written += rows.length;
        await onArea?.(++done, byArea.size);
      }
      return { written, unchanged };
    });
  }

  /** The current value of every fact entered for a year, per area (unknown facts are absent). */
  async currentFacts(year: number): Promise<Map<string, Map<string, FactRecord>>> {
    const rows = await this.db.selectFrom('fact_values').selectAll().where('year', '=', year).execute();
    const out = new Map<string, Map<string, FactRecord>>();
    for (const r of latestBy(rows, (x) => `${x.area_code}\u0000${x.fact}`).values()) {
      if (r.value === null) continue;
      const area = out.get(r.area_code) ?? new Map<string, FactRecord>();
      area.set(r.fact, factRecord(r));
      out.set(r.area_code, area);
    }
    return out;
  }

  /** Every version of every fact of one area in one year, oldest first. */
  async factHistory(year: number, area: string): Promise<FactRecord[]> {
    const rows = await this.db
      .selectFrom('fact_values')
      .selectAll()
      .where('year', '=', year)
      .where('area_code', '=', area)
      .orderBy('fact')
      .orderBy('version')
      .execute();
    return rows.map(factRecord);
  }

  // ------------------------------------------------------------------------------------ evaluations

  /**
   * Stores the engine's results for a year: a new version of an area's evaluation only when the
   * decision, the rules or the assessment differ from the stored one.
   */
  async storeEvaluations(
    year: number,
    evaluations: readonly EvaluationInput[],
    meta: WriteMeta,
  ): Promise<{ stored: number; unchanged: number }> {
    return writeTransaction(this.backend, async (db) => {
      const current = latestBy(
        await db.selectFrom('evaluations').selectAll().where('year', '=', year).execute(),
        (r) => r.area_code,
      );
      const rows: RecordsDatabase['evaluations'][] = [];
      const at = this.#now();
      for (const e of evaluations) {
        const assessment = canonicalJson(e.assessment);
        const old = current.get(e.area);
        if (
          old &&
          old.decision === e.decision &&
          old.ruleset_hash === e.ruleset.hash &&
          old.assessment === assessment &&
          old.assessed_on === e.assessedOn
        ) {
          continue;
        }
        rows.push({
          year,
          area_code: e.area,
          version: (old?.version ?? 0) + 1,
          decision: e.decision,
          ruleset_id: e.ruleset.id,
          ruleset_version: e.ruleset.version,
          ruleset_hash: e.ruleset.hash,
          assessed_on: e.assessedOn,
          assessment,
          summary: canonicalJson(e.summary),
          evaluated_at: at,
          evaluated_by: meta.by,
          reason: old ? (meta.reason ?? 'recomputed') : null,
          change_id: '',
        });
      }
      if (rows.length === 0) return { stored: 0, unchanged: evaluations.length };
      const change = await this.#change(db, 'decide', meta, year);
      for (const chunk of chunks(rows)) {
        await db
          .insertInto('evaluations')
          .values(chunk.map((r) => ({ ...r, change_id: change })))
          .execute();
      }
      return { stored: rows.length, unchanged: evaluations.length - rows.length };
    });
  }

  /** The newest evaluation of each area, for one year or every year. */
  async evaluations(year?: number): Promise<EvaluationRecord[]> {
    let q = this.db.selectFrom('evaluations').selectAll();
    if (year !== undefined) q = q.where('year', '=', year);
    const rows = await q.execute();
    return [...latestBy(rows, (r) => `${r.year}\u0000${r.area_code}`).values()]
      .map(evaluationRecord)
      .sort((a, b) => a.year - b.year || a.area.localeCompare(b.area));
  }

  /** Every version of every evaluation of one area, oldest first. */
  async evaluationHistory(area: string): Promise<EvaluationRecord[]> {
    const rows = await this.db
      .selectFrom('evaluations')
      .selectAll()
      .where('area_code', '=', area)
      .orderBy('year')
      .orderBy('version')
      .execute();
    return rows.map(evaluationRecord);
  }

  // ---------------------------------------------------------------------------------- the board

  /**
   * Records the board's decision: its number, date and the areas it recognises, each against the
   * engine's newest result for the year. An area the engine did not find recognised needs a
   * written reason. A number already recorded is a correction: a new version, with `meta.reason`.
   */
  async recordBoardDecision(input: BoardDecisionInput, meta: WriteMeta): Promise<BoardDecisionRecord> {
    return writeTransaction(this.backend, async (db) => {
      const where = { file: meta.source ?? '<input>' };
      const evaluations = latestBy(
        await db.selectFrom('evaluations').selectAll().where('year', '=', input.year).execute(),
        (r) => r.area_code,
      );
      const existing = await db
        .selectFrom('board_decisions')
        .selectAll()
        .where('number', '=', input.number)
        .orderBy('version', 'desc')
        .execute();
      const problems: RecordsProblem[] = [];
      const last = existing[0];
      if (last && meta.reason === undefined) {
        problems.push(problem('records_board_exists', where, { number: input.number, date: last.date }));
      }
      const areas: RecordsDatabase['board_areas'][] = [];
      const version = (last?.version ?? 0) + 1;
      for (const a of input.areas) {
        const evaluation = evaluations.get(a.code);
        if (!evaluation) {
          problems.push(problem('records_not_evaluated', where, { area: a.code, year: input.year }));
          continue;
        }
        const reason = a.reason?.trim() ? a.reason.trim() : null;
        if (evaluation.decision !== 'recognised' && reason === null) {
          problems.push(
            problem('records_board_reason_required', where, {
              area: a.code,
              year: input.year,
              decision: evaluation.decision,
            }),
          );
          continue;
        }
        areas.push({
          number: input.number,
          version,
          area_code: a.code,
          engine_decision: evaluation.decision,
          evaluation_version: evaluation.version,
          reason,
        });
      }
      if (problems.length > 0) throw new RecordsError(problems);
      const change = await this.#change(db, 'board', meta, input.year);
      const row = {
        number: input.number,
        version,
        year: input.year,
        date: input.date,
        recorded_at: this.#now(),
        recorded_by: meta.by,
        reason: last ? (meta.reason ?? null) : null,
        change_id: change,
      };
      await db.insertInto('board_decisions').values(row).execute();
      for (const chunk of chunks(areas)) await db.insertInto('board_areas').values(chunk).execute();
      return boardRecord(row, areas);
    });
  }

  /** The newest version of each board decision (of one year, or all), with its areas. */
  async boardDecisions(year?: number): Promise<BoardDecisionRecord[]> {
    let q = this.db.selectFrom('board_decisions').selectAll();
    if (year !== undefined) q = q.where('year', '=', year);
    const decisions = [...latestBy(await q.execute(), (r) => r.number).values()];
    const areas = await this.db.selectFrom('board_areas').selectAll().execute();
    return decisions
      .map((d) =>
        boardRecord(
          d,
          areas.filter((a) => a.number === d.number && Number(a.version) === Number(d.version)),
        ),
      )
      .sort((a, b) => a.year - b.year || a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  }

  /** Every version of one board decision, oldest first. */
  async boardDecisionVersions(number: string): Promise<BoardDecisionRecord[]> {
    const rows = await this.db
      .selectFrom('board_decisions')
      .selectAll()
      .where('number', '=', number)
      .orderBy('version')
      .execute();
    const areas = await this.db.selectFrom('board_areas').selectAll().where('number', '=', number).execute();
    return rows.map((d) =>
      boardRecord(
        d,
        areas.filter((a) => Number(a.version) === Number(d.version)),
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------- helpers

/** The newest version of each key. PostgreSQL may hand integers back as strings, hence Number(). */
function latestBy<R extends { version: number }>(rows: readonly R[], key: (r: R) => string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = key(r);
    const seen = out.get(k);
    if (!seen || Number(r.version) > Number(seen.version)) out.set(k, r);
  }
  return out;
}

/** Rows per INSERT: well under SQLite's 32 766 bound parameters and PostgreSQL's 65 535. */
function* chunks<T>(rows: readonly T[], size = 200): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** JSON with object keys sorted, so equal values are equal texts. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function show(json: string | null): string {
  return json === null ? '—' : json;
}

function locationText(at: FactEntry['at']): string {
  if (!at.line || at.line <= 0) return at.file;
  return at.column ? `${at.file}:${at.line}:${at.column}` : `${at.file}:${at.line}`;
}

function areaRecord(r: RecordsDatabase['areas']): AreaRecord {
  return {
    code: r.code,
    version: Number(r.version),
    name: r.name,
    unit: r.unit,
    context: storedJson<AreaRecord['context']>(r.context),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    reason: r.reason,
  };
}

function factRecord(r: RecordsDatabase['fact_values']): FactRecord {
  return {
    area: r.area_code,
    year: Number(r.year),
    fact: r.fact,
    version: Number(r.version),
    value: r.value === null ? null : storedJson<StoredValue>(r.value),
    owner: r.owner,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
    source: r.source,
    reason: r.reason,
  };
}

function evaluationRecord(r: RecordsDatabase['evaluations']): EvaluationRecord {
  return {
    area: r.area_code,
    year: Number(r.year),
    version: Number(r.version),
    decision: storedDecision(r),
    ruleset: { id: r.ruleset_id, version: r.ruleset_version, hash: r.ruleset_hash },
    assessedOn: r.assessed_on,
    assessment: storedJson<EvaluationRecord['assessment']>(r.assessment),
    summary: storedJson<EvaluationRecord['summary']>(r.summary),
    evaluatedAt: r.evaluated_at,
    evaluatedBy: r.evaluated_by,
    reason: r.reason,
  };
}

function boardRecord(
  d: RecordsDatabase['board_decisions'],
  areas: readonly RecordsDatabase['board_areas'][],
): BoardDecisionRecord {
  return {
    number: d.number,
    version: Number(d.version),
    year: Number(d.year),
    date: d.date,
    recordedAt: d.recorded_at,
    recordedBy: d.recorded_by,
    reason: d.reason,
    areas: areas
      .map((a) => ({
        code: a.area_code,
        engineDecision: a.engine_decision,
        evaluationVersion: Number(a.evaluation_version),
        reason: a.reason,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** A JSON column read back: this store wrote it (canonicalJson) from a value of type T. */
function storedJson<T>(text: string): T {
  const value: unknown = JSON.parse(text);
  // cast: the column holds what this store wrote from a T; the database is the store's own.
  return value as T;
}

/**
 * The decision column read back: this store wrote it from an EvaluationRecord's decision, so
 * anything else is a database changed by other hands, said as such rather than passed on.
 */
function storedDecision(r: RecordsDatabase['evaluations']): EvaluationRecord['decision'] {
  const text = r.decision;
  if (text === 'recognised' || text === 'not_recognised' || text === 'undetermined') return text;
  throw new RecordsError([
    problem('records_store_damaged', RECORD, { value: text, area: r.area_code, year: Number(r.year) }),
  ]);
}

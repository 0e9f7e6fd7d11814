/**
 * The record over HTTP: summaries for everyone; details and writes only with an API key whose
 * role allows them (docs/http.md, "The record"). Every write is checked whole before anything is
 * stored: the key (401), its role and scope (403: a reporting unit writes only its own areas, a
 * department only its own facts, only the board records decisions), then the body (422); the
 * store's own checks (conflicts, corrections without a reason) run inside its one transaction.
 */
import type { CompiledRuleset, SchemeWords } from '@lcz/criteria-engine';
import {
  type Action,
  type ApiKey,
  areaHistory,
  areaScopeProblems,
  type FactEntry,
  factScopeProblems,
  findApiKey,
  problemText,
  RecordsError,
  type RecordsProblem,
  type RecordsStore,
  recognisedAreas,
  roleMay,
  type StoredValue,
} from '@lcz/criteria-records';
import { z } from 'zod';
import type { RouteSpec } from '../api.js';
import { type HandlerInput, ok, type Outcome, problem } from '../handlers/context.js';
import type { RecordsHttpOptions } from '../options.js';
import { entryFromDiagnostic, type ProblemEntry, type ProblemKind } from '../problem.js';
import { checkBody } from '../request-schemas.js';
import { jsonSchemaOf, type JsonSchema } from '../response-schemas.js';
import { boardBody, factsBody, RECORDS_RESPONSES, registrationsBody } from './schemas.js';

const yearParameter = { name: 'year', in: 'path', required: true, description: 'The year, e.g. 2024.' } as const;
const codeParameter = { name: 'code', in: 'path', required: true, description: 'The area code, e.g. TP-01.' } as const;
const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });

export function recordsRoutes(options: RecordsHttpOptions): {
  routes: RouteSpec[];
  schemas: Record<string, JsonSchema>;
} {
  const h = new RecordsHandlers(options.store, options.ruleset, options.keys);
  return { routes: [...readRoutes(h), ...writeRoutes(h)], schemas: recordsSchemas() };
}

/** The response schemas, and the request bodies as JSON Schema from their zod definitions (one source). */
function recordsSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = { ...RECORDS_RESPONSES };
  for (const [name, schema] of Object.entries({
    RecordsFactsRequest: factsBody,
    RecordsRegistrationsRequest: registrationsBody,
    RecordsBoardRequest: boardBody,
  })) {
    const { $schema: _dialect, ...rest } = jsonSchemaOf(z.toJSONSchema(schema, { io: 'input' }));
    schemas[name] = rest;
  }
  return schemas;
}

const base = { tag: 'records' as const };
const writeProblems: ProblemKind[] = ['unauthorized', 'forbidden', 'not-found', 'invalid-request'];

/** Summaries for everyone, details for a key whose role may read them. */
function readRoutes(h: RecordsHandlers): RouteSpec[] {
  return [
    {
      ...base,
      method: 'GET',
      path: '/records',
      operationId: 'recordsSummary',
      summary: 'The record, year by year (a summary: no key needed)',
      description: "Per year: areas registered, decided by the engine, recognised, and the board's decisions.",
      parameters: [],
      ok: { media: 'application/json', schema: 'RecordsSummary', description: 'The years of the record.' },
      problems: [],
      handle: () => h.summary(),
    },
    {
      ...base,
      method: 'GET',
      path: '/records/years/{year}',
      operationId: 'recordsYear',
      summary: "One year's areas and their decisions (a summary: no key needed)",
      description:
        "Each area registered or decided that year: code, name, reporting unit (area.unit), the engine's decision, recognised.",
      parameters: [yearParameter],
      ok: { media: 'application/json', schema: 'RecordsYear', description: 'The year.' },
      problems: ['invalid-request'],
      handle: (_ctx, input) => h.year(input),
    },
    {
      ...base,
      method: 'GET',
      path: '/records/areas/{code}',
      security: 'required',
      operationId: 'recordsArea',
      summary: "An area's history across the years (key of role area for its own areas, department or board)",
      description:
        'The area as recorded now and each year: registered, the decision with the rules that made it, the board.',
      parameters: [codeParameter],
      ok: { media: 'application/json', schema: 'RecordsArea', description: 'The area and its years.' },
      problems: ['unauthorized', 'forbidden', 'not-found'],
      handle: (_ctx, input) => h.area(input),
    },
    {
      ...base,
      method: 'GET',
      path: '/records/years/{year}/areas/{code}/facts',
      security: 'required',
      operationId: 'recordsFacts',
      summary: "An area's facts for a year, with who entered each (key of role area, department or board)",
      description:
        'The current value of every fact entered, its version, the department, who entered it, when and why.',
      parameters: [yearParameter, codeParameter],
      ok: { media: 'application/json', schema: 'RecordsFacts', description: 'The facts.' },
      problems: ['unauthorized', 'forbidden', 'not-found', 'invalid-request'],
      handle: (_ctx, input) => h.facts(input),
    },
  ];
}

/** Writes: each checked whole (key, role and scope, body) before anything is stored. */
function writeRoutes(h: RecordsHandlers): RouteSpec[] {
  return [
    {
      ...base,
      method: 'POST',
      path: '/records/years/{year}/registrations',
      security: 'required',
      operationId: 'recordsRegister',
      summary: 'Register areas for a year (key of role area: its own areas)',
      description:
        'The areas must already be in the record (lcz records register). Nothing is written unless all may be.',
      parameters: [yearParameter],
      body: { content: json('RecordsRegistrationsRequest'), description: 'The area codes.' },
      ok: { media: 'application/json', schema: 'RecordsWritten', description: 'How many were registered.' },
      problems: writeProblems,
      handle: (_ctx, input) => h.register(input),
    },
    {
      ...base,
      method: 'POST',
      path: '/records/years/{year}/areas/{code}/facts',
      security: 'required',
      operationId: 'recordsEnterFacts',
      summary: "Enter facts of an area for a year (key of role area: the area's own facts; department: its own facts)",
      description:
        'Appended, never overwritten: a value another part entered is a conflict, a correction of your own needs a reason. ' +
        'Every problem at once; nothing is written unless all is right.',
      parameters: [yearParameter, codeParameter],
      body: { content: json('RecordsFactsRequest'), description: 'The facts and, for a correction, the reason.' },
      ok: { media: 'application/json', schema: 'RecordsWritten', description: 'Values written and left unchanged.' },
      problems: writeProblems,
      handle: (_ctx, input) => h.enterFacts(input),
    },
    {
      ...base,
      method: 'POST',
      path: '/records/years/{year}/board-decisions',
      security: 'required',
      operationId: 'recordsBoardDecision',
      summary: "Record the appraisal board's decision (key of role board)",
      description:
        "Its number, date and the areas recognised, each against the engine's result; recognising against it needs a reason.",
      parameters: [yearParameter],
      body: { content: json('RecordsBoardRequest'), description: 'The decision.' },
      ok: { media: 'application/json', schema: 'RecordsWritten', description: 'The decision as recorded.' },
      problems: writeProblems,
      handle: (_ctx, input) => h.board(input),
    },
  ];
}

/** A refusal or failure on the way, carried to the edge of a handler. */
class Refusal {
  constructor(readonly outcome: Outcome) {}
}

class RecordsHandlers {
  constructor(
    private readonly store: RecordsStore,
    private readonly ruleset: CompiledRuleset,
    private readonly keys: readonly ApiKey[],
  ) {}

  summary(): Promise<Outcome> {
    return this.guard(() => this.summaryOfYears());
  }

  private async summaryOfYears(): Promise<Outcome> {
    const years = new Set(await this.store.years());
    const evaluations = await this.store.evaluations();
    for (const e of evaluations) years.add(e.year);
    const boards = await this.store.boardDecisions();
    const out = [];
    for (const year of [...years].sort((a, b) => a - b)) {
      const decided = evaluations.filter((e) => e.year === year);
      out.push({
        year,
        registered: (await this.store.registered(year)).length,
        decided: decided.length,
        engine_recognised: decided.filter((e) => e.decision === 'recognised').length,
        recognised: (await recognisedAreas(this.store, year)).length,
        board_decisions: boards
          .filter((b) => b.year === year)
          .map((b) => ({ number: b.number, date: b.date, areas: b.areas.length })),
      });
    }
    return ok({ years: out });
  }

  year(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const year = yearOf(input, this.ruleset.words);
      const registered = new Set(await this.store.registered(year));
      const evaluations = new Map((await this.store.evaluations(year)).map((e) => [e.area, e]));
      const recognised = new Set(await recognisedAreas(this.store, year));
      const areas = (await this.store.areas())
        .filter((a) => registered.has(a.code) || evaluations.has(a.code))
        .map((a) => ({
          code: a.code,
          name: a.name,
          unit: a.unit,
          registered: registered.has(a.code),
          decision: evaluations.get(a.code)?.decision ?? null,
          recognised: recognised.has(a.code),
        }));
      return ok({ year, areas });
    });
  }

  area(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const key = this.authenticate(input, 'read_details');
      const area = await this.knownArea(input);
      this.refuse('forbidden', areaScopeProblems(key, [area], REQUEST));
      const versions = await this.store.areaVersions(area.code);
      const years = (await areaHistory(this.store, area.code)).map((y) => ({
        year: y.year,
        registered: y.registered,
        decision: y.evaluation?.decision ?? null,
        ruleset: y.evaluation?.ruleset ?? null,
        board: y.board ?? null,
        recognised: y.recognised,
      }));
      return ok({
        area: { code: area.code, name: area.name, unit: area.unit, context: area.context },
        versions: versions.length,
        years,
      });
    });
  }

  facts(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const key = this.authenticate(input, 'read_details');
      const year = yearOf(input, this.ruleset.words);
      const area = await this.knownArea(input);
      this.refuse('forbidden', areaScopeProblems(key, [area], REQUEST));
      const facts = [...((await this.store.currentFacts(year)).get(area.code)?.values() ?? [])].map((f) => ({
        fact: f.fact,
        value: f.value,
        version: f.version,
        owner: f.owner,
        entered_by: f.enteredBy,
        entered_at: f.enteredAt,
        source: f.source,
        reason: f.reason,
      }));
      return ok({ year, area: area.code, facts });
    });
  }

  register(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const key = this.authenticate(input, 'register');
      const year = yearOf(input, this.ruleset.words);
      const body = checked(registrationsBody, input.body);
      const known = new Map((await this.store.areas()).map((a) => [a.code, a]));
      const unknown = body.areas.flatMap((code, i) =>
        known.has(code)
          ? []
          : [recordsEntry(this.ruleset.words, problemOf('records_area_unknown', { area: code }), `/areas/${i}`)],
      );
      // Scope before existence: a ward learns nothing of areas that are not its own.
      const areas = body.areas.flatMap((code) => {
        const a = known.get(code);
        return a ? [a] : [];
      });
      this.refuse(
        'forbidden',
        areaScopeProblems(key, areas, REQUEST).map((p) => ({
          ...p,
          file: `/areas/${body.areas.indexOf(String(p.params['area']))}`,
        })),
      );
      if (unknown.length > 0) throw new Refusal(problem('invalid-request', unknown));
      const out = await this.store.register(year, body.areas, { by: key.name, source: sourceOf(key) });
      return ok(out);
    });
  }

  enterFacts(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const key = this.authenticate(input, 'write_facts');
      const year = yearOf(input, this.ruleset.words);
      const area = await this.knownArea(input);
      this.refuse('forbidden', areaScopeProblems(key, [area], REQUEST));
      const body = checked(factsBody, input.body);
      const ids = Object.keys(body.facts);
      this.refuse(
        'forbidden',
        factScopeProblems(key, ids, this.ruleset, (fact) => ({ file: factPointer(fact) })),
      );
      const declared = new Set(this.ruleset.facts.map((f) => f.id));
      const errors: ProblemEntry[] = ids
        .filter((id) => !declared.has(id))
        .map((fact) =>
          recordsEntry(
            this.ruleset.words,
            problemOf('records_fact_unknown', { fact, ruleset: this.ruleset.id }),
            factPointer(fact),
          ),
        );
      // Each value's type and bounds, as the rules declare them: the engine checks the facts given.
      const given: Record<string, StoredValue> = {};
      for (const [id, v] of Object.entries(body.facts)) if (v !== null && declared.has(id)) given[id] = v;
      const checkedFacts = this.ruleset.validateAssessment({
        area: { code: area.code, name: area.name, unit: area.unit },
        context: area.context,
        facts: given,
      });
      for (const d of checkedFacts.diagnostics) {
        if (d.severity === 'error' && d.path?.startsWith('/facts/'))
          errors.push(entryFromDiagnostic(d, { pointerPrefix: '' }));
      }
      if (errors.length > 0) throw new Refusal(problem('invalid-request', errors));
      const source = sourceOf(key);
      const owner = key.role === 'department' ? (key.owner ?? null) : null;
      const entries: FactEntry[] = Object.entries(body.facts).map(([fact, value]) => ({
        area: area.code,
        fact,
        value,
        owner,
        at: { file: source },
      }));
      const meta = { by: key.name, source, ...(body.reason !== undefined ? { reason: body.reason } : {}) };
      return ok(await this.store.appendFacts(year, entries, meta));
    });
  }

  board(input: HandlerInput): Promise<Outcome> {
    return this.guard(async () => {
      const key = this.authenticate(input, 'record_board');
      const year = yearOf(input, this.ruleset.words);
      const body = checked(boardBody, input.body);
      const areas = body.areas.map((a) =>
        a.reason === undefined ? { code: a.code } : { code: a.code, reason: a.reason },
      );
      const meta = {
        by: key.name,
        source: sourceOf(key),
        ...(body.correction !== undefined ? { reason: body.correction } : {}),
      };
      const saved = await this.store.recordBoardDecision({ number: body.number, year, date: body.date, areas }, meta);
      return ok(saved);
    });
  }

  // -------------------------------------------------------------------------------------- helpers

  /** The key presented, and that its role may do this; else a 401 or 403 refusal. */
  private authenticate(input: HandlerInput, action: Action): ApiKey {
    const header = input.authorization?.trim();
    if (header === undefined || header === '') {
      throw new Refusal(
        problem('unauthorized', [recordsEntry(this.ruleset.words, problemOf('records_key_missing', {}))]),
      );
    }
    const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const key = presented === undefined ? undefined : findApiKey(this.keys, presented);
    if (key === undefined)
      throw new Refusal(
        problem('unauthorized', [recordsEntry(this.ruleset.words, problemOf('records_key_unknown', {}))]),
      );
    this.refuse('forbidden', roleMay(key, action, REQUEST));
    return key;
  }

  private refuse(kind: ProblemKind, problems: readonly RecordsProblem[]): void {
    if (problems.length > 0)
      throw new Refusal(
        problem(
          kind,
          problems.map((p) => recordsEntry(this.ruleset.words, p)),
        ),
      );
  }

  private async knownArea(input: HandlerInput) {
    const code = input.params['code'] ?? '';
    const area = (await this.store.areas()).find((a) => a.code === code);
    if (area === undefined) {
      throw new Refusal(
        problem('not-found', [
          recordsEntry(this.ruleset.words, problemOf('records_area_unknown', { area: code }), undefined, 'code'),
        ]),
      );
    }
    return area;
  }

  /** Runs a handler body: refusals become their answer; the store's own problems a 422. */
  private async guard(body: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await body();
    } catch (error) {
      if (error instanceof Refusal) return error.outcome;
      if (error instanceof RecordsError) {
        // A record changed outside lcz is the server's fault, not the request's: 500, said as such.
        const damaged = error.problems.some((p) => p.code === 'records_store_damaged');
        return problem(
          damaged ? 'internal-error' : 'invalid-request',
          error.problems.map((p) => recordsEntry(this.ruleset.words, p)),
        );
      }
      throw error;
    }
  }
}

const REQUEST = { file: '<request>' } as const;

function problemOf(code: RecordsProblem['code'], params: RecordsProblem['params']): RecordsProblem {
  return { code, severity: 'error', file: REQUEST.file, line: 0, column: 0, params };
}

/** A record's problem as a problem+json entry: both languages, placed in the request. */
function recordsEntry(words: SchemeWords, p: RecordsProblem, pointer?: string, parameter?: string): ProblemEntry {
  const vi = problemText(p, 'vi', words);
  const en = problemText(p, 'en', words);
  const fact = p.params['fact'];
  const at = pointer ?? (p.file.startsWith('/') ? p.file : typeof fact === 'string' ? factPointer(fact) : undefined);
  return {
    ...(at !== undefined ? { pointer: at } : {}),
    ...(parameter !== undefined ? { parameter } : {}),
    code: p.code,
    message_vi: vi.message,
    message_en: en.message,
    ...(vi.hint !== '' ? { hint_vi: vi.hint } : {}),
    ...(en.hint !== '' ? { hint_en: en.hint } : {}),
  };
}

/** RFC 6901: `~` and `/` in a fact id are escaped. */
function factPointer(fact: string): string {
  return `/facts/${fact.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function yearOf(input: HandlerInput, words: SchemeWords): number {
  const text = input.params['year'] ?? '';
  if (/^\d{4}$/.test(text)) return Number(text);
  throw new Refusal(
    problem('invalid-request', [
      recordsEntry(words, problemOf('records_year_invalid', { value: text.slice(0, 40) }), undefined, 'year'),
    ]),
  );
}

function checked<T>(schema: z.ZodType<T>, body: unknown): T {
  const { value, errors } = checkBody(schema, body);
  if (value === undefined) throw new Refusal(problem('invalid-request', errors));
  return value;
}

/** Where a value came from, kept beside it in the record: the face and the key's name. */
function sourceOf(key: ApiKey): string {
  return `HTTP (key ${key.name})`;
}

/**
 * `lcz records <subcommand>`: the CLI face of @lcz/criteria-records. Each subcommand opens the
 * record, does one thing, prints what it did, and closes it; problems in the input are printed
 * located, in the chosen language, and nothing is written (exit 1).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatBatchDiagnostic } from '@lcz/criteria-batch';
import { type CompiledRuleset, type Diagnostic, GENERIC_WORDS, type SchemeWords } from '@lcz/criteria-engine';
import {
  AREA_OWNER,
  areaHistory,
  backupStore,
  type Cycle,
  deadlineOf,
  decideYear,
  formatRecordsProblems,
  importParts,
  keyDigest,
  loadCycle,
  openRecordsStore,
  RECORD_FILE,
  RecordsError,
  type RecordsProblem,
  type RecordsStore,
  recognitionChanges,
  registerAreas,
  storeFile,
  yearStatus,
} from '@lcz/criteria-records';
import { EXIT, type Session, say } from '../session.js';
import { loadRulesOrReport } from './load.js';
import { required } from '../guards.js';
import { wordsOf } from '../scheme-words.js';
import type { RecordsOptions } from './records.usage.js';

export async function records(options: RecordsOptions, session: Session): Promise<number> {
  if (options.sub === 'key') return newKey(options, session);
  // The rule file's words for what is assessed, once a subcommand has loaded it; until then (and
  // for the subcommands that read no rules) the engine's generic words.
  const scheme: WordsInUse = { words: GENERIC_WORDS };
  let store: RecordsStore | undefined;
  const location = isUrl(options.store) ? options.store : session.abs(options.store);
  // A register that fails says "nothing was written": when it started the record, the record it
  // started goes too, or the next subcommand would find an empty record instead of none.
  const started = options.sub === 'register' && !isUrl(options.store) ? newRecordAt(location) : undefined;
  let code: number = EXIT.invalid;
  try {
    // Only register, the year's first step, starts a record: any other subcommand given a
    // mistyped --store would otherwise create an empty one and answer "nothing recorded".
    store = await openRecordsStore(location, {
      ...clock(session.env['SOURCE_DATE_EPOCH']),
      create: options.sub === 'register',
    });
    code = await SUBCOMMANDS[options.sub](options, session, store, scheme);
    return code;
  } catch (error) {
    if (error instanceof RecordsError) return problems(options, session, error.problems, scheme.words);
    throw error;
  } finally {
    await store?.close();
    if (started && code !== EXIT.ok) started.discard();
  }
}

/**
 * The record a register is about to start at a folder (or .sqlite file) where there is none:
 * `discard` removes what opening it made (the file, SQLite's side files, the folders made for it).
 * Undefined when a record is there already: a failed register leaves an existing record as it was.
 */
function newRecordAt(location: string): { discard(): void } | undefined {
  const file = storeFile(location);
  if (existsSync(file)) return undefined;
  // The folders mkdir will make, innermost first: each is removed only while it is empty.
  const made: string[] = [];
  for (let dir = file === location ? dirname(file) : location; !existsSync(dir); dir = dirname(dir)) {
    made.push(dir);
    if (dirname(dir) === dir) break;
  }
  return {
    discard() {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
      for (const dir of made) {
        try {
          rmdirSync(dir);
        } catch {
          return; // not empty (someone else's file) or gone: left as it is
        }
      }
    },
  };
}

/** What a subcommand learns of the scheme, for the words of its problems. */
interface WordsInUse {
  words: SchemeWords;
}

/** How CSV parts are decoded: --encoding, named in the message for a file that is not UTF-8. */
function reading(o: RecordsOptions): { encoding?: string; encodingOption: string } {
  return { ...(o.encoding === undefined ? {} : { encoding: o.encoding }), encodingOption: '--encoding' };
}

type Run = (o: RecordsOptions, s: Session, store: RecordsStore, scheme: WordsInUse) => Promise<number>;

const SUBCOMMANDS: Readonly<Record<Exclude<RecordsOptions['sub'], 'key'>, Run>> = {
  async register(o, session, store, scheme) {
    const ctx = await context(o, session, scheme);
    if (!ctx) return EXIT.invalid;
    const file = required(o.files[0], 'the workbook');
    const year = required(o.year, '--year');
    const out = await registerAreas(store, ctx.ruleset, year, session.abs(file), { by: o.by }, reading(o));
    if (failed(out)) return report(o, session, out, ctx.ruleset.words);
    session.out(
      say(
        o.lang,
        'records_registered',
        { ...counts(out), year: required(o.year, '--year') },
        wordsOf(ctx.ruleset, o.lang),
      ),
    );
    return EXIT.ok;
  },

  async import(o, session, store, scheme) {
    const ctx = await context(o, session, scheme);
    if (!ctx) return EXIT.invalid;
    const parts = o.files.map((f) => ({ file: session.abs(f), owner: o.owner ?? null, ...reading(o) }));
    const meta = { by: o.by, ...(o.reason !== undefined ? { reason: o.reason } : {}) };
    const out = await importParts(store, ctx.ruleset, required(o.year, '--year'), parts, meta);
    if (failed(out)) return report(o, session, out, ctx.ruleset.words);
    session.out(
      say(
        o.lang,
        'records_imported',
        {
          written: out.written,
          unchanged: out.unchanged,
          areas: out.areas,
          owner: ownerLabel(ctx.ruleset, o.owner ?? AREA_OWNER, o.lang),
        },
        wordsOf(ctx.ruleset, o.lang),
      ),
    );
    return EXIT.ok;
  },

  async status(o, session, store, scheme) {
    const ctx = await context(o, session, scheme);
    if (!ctx) return EXIT.invalid;
    const today = o.today ?? new Date().toISOString().slice(0, 10);
    const s = await yearStatus(store, ctx.ruleset, required(o.year, '--year'), ctx.deadline, today);
    session.out(
      say(
        o.lang,
        'records_status_head',
        {
          year: s.year,
          deadline: s.deadline,
          days: s.daysLeft,
          complete: s.complete,
          registered: s.registered,
        },
        wordsOf(ctx.ruleset, o.lang),
      ),
    );
    for (const r of s.rows) {
      const shown = r.missing.slice(0, 4).join(', ') + (r.missing.length > 4 ? ', …' : '');
      session.out(
        `  ${r.area} ${r.name} — ${ownerLabel(ctx.ruleset, r.owner, o.lang)}: ${say(o.lang, 'records_missing', { count: r.missing.length })} ${shown}`,
      );
    }
    return EXIT.ok;
  },

  async decide(o, session, store, scheme) {
    const ctx = await context(o, session, scheme);
    if (!ctx) return EXIT.invalid;
    const date = o.date ?? ctx.deadline;
    const out = await decideYear(store, ctx.ruleset, required(o.year, '--year'), date, { by: o.by });
    const recognised = out.decided.filter((d) => d.decision === 'recognised').length;
    session.out(
      say(
        o.lang,
        'records_decided',
        {
          year: required(o.year, '--year'),
          id: ctx.ruleset.id,
          version: ctx.ruleset.version,
          date,
          decided: out.decided.length,
          recognised,
          not_recognised: out.decided.length - recognised,
          incomplete: out.incomplete.length + out.invalid.length,
          stored: out.stored,
        },
        wordsOf(ctx.ruleset, o.lang),
      ),
    );
    if (out.incomplete.length > 0) {
      session.out(`  ${say(o.lang, 'records_incomplete', { areas: out.incomplete.map((i) => i.area).join(', ') })}`);
    }
    for (const a of out.invalid) {
      session.err(a.diagnostics.map((d) => formatBatchDiagnostic(d, o.lang)).join('\n'));
    }
    return EXIT.ok;
  },

  async board(o, session, store) {
    const areas = o.recognise.map((code) => {
      const reason = o.reasons.get(code);
      return reason === undefined ? { code } : { code, reason };
    });
    const input = {
      number: required(o.number, '--number'),
      year: required(o.year, '--year'),
      date: required(o.date, '--date'),
      areas,
    };
    const meta = { by: o.by, source: '--recognise', ...(o.reason !== undefined ? { reason: o.reason } : {}) };
    const saved = await store.recordBoardDecision(input, meta);
    const against = saved.areas.filter((a) => a.engineDecision !== 'recognised').length;
    session.out(
      say(o.lang, 'records_board', {
        number: saved.number,
        date: saved.date,
        count: saved.areas.length,
        against,
        version: saved.version,
      }),
    );
    return EXIT.ok;
  },

  async history(o, session, store) {
    const code = o.files[0];
    if (code !== undefined) {
      const years = await areaHistory(store, code);
      session.out(say(o.lang, 'records_history_head', { area: code, years: years.length }));
      for (const y of years) {
        const parts = [`${y.year}:`, y.registered ? say(o.lang, 'records_word_registered') : '—'];
        if (y.evaluation)
          parts.push(
            `${say(o.lang, 'records_word_engine', { decision: say(o.lang, `records_decision_${y.evaluation.decision}`) })} (${y.evaluation.ruleset.id} ${y.evaluation.ruleset.version})`,
          );
        if (y.evaluationVersions > 1) parts.push(say(o.lang, 'records_versions', { count: y.evaluationVersions }));
        if (y.board)
          parts.push(
            `${say(o.lang, 'records_word_board')} ${y.board.number} ${y.board.date}${y.board.reason ? ` — ${y.board.reason}` : ''}`,
          );
        parts.push(y.recognised ? say(o.lang, 'records_word_recognised') : say(o.lang, 'records_word_not_recognised'));
        session.out(`  ${parts.join(' ')}`);
      }
      return EXIT.ok;
    }
    const years = await store.years();
    const from = o.from ?? years[0];
    const to = o.to ?? years.at(-1);
    if (from === undefined || to === undefined) {
      session.out(say(o.lang, 'records_empty'));
      return EXIT.ok;
    }
    const c = await recognitionChanges(store, from, to);
    session.out(
      say(o.lang, 'records_changes', {
        from,
        to,
        kept: c.kept.length,
        lost: c.lost.length,
        gained: c.gained.length,
      }),
    );
    for (const [key, list] of [
      ['records_word_kept', c.kept],
      ['records_word_lost', c.lost],
      ['records_word_gained', c.gained],
    ] as const) {
      if (list.length > 0) session.out(`  ${say(o.lang, key)}: ${list.join(', ')}`);
    }
    return EXIT.ok;
  },

  async export(o, session, store) {
    const { exportDecisions } = await import('./records-export.js');
    const rows = await exportDecisions(store, o.year, session.abs(required(o.out, '--out')));
    session.out(say(o.lang, 'records_exported', { path: required(o.out, '--out'), rows }));
    return EXIT.ok;
  },

  async backup(o, session, store) {
    await backupStore(store, session.abs(required(o.out, '--out')));
    session.out(say(o.lang, 'records_backed_up', { path: required(o.out, '--out') }));
    return EXIT.ok;
  },
};

interface Context {
  readonly ruleset: CompiledRuleset;
  readonly cycle: Cycle;
  readonly deadline: string;
}

/** The cycle (its deadline names the year's date) and the rules in force on that date. */
async function context(o: RecordsOptions, session: Session, scheme: WordsInUse): Promise<Context | undefined> {
  const rules = required(o.rules, '--rules');
  const cycle = await loadCycle(o.cycle ? session.abs(o.cycle) : defaultCycle(session.abs(rules)));
  if (!cycle.value) {
    problems(o, session, cycle.problems, scheme.words);
    return undefined;
  }
  const deadline = deadlineOf(cycle.value, required(o.year, '--year'));
  const loaded = await loadRulesOrReport(rules, session, o.lang, 'rules_invalid', { date: o.date ?? deadline });
  if (!loaded) return undefined;
  scheme.words = loaded.ruleset.words;
  return { ruleset: loaded.ruleset, cycle: cycle.value, deadline };
}

/** cycle.yaml in the rules folder, or beside a rules file: where a missing one is looked for. */
function defaultCycle(rules: string): string {
  let dir = rules;
  try {
    if (!statSync(rules).isDirectory()) dir = dirname(rules);
  } catch {
    // Not there: the message names cycle.yaml where it would be, beside a file or in a folder.
    if (/\.ya?ml$/i.test(rules)) dir = dirname(rules);
  }
  return join(dir, 'cycle.yaml');
}

function ownerLabel(ruleset: CompiledRuleset, owner: string, lang: 'vi' | 'en'): string {
  if (owner === AREA_OWNER) return say(lang, 'records_word_area', {}, wordsOf(ruleset, lang));
  return ruleset.owners.find((x) => x.id === owner)?.label[lang] ?? owner;
}

function counts(out: { added: number; changed: number; registered: number }) {
  return { added: out.added, changed: out.changed, registered: out.registered };
}

function failed(out: { diagnostics: readonly Diagnostic[]; problems: readonly RecordsProblem[] }): boolean {
  return out.problems.length > 0 || out.diagnostics.some((d) => d.severity === 'error');
}

function report(
  o: RecordsOptions,
  session: Session,
  out: { diagnostics: readonly Diagnostic[]; problems: readonly RecordsProblem[] },
  words: SchemeWords,
): number {
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    session.err(
      session
        .relocate(errors)
        .map((d) => formatBatchDiagnostic(d, o.lang))
        .join('\n'),
    );
  return problems(o, session, out.problems, words, errors.length);
}

function problems(
  o: RecordsOptions,
  session: Session,
  list: readonly RecordsProblem[],
  words: SchemeWords,
  more = 0,
): number {
  // Paths inside parameters (where the other value came from) are shown as the user typed them too.
  const prefix = `${session.cwd}/`;
  const shown = session.relocate(list).map((p) => ({
    ...p,
    // The library places problems in the stored record itself at RECORD_FILE; here it has a name.
    ...(p.file === RECORD_FILE ? { file: o.store } : {}),
    params: Object.fromEntries(
      Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' ? v.split(prefix).join('') : v]),
    ),
  }));
  if (list.length > 0) session.err(formatRecordsProblems(shown, o.lang, words));
  session.err(say(o.lang, 'records_nothing_written', { count: list.length + more }));
  return EXIT.invalid;
}

/**
 * SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the record's clock: from that
 * second, one second per write. docs/records.md is run with it, so its output can be compared.
 */
function clock(epoch: string | undefined): { now?: () => string } {
  if (epoch === undefined || !/^\d+$/.test(epoch)) return {};
  let t = Number(epoch) * 1000;
  return {
    now: () => {
      t += 1000;
      return new Date(t).toISOString();
    },
  };
}

function isUrl(store: string): boolean {
  return /^postgres(ql)?:\/\//i.test(store);
}

/**
 * A new API key: 24 random bytes, printed once for whoever will use it, and the entry of the key
 * file with only its SHA-256 (the server never holds the key itself). Nothing is written.
 */
function newKey(o: RecordsOptions, session: Session): number {
  const key = randomBytes(24).toString('base64url');
  const quoted = (v: string) => JSON.stringify(v);
  const entry = [
    `  - name: ${quoted(required(o.name, '--name'))}`,
    `    role: ${required(o.role, '--role')}`,
    ...(o.role === 'area' && o.unit !== undefined ? [`    unit: ${quoted(o.unit)}`] : []),
    ...(o.role === 'area' && o.areas.length > 0 ? [`    areas: [${o.areas.map(quoted).join(', ')}]`] : []),
    ...(o.role === 'department' ? [`    owner: ${quoted(required(o.owner, '--owner'))}`] : []),
    `    sha256: ${keyDigest(key)}`,
  ];
  session.out(say(o.lang, 'records_key_new', { name: required(o.name, '--name') }));
  session.out(`  ${key}`);
  session.out(say(o.lang, 'records_key_entry'));
  session.out(entry.join('\n'));
  return EXIT.ok;
}

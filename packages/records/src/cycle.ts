/**
 * The yearly cycle as data (a small YAML file beside the rules, e.g. cycle.yaml): which ruleset
 * it is for and the day each year by which the reporting units report. The deadline is the date
 * `status` counts down to and the date `decide` picks the rules in force on.
 *
 *   format: 1
 *   ruleset: my-scheme-id
 *   report_by: "10-15"        # month-day, every year
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { problem, type RecordsProblem } from './problems.js';

export interface Cycle {
  readonly file: string;
  readonly ruleset: string;
  /** MM-DD */
  readonly reportBy: string;
}

export async function loadCycle(file: string): Promise<{ value?: Cycle; problems: RecordsProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    // What is wrong is said by a reason the catalogues word (messages/), never English text.
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { problems: [problem('records_cycle_invalid', { file }, { reason: missing ? 'missing' : 'unreadable' })] };
  }
  return parseCycle(text, file);
}

export function parseCycle(text: string, file: string): { value?: Cycle; problems: RecordsProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        problem('records_cycle_invalid', at(e.pos[0]), { reason: 'yaml', detail: e.message.split('\n')[0] ?? '' }),
      ),
    };
  }
  if (!isMap(doc.contents)) return { problems: [problem('records_cycle_invalid', at(0), { reason: 'not_mapping' })] };
  const problems: RecordsProblem[] = [];
  const field = (key: string, test: (v: unknown) => boolean): string | undefined => {
    const node = doc.get(key, true);
    if (!isScalar(node)) {
      problems.push(problem('records_cycle_invalid', at(0), { reason: 'missing_key', key }));
      return undefined;
    }
    if (!test(node.value)) {
      problems.push(problem('records_cycle_invalid', at(node.range?.[0]), { reason: 'bad_value', key }));
      return undefined;
    }
    return String(node.value);
  };
  field('format', (v) => v === 1);
  const ruleset = field('ruleset', (v) => typeof v === 'string' && v.length > 0);
  const reportBy = field('report_by', (v) => typeof v === 'string' && validMonthDay(v));
  if (problems.length > 0 || ruleset === undefined || reportBy === undefined) return { problems };
  return { value: { file, ruleset, reportBy }, problems };
}

function validMonthDay(v: string): boolean {
  const m = /^(\d\d)-(\d\d)$/.exec(v);
  if (!m) return false;
  // 2024 is a leap year, so 02-29 is accepted; each year's date is checked again in deadlineOf.
  const d = new Date(`2024-${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === v;
}

/** The deadline of a year (YYYY-MM-DD); 02-29 falls on 02-28 in a common year. */
export function deadlineOf(cycle: Cycle, year: number): string {
  const date = `${year}-${cycle.reportBy}`;
  const d = new Date(`${date}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === date ? date : `${year}-02-28`;
}

/** Whole days from `today` to the deadline (negative once it has passed). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

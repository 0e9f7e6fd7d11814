/**
 * History and progress read from the record: one area across the years (registered, the engine's
 * decision with the rules that made it, the board's recognition), and which areas kept, lost or
 * gained recognition between two years. Recognition is the board's where the year has a board
 * decision, else the engine's.
 */
import type { RecordsStore } from './store.js';
import type { BoardDecisionRecord, EvaluationRecord } from './types.js';

export interface AreaYear {
  readonly year: number;
  readonly registered: boolean;
  readonly evaluation?: EvaluationRecord;
  /** Versions of the evaluation stored for the year (corrections included). */
  readonly evaluationVersions: number;
  readonly board?: { readonly number: string; readonly date: string; readonly reason: string | null };
  readonly recognised: boolean;
}

export async function areaHistory(store: RecordsStore, code: string): Promise<AreaYear[]> {
  const years = new Set(await store.years());
  const evaluations = await store.evaluationHistory(code);
  for (const e of evaluations) years.add(e.year);
  const boards = await store.boardDecisions();
  const out: AreaYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const registered = (await store.registered(year)).includes(code);
    const versions = evaluations.filter((e) => e.year === year);
    const evaluation = versions.at(-1);
    if (!registered && !evaluation) continue;
    const board = boardRecognition(boards, year, code);
    out.push({
      year,
      registered,
      ...(evaluation ? { evaluation } : {}),
      evaluationVersions: versions.length,
      ...(board ? { board } : {}),
      recognised: recognisedIn(boards, year, code, evaluation),
    });
  }
  return out;
}

function boardRecognition(boards: readonly BoardDecisionRecord[], year: number, code: string) {
  for (const b of boards) {
    if (b.year !== year) continue;
    const a = b.areas.find((x) => x.code === code);
    if (a) return { number: b.number, date: b.date, reason: a.reason };
  }
  return undefined;
}

function recognisedIn(
  boards: readonly BoardDecisionRecord[],
  year: number,
  code: string,
  evaluation: EvaluationRecord | undefined,
): boolean {
  if (boards.some((b) => b.year === year)) return boardRecognition(boards, year, code) !== undefined;
  return evaluation?.decision === 'recognised';
}

/** The areas recognised in a year: by the board if it decided that year, else by the engine. */
export async function recognisedAreas(store: RecordsStore, year: number): Promise<string[]> {
  const boards = (await store.boardDecisions(year)).filter((b) => b.year === year);
  if (boards.length > 0) return [...new Set(boards.flatMap((b) => b.areas.map((a) => a.code)))].sort();
  return (await store.evaluations(year)).filter((e) => e.decision === 'recognised').map((e) => e.area);
}

export interface RecognitionChanges {
  readonly from: number;
  readonly to: number;
  readonly kept: readonly string[];
  readonly lost: readonly string[];
  readonly gained: readonly string[];
}

export async function recognitionChanges(store: RecordsStore, from: number, to: number): Promise<RecognitionChanges> {
  const before = new Set(await recognisedAreas(store, from));
  const after = new Set(await recognisedAreas(store, to));
  return {
    from,
    to,
    kept: [...before].filter((a) => after.has(a)).sort(),
    lost: [...before].filter((a) => !after.has(a)).sort(),
    gained: [...after].filter((a) => !before.has(a)).sort(),
  };
}

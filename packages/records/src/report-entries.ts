/**
 * The record as the city report's input (lcz report --records): one entry per area and year,
 * registered or decided, with the engine's full result recomputed from the assessment the record
 * stored with its decision (the result itself is not stored, only its summary), so every
 * standard and criterion can be counted. What counts as recognised is the record's: the board's
 * where the year has a board decision, else the engine's stored decision; an area registered but
 * not yet decided counts as undetermined, whatever its facts so far would give.
 */
import type { CompiledRuleset, EvaluationResult, FactValue } from '@lcz/criteria-engine';
import { recognisedAreas } from './history.js';
import { problem, type RecordsProblem } from './problems.js';
import type { RecordsStore } from './store.js';
import type { StoredValue } from './types.js';

/** One area in one year, shaped as the report's ReportEntry. */
export interface RecordEntry {
  readonly result: EvaluationResult;
  readonly year: number;
  readonly registered: boolean;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly source: { readonly file: string; readonly row: number };
}

export interface RecordEntriesOptions {
  /** Years up to this one only: the report as it stood then (a mid-term review). */
  readonly asOf?: number;
  /** The label of the record in problems and sources (its folder or URL as the user wrote it). */
  readonly label: string;
}

export async function recordEntries(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  options: RecordEntriesOptions,
): Promise<{ entries: RecordEntry[]; problems: RecordsProblem[]; years: number[] }> {
  const years = new Set(await store.years());
  const evaluations = await store.evaluations();
  for (const e of evaluations) years.add(e.year);
  const chosen = [...years].filter((y) => options.asOf === undefined || y <= options.asOf).sort((a, b) => a - b);
  const boards = await store.boardDecisions();
  const areas = new Map((await store.areas()).map((a) => [a.code, a]));
  const entries: RecordEntry[] = [];
  const problems: RecordsProblem[] = [];
  const where = { file: options.label };
  for (const year of chosen) {
    const registered = new Set(await store.registered(year));
    const decided = new Map(evaluations.filter((e) => e.year === year).map((e) => [e.area, e]));
    const recognised = new Set(await recognisedAreas(store, year));
    const boardYear = boards.some((b) => b.year === year);
    const facts = await store.currentFacts(year);
    const otherRules = new Set<string>();
    for (const code of [...new Set([...registered, ...decided.keys()])].sort()) {
      const area = areas.get(code);
      if (area === undefined) continue;
      const evaluation = decided.get(code);
      let raw: unknown;
      if (evaluation) {
        raw = evaluation.assessment;
        if (evaluation.ruleset.hash !== ruleset.hash) otherRules.add(rulesName(evaluation.ruleset));
      } else {
        const values: Record<string, StoredValue> = {};
        for (const [id, f] of facts.get(code) ?? []) if (f.value !== null) values[id] = f.value;
        raw = { area: { code, name: area.name, unit: area.unit }, context: area.context, facts: values };
      }
      // Any date: a year decided under another version is read under these rules on purpose (with
      // records_report_other_rules below), as lcz diff --assessments reads old assessments.
      const checked = ruleset.validateAssessment(raw, undefined, { anyDate: true });
      if (!checked.value) {
        problems.push(problem('records_report_invalid', where, { area: code, year, ruleset: ruleset.id }));
        continue;
      }
      const result = ruleset.evaluate(checked.value);
      const decision = !evaluation
        ? 'undetermined'
        : recognised.has(code)
          ? 'recognised'
          : boardYear || evaluation.decision === 'recognised'
            ? 'not_recognised'
            : evaluation.decision;
      entries.push({
        result: { ...result, decision, area: { ...result.area, code, name: area.name, unit: area.unit } },
        year,
        registered: registered.has(code),
        facts: knownFacts(checked.value.facts),
        source: { file: options.label, row: 0 },
      });
    }
    for (const rules of otherRules) {
      problems.push({
        ...problem('records_report_other_rules', where, { year, stored: rules, given: rulesName(ruleset) }),
        severity: 'warning',
      });
    }
  }
  return { entries, problems, years: chosen };
}

/** id, version and the start of the hash: two texts of one version differ by their hash only. */
function rulesName(r: { readonly id: string; readonly version: string; readonly hash: string }): string {
  return `${r.id} ${r.version} (${r.hash.replace(/^sha256:/, '').slice(0, 12)})`;
}

/** The facts given a value (null and left out both mean unknown: not listed). */
function knownFacts(facts: Readonly<Record<string, FactValue | null | undefined>>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [id, v] of Object.entries(facts)) if (v !== null && v !== undefined) out[id] = v;
  return out;
}

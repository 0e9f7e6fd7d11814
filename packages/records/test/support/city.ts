/**
 * The 2024 example city split into parts as a city would collect them: one workbook for the
 * areas' own facts (with the register's identity and context) and one per department, written
 * with the batch package's templates from the valid rows of examples/city-2024.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BatchInputRow, readBatch, writeAssessments } from '@lcz/criteria-batch';
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RULES_DIR = join(ROOT, 'rules/lai-chau-2020-2025');
const CITY_CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');

export async function laiChau(): Promise<CompiledRuleset> {
  const loaded = await loadRulesetFile(join(RULES_DIR, 'ruleset.yaml'));
  if (!loaded.value) throw new Error('the bundled rules do not load');
  return loaded.value;
}

export interface CityRow {
  readonly row: BatchInputRow;
  readonly assessment: Assessment;
}

export async function cityRows(rules: CompiledRuleset): Promise<CityRow[]> {
  const out: CityRow[] = [];
  for await (const r of readBatch(CITY_CSV, rules)) {
    if (!r.assessment || r.area.code === undefined) continue;
    out.push({
      row: { area: r.area, context: r.assessment.context, facts: r.assessment.facts },
      assessment: r.assessment,
    });
  }
  return out;
}

/** Writes areas.csv (owner null) and <owner>.csv for each department; returns the files by owner. */
export async function writeParts(
  rules: CompiledRuleset,
  rows: readonly CityRow[],
  dir: string,
): Promise<Map<string | null, string>> {
  const files = new Map<string | null, string>();
  for (const owner of [null, ...rules.owners.map((o) => o.id)]) {
    const file = join(dir, `${owner ?? 'areas'}.csv`);
    await writeAssessments(
      rules,
      file,
      rows.map((r) => r.row),
      { format: 'csv', owner },
    );
    files.set(owner, file);
  }
  return files;
}

/**
 * The 2024 example city as a city would collect it, and loaded into a record:
 *   parts/areas.csv         the register (code, name, unit, context) and the facts the areas
 *                           report themselves
 *   parts/<department>.csv  one part per department of the rule file's owners:
 *   parts/phong_kinh_te-ban-sua.csv  a second copy of one part disagreeing on one cell
 *   store/records.sqlite    the record after `lcz records register`, every part imported and
 *                           `lcz records decide`
 * written from the valid rows of examples/city-2024/assessments-2024.csv (the three deliberately
 * bad rows are left out). Run: pnpm exec tsx --conditions=@lcz/source examples/records-2024/generate.ts
 * docs/records.md walks the same year step by step with the CLI.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BatchInputRow, readBatch, writeAssessments } from '@lcz/criteria-batch';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { readFileSync, writeFileSync } from 'node:fs';
import { decideYear, importParts, openRecordsStore, registerAreas } from '@lcz/criteria-records';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '../..');
const rules = (await loadRulesetFile(join(ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml'))).value;
if (!rules) throw new Error('the bundled rules do not load');

const rows: BatchInputRow[] = [];
for await (const r of readBatch(join(ROOT, 'examples/city-2024/assessments-2024.csv'), rules)) {
  if (r.assessment && r.area.code !== undefined) {
    rows.push({ area: r.area, context: r.assessment.context, facts: r.assessment.facts });
  }
}

const parts = join(HERE, 'parts');
mkdirSync(parts, { recursive: true });
const files = new Map<string | null, string>();
for (const owner of [null, ...rules.owners.map((o) => o.id)]) {
  const file = join(parts, `${owner ?? 'areas'}.csv`);
  await writeAssessments(rules, file, rows, { format: 'csv', owner });
  files.set(owner, file);
}

// A second copy of the economy office's part that disagrees with the first on one cell (the
// first area's last fact), for the conflict step of docs/records.md.
const econ = readFileSync(files.get('phong_kinh_te') as string, 'utf8').split('\n');
const cells = (econ[2] as string).split(',');
cells[cells.length - 1] = cells.at(-1) === 'Có' ? 'Không' : 'Có';
econ[2] = cells.join(',');
writeFileSync(join(parts, 'phong_kinh_te-ban-sua.csv'), econ.join('\n'));

const storeDir = join(HERE, 'store');
rmSync(storeDir, { recursive: true, force: true });
let tick = Date.parse('2024-10-01T08:00:00Z');
const store = await openRecordsStore(storeDir, {
  now: () => {
    tick += 1000;
    return new Date(tick).toISOString();
  },
});
await registerAreas(store, rules, 2024, files.get(null) as string, { by: 'phong_noi_vu' });
for (const [owner, file] of files) {
  const out = await importParts(store, rules, 2024, [{ file, owner }], { by: owner ?? 'ubnd_xa_phuong' });
  if (out.problems.length > 0) throw new Error(`${file}: ${out.problems.length} problem(s)`);
}
await decideYear(store, rules, 2024, '2024-10-15', { by: 'phong_noi_vu' });
await store.close();
console.log(`wrote ${files.size} parts and ${storeDir}/records.sqlite (${rows.length} areas, 2024)`);

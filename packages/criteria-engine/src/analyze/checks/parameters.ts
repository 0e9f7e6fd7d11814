/**
 * Every kind of unit the rules can assess has a cell in each parameter table: a missing cell
 * leaves every condition that uses the parameter undetermined for such a unit, forever.
 */
import { cellKey } from '../../compile/parameter-table.js';
import type { Findings } from '../findings.js';
import type { Reachability } from '../reach.js';

export function checkParameterCells(f: Findings, reach: Reachability): void {
  if (!reach.contextsListed) return;
  for (const table of f.ruleset.parameterTables) {
    const have = new Set(table.cells.map((c) => cellKey(table.by, c.key)));
    const reported = new Set<string>();
    for (const context of reach.contexts) {
      // An attribute the unit leaves out (not required for it) makes the value unknown, not missing.
      if (table.by.some((k) => context[k] === undefined)) continue;
      const cell = cellKey(table.by, context);
      if (have.has(cell) || reported.has(cell)) continue;
      reported.add(cell);
      f.add('parameter_cell_missing', ['parameters', table.id, 'values'], { parameter: table.id, cell }, 'error');
    }
  }
}

/**
 * An assessment: the facts for one residential area in one year, its identity and its context.
 * Files hold it as YAML or JSON:
 *
 *   ruleset: lai-chau-khu-dan-cu        # optional: the ruleset id it was written for
 *   area: { code: TP-01, name: "Tổ dân phố số 1", unit: "Phường Tân Phong", date: "2024-10-10" }
 *   context: { unit_kind: to_dan_pho, parent_kind: phuong }
 *   facts: { households: 120, households_law_abiding: 119, … }
 *
 * A fact left out, or given as null, is unknown.
 */
import type { AreaIdentity, FactValue } from './result.js';

export interface Assessment {
  readonly ruleset?: string;
  readonly area?: AreaIdentity;
  readonly context: Readonly<Record<string, string | boolean | null | undefined>>;
  readonly facts: Readonly<Record<string, FactValue | null | undefined>>;
}

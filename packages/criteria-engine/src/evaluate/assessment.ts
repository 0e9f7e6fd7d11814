/**
 * An assessment: the facts for one assessed unit (an area, a school…) in one year, its identity and its context.
 * Files hold it as YAML or JSON:
 *
 *   ruleset: lai-chau-khu-dan-cu        # optional: the ruleset id it was written for
 *   area: { code: S-01, name: "Riverside", unit: "North", date: "2024-10-10" }
 *   context: { size: large, urban: true }
 *   facts: { total_items: 120, items_done: 119, … }
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

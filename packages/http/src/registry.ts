/**
 * The rulesets a server holds, found by id and version. Loading from paths reports every broken
 * file at once (CriteriaEngineError carries all diagnostics), so an operator fixes them in one go.
 */
import {
  assessmentJsonSchema,
  CriteriaEngineError,
  hasErrors,
  type CompiledRuleset,
  type Diagnostic,
} from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { CriteriaHttpOptionsError, type CriteriaHttpOptions } from './options.js';

export type Lookup =
  | { readonly ruleset: CompiledRuleset }
  | { readonly problem: 'unknown_id'; readonly available: readonly string[] }
  | { readonly problem: 'unknown_version' | 'version_required'; readonly versions: readonly string[] }
  /** Several versions, and none in force on the assessment's date: each version with its period. */
  | { readonly problem: 'not_in_force'; readonly versions: readonly string[]; readonly periods: readonly string[] };

export class RulesetRegistry {
  private readonly byId = new Map<string, CompiledRuleset[]>();
  private readonly schemas = new WeakMap<CompiledRuleset, object>();

  constructor(rulesets: readonly CompiledRuleset[]) {
    const duplicates: string[] = [];
    for (const r of rulesets) {
      const list = this.byId.get(r.id) ?? [];
      if (list.some((other) => other.version === r.version)) duplicates.push(`${r.id} ${r.version}`);
      list.push(r);
      this.byId.set(r.id, list);
    }
    if (duplicates.length > 0) {
      throw new CriteriaHttpOptionsError(
        `rules: the same ruleset id and version is given twice: ${duplicates.join(', ')} / ` +
          `bộ quy tắc bị trùng mã và phiên bản: ${duplicates.join(', ')}`,
      );
    }
    for (const list of this.byId.values())
      list.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  }

  /** Every ruleset, by id then version. */
  list(): CompiledRuleset[] {
    return [...this.byId.keys()].sort().flatMap((id) => this.byId.get(id) ?? []);
  }

  /** The ruleset ids, sorted. */
  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  get size(): number {
    return this.list().length;
  }

  /**
   * The ruleset `id` at `version`. Without a version, the only one loaded; when several versions
   * are loaded, the one in force on `date` (the assessment's `area.date`), as the CLI and
   * `createSchemes` pick it (docs/rule-format.md, "Versions"). Never a silent pick of "the
   * latest": with no date, or a date two versions' periods both hold, the caller must choose.
   */
  find(id: string, version: string | undefined, date?: string): Lookup {
    const list = this.byId.get(id);
    if (list === undefined) return { problem: 'unknown_id', available: [...this.byId.keys()].sort() };
    const versions = list.map((r) => r.version);
    if (version !== undefined) {
      const found = list.find((r) => r.version === version);
      return found ? { ruleset: found } : { problem: 'unknown_version', versions };
    }
    const [only, ...more] = list;
    if (only !== undefined && more.length === 0) return { ruleset: only };
    if (date === undefined) return { problem: 'version_required', versions };
    const inForce = list.filter((r) => r.effective === undefined || inPeriod(r.effective, date));
    const [found, ...others] = inForce;
    if (found !== undefined && others.length === 0) return { ruleset: found };
    if (found === undefined) return { problem: 'not_in_force', versions, periods: list.map(periodText) };
    return { problem: 'version_required', versions };
  }

  /** The JSON Schema of an assessment: the zod schema the engine validates with, converted once. */
  inputSchema(ruleset: CompiledRuleset): object {
    let schema = this.schemas.get(ruleset);
    if (schema === undefined) {
      schema = assessmentJsonSchema(ruleset);
      this.schemas.set(ruleset, schema);
    }
    return schema;
  }
}

/** Whether an ISO date (YYYY-MM-DD, compared as text) lies in an effective period, both ends included. */
function inPeriod(period: NonNullable<CompiledRuleset['effective']>, date: string): boolean {
  return period.from <= date && (period.to === undefined || date <= period.to);
}

function periodText(r: CompiledRuleset): string {
  return r.effective ? `${r.version} (${r.effective.from} – ${r.effective.to ?? '…'})` : r.version;
}

/** The registry for the plugin's `rules` option: paths are loaded, every error reported at once. */
export async function loadRegistry(rules: CriteriaHttpOptions['rules']): Promise<RulesetRegistry> {
  // An empty list is allowed (a server that only validates uploaded rule files); /readyz then
  // answers 503 and evaluations find no ruleset.
  const given: readonly (string | CompiledRuleset)[] = typeof rules === 'string' ? [rules] : rules;
  if (!Array.isArray(given)) {
    throw new CriteriaHttpOptionsError(
      'rules: give a path, a list of paths or a list of compiled rulesets / cần đường dẫn, danh sách đường dẫn hoặc danh sách bộ quy tắc đã biên dịch',
    );
  }
  const loaded: CompiledRuleset[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of given) {
    if (typeof item !== 'string') {
      loaded.push(item);
      continue;
    }
    const result = await loadRulesetFile(item);
    const all = [...result.diagnostics, ...(result.value?.diagnostics ?? [])];
    if (result.value && !hasErrors(all)) loaded.push(result.value);
    else diagnostics.push(...all.filter((d) => d.severity === 'error'));
  }
  if (diagnostics.length > 0) throw new CriteriaEngineError(diagnostics);
  return new RulesetRegistry(loaded);
}

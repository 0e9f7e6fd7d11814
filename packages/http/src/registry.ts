/**
 * The rulesets a server holds, found by id and version. Loading from paths reports every broken
 * file at once (CriteriaEngineError carries all diagnostics), so an operator fixes them in one go.
 */
import {
  assessmentJsonSchema,
  createSchemes,
  CriteriaEngineError,
  hasErrors,
  type CompiledRuleset,
  type Diagnostic,
  type Scheme,
} from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { CriteriaHttpOptionsError, type CriteriaHttpOptions } from './options.js';

export type Lookup =
  | { readonly ruleset: CompiledRuleset }
  | { readonly problem: 'unknown_id'; readonly available: readonly string[] }
  | { readonly problem: 'unknown_version' | 'version_required'; readonly versions: readonly string[] }
  /** Several versions, and none in force on the assessment's date: each version with its period. */
  | { readonly problem: 'not_in_force'; readonly versions: readonly string[]; readonly periods: readonly string[] }
  /** A year given alone (`area.year`) that two versions share: the engine's diagnostic says which. */
  | { readonly problem: 'year_ambiguous'; readonly versions: readonly string[]; readonly diagnostic: Diagnostic };

export class RulesetRegistry {
  private readonly byId = new Map<string, CompiledRuleset[]>();
  private readonly schemas = new WeakMap<CompiledRuleset, object>();
  /**
   * The ids whose versions a date can choose between, as the engine's schemes choose
   * (createSchemes): every version has its period and no two overlap. Gaps are allowed: a date in
   * one is in force nowhere.
   */
  private readonly byDate = new Map<string, Scheme>();

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
    for (const [id, list] of this.byId) {
      list.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
      const grouped = createSchemes(list);
      const [scheme] = grouped.value ?? [];
      const ambiguous = grouped.diagnostics.some((d) => DATE_CANNOT_CHOOSE.has(d.code));
      if (list.length > 1 && scheme !== undefined && !ambiguous) this.byDate.set(id, scheme);
    }
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
   * are loaded, the one in force on `date` (the assessment's `area.date`), picked by the engine's
   * scheme (`createSchemes`, as the CLI picks it; docs/rule-format.md, "Versions"). Never a silent
   * pick of "the latest": with no date, or versions whose periods are missing or overlap, the
   * caller must choose.
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
    const scheme = this.byDate.get(id);
    if (date === undefined || scheme === undefined) return { problem: 'version_required', versions };
    const selected = scheme.select({ date });
    if (selected.value) return { ruleset: selected.value };
    const ambiguous = selected.diagnostics.find((d) => d.code === 'version_year_ambiguous');
    return ambiguous
      ? { problem: 'year_ambiguous', versions, diagnostic: ambiguous }
      : { problem: 'not_in_force', versions, periods: list.map(periodText) };
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

/** Versions a date cannot choose between: a period missing, or two overlapping. */
const DATE_CANNOT_CHOOSE: ReadonlySet<string> = new Set(['version_period_missing', 'version_overlap']);

/** A version and its period, for the problem that lists them. */
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

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
  | { readonly problem: 'unknown_version' | 'version_required'; readonly versions: readonly string[] };

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
   * are loaded the caller must choose (no silent pick of "the latest").
   */
  find(id: string, version: string | undefined): Lookup {
    const list = this.byId.get(id);
    if (list === undefined) return { problem: 'unknown_id', available: [...this.byId.keys()].sort() };
    const versions = list.map((r) => r.version);
    if (version !== undefined) {
      const found = list.find((r) => r.version === version);
      return found ? { ruleset: found } : { problem: 'unknown_version', versions };
    }
    const [only, ...more] = list;
    if (only === undefined || more.length > 0) return { problem: 'version_required', versions };
    return { ruleset: only };
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

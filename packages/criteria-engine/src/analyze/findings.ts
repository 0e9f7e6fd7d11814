/**
 * Findings are diagnostics like any other: a code, a severity, the rule file's line and column
 * (through `CompiledRuleset.locate`), the document path and the message parameters.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';

export type DocumentPath = readonly (string | number)[];

export class Findings {
  readonly list: Diagnostic[] = [];
  private readonly criterionPaths = new Map<string, DocumentPath>();
  /** Criterion id → variant id → index: looked up per finding, so never a scan of the ruleset. */
  private readonly variantIndexes = new Map<string, ReadonlyMap<string, number>>();

  constructor(readonly ruleset: CompiledRuleset) {
    for (const [gi, g] of ruleset.document.groups.entries())
      for (const [ci, c] of g.criteria.entries()) this.criterionPaths.set(c.id, ['groups', gi, 'criteria', ci]);
    for (const c of ruleset.criteria)
      if (c.variants) this.variantIndexes.set(c.id, new Map(c.variants.map((v, vi) => [v.id, vi])));
  }

  add(code: DiagnosticCode, path: DocumentPath, params: Diagnostic['params'], severity: Severity): void {
    const at = this.ruleset.locate(path);
    this.list.push({
      code,
      severity,
      // A table shared in an included file is located in that file.
      file: at?.file ?? this.ruleset.file,
      line: at?.line ?? 0,
      column: at?.column ?? 0,
      ...(at ? { range: at.range } : {}),
      path: `/${path.join('/')}`,
      params,
    });
  }

  /** `groups/<g>/criteria/<c>` of a criterion id. */
  criterion(id: string): DocumentPath {
    return this.criterionPaths.get(id) ?? ['groups'];
  }

  /** Where a criterion's condition is written: its own, or one variant's. */
  condition(id: string, variant?: string | null): DocumentPath {
    const path = this.criterion(id);
    if (variant === undefined || variant === null) return [...path, 'condition'];
    const vi = this.variantIndexes.get(id)?.get(variant) ?? -1;
    return vi >= 0 ? [...path, 'variants', vi, 'condition'] : [...path, 'variants'];
  }

  /** Where a group's requirement is written: its own, or the default in recognition. */
  requirement(groupIndex: number): DocumentPath {
    return this.ruleset.document.groups[groupIndex]?.requirement !== undefined
      ? ['groups', groupIndex, 'requirement']
      : ['recognition', 'group_requirement'];
  }
}

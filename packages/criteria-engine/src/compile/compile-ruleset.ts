/**
 * Compiles a validated rule document: resolves names, type-checks every condition, checks the
 * ruleset as a whole (unique ids, references, relations, thresholds, policies) and reports
 * variant coverage. Goes on after a problem wherever it safely can, so all problems show at once.
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticParams } from '../diagnostics/params.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { ParsedDocument } from '../parse/index.js';
import type {
  ConditionDocument,
  CriterionDocument,
  DerivedDeclaration,
  ParameterDeclaration,
  RequirementDocument,
  RulesetDocument,
} from '../validate/ruleset-document.js';
import { checkExpression } from './checker.js';
import { FACT_TYPES } from './fact-types/index.js';
import type {
  ConditionInfo,
  ContextAttributeInfo,
  CriterionInfo,
  DefinitionInfo,
  FactInfo,
  VariantInfo,
} from './compiled-ruleset.js';
import { desugarCondition, parseScalarExpression, type DesugarContext, type YamlPath } from './conditions.js';
import { checkCoverage } from './coverage.js';
import { type CompiledDerived, compileDerived } from './derived.js';
import {
  compileParameterTable,
  DATE_NAME,
  dateOfAssessment,
  type KeyAttribute,
  type ParameterTableInfo,
  YEAR,
  yearOfDate,
} from './parameter-table.js';
import { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expression/parser.js';
import { withNamesRead } from './names-read.js';
import { printExpression } from './expression/printer.js';
import { type CheckContext, thresholdHooks } from './functions/index.js';
import type {
  CompiledCondition,
  ContextRulePlan,
  CriterionPlan,
  DerivedPlan,
  DisqualifierPlan,
  GroupPlan,
  RulesetPlan,
  VariantPlan,
} from './plan.js';
import { createScope, type NameSymbol, type Scope } from './scope.js';
import { compileTiers, levelIds, type LevelReporter } from './levels.js';
import { compilePoints, type CompiledPoints, type PointsCompiler } from './points.js';
import { eachThreshold, extractThresholds } from './thresholds.js';
import { ERROR, INTEGER, NUMBER, isQuantity, type Closure, type ValueType } from './types.js';
import type { Typed } from './typed.js';
import type { Expr } from './expression/ast.js';

export interface CompileOptions extends ExpressionLimits {
  /** Coverage enumerates context combinations; beyond this many it reports and stops. */
  readonly maxContextCombinations: number;
  /**
   * Whether to look for variant coverage problems (variant_uncovered, variant_overlap): they are
   * only diagnostics. Loading a compiled rules file turns this off and uses what the build found.
   */
  readonly coverage: boolean;
  /**
   * Whether to look for the problems that are only ever warnings (a threshold outside its fact's
   * declared bounds). Off for a compile whose diagnostics are known already (assemble-ruleset.ts).
   */
  readonly warnings: boolean;
}

const DEFAULT_COMPILE_OPTIONS: CompileOptions = {
  ...DEFAULT_EXPRESSION_LIMITS,
  maxContextCombinations: 4096,
  coverage: true,
  warnings: true,
};

/** An included file (kind: fragment): facts, parameters and definitions shared between rulesets. */
export interface Fragment {
  readonly parsed: ParsedDocument;
  readonly doc: RulesetDocument;
}

export function compileRuleset(
  parsed: ParsedDocument,
  doc: RulesetDocument,
  options: Partial<CompileOptions> = {},
  fragments: readonly Fragment[] = [],
): { plan?: RulesetPlan; diagnostics: Diagnostic[] } {
  const c = new RulesetCompiler(parsed, doc, { ...DEFAULT_COMPILE_OPTIONS, ...options }, fragments);
  const plan = c.run();
  const hasError = c.diagnostics.some((d) => d.severity === 'error');
  return { ...(hasError ? {} : { plan }), diagnostics: c.diagnostics };
}

class RulesetCompiler {
  readonly diagnostics: Diagnostic[] = [];
  private readonly scope: Scope;
  /** The document being compiled right now: the ruleset, or an included fragment. */
  private parsed: ParsedDocument;
  /** Facts, parameters and definitions of the ruleset and its fragments, with where each is written. */
  private readonly facts: Record<string, RulesetDocument['facts'][string]> = {};
  private readonly origin = new Map<string, ParsedDocument>();
  private readonly definitionDocs = new Map<string, { condition: ConditionDocument; parsed: ParsedDocument }>();
  private readonly definitions = new Map<string, Typed | 'checking'>();
  private readonly definitionInfos: DefinitionInfo[] = [];
  /** The checked tree of each named condition, for the code generator (generate/). */
  private readonly definitionExprs = new Map<string, Expr>();
  /** The ids of `levels:`, lowest first (from_level refers to them). */
  private levelIdList: readonly string[] = [];
  private readonly derivedDocs = new Map<string, { decl: DerivedDeclaration; parsed: ParsedDocument }>();
  private readonly derivedDone = new Map<string, CompiledDerived | 'checking'>();
  private readonly derivedPlans: DerivedPlan[] = [];
  private readonly tables = new Map<string, { typed: Typed; info: ParameterTableInfo }>();
  /** The constant parameters of the ruleset and its fragments, by name. */
  private readonly constants = new Map<string, number>();
  /** Whether anything reads the assessment's date (`year`, a dated table): only then is it filled. */
  private readsDate = false;
  /** What reading the date adds to `reads` (`date`, unless the file declares that name): see parameter-table.ts. */
  private dateReads: readonly string[] = [];
  /** What desugaring needs, made once: its `parsed` follows the document being compiled. */
  private readonly desugar: DesugarContext;

  constructor(
    private readonly main: ParsedDocument,
    private readonly doc: RulesetDocument,
    readonly options: CompileOptions,
    private readonly fragments: readonly Fragment[],
  ) {
    this.parsed = main;
    this.desugar = desugarContext(this);
    this.scope = createScope(this.declareNames());
  }

  /** Run `fn` with positions and diagnostics taken from `parsed`. */
  private within<T>(parsed: ParsedDocument, fn: () => T): T {
    const previous = this.parsed;
    this.parsed = parsed;
    try {
      return fn();
    } finally {
      this.parsed = previous;
    }
  }

  /** Where a fact (or parameter, definition) is declared: the ruleset or one of its fragments. */
  private originOf(id: string): ParsedDocument {
    return this.origin.get(id) ?? this.main;
  }

  run(): RulesetPlan {
    this.compileDeclarations();
    const facts = this.factInfos();
    const context = this.contextInfos();
    this.checkRelations();
    const requiredWhen = this.compileRequiredWhen();
    const contextRules = this.compileContextRules();
    const mandatory = this.checkMandatory();
    this.levelIdList = levelIds(this.doc, this.levelReporter);
    const { criteria, groups } = this.compileGroups(mandatory);
    const disqualifiers = this.compileDisqualifiers();

    const total = this.doc.recognition.total_requirement;
    const plan: RulesetPlan = {
      document: this.doc,
      context,
      facts: this.withOwners(facts, groups),
      owners: Object.entries(this.doc.owners ?? {}).map(([id, o]) => ({ id, label: o.label, groups: o.groups ?? [] })),
      groups,
      criteria,
      disqualifiers,
      definitions: this.definitionInfos,
      definitionExprs: this.definitionExprs,
      derived: this.derivedPlans,
      parameterTables: [...this.tables.values()].map((t) => t.info),
      mandatory: [...mandatory],
      ...(total
        ? { totalRequirement: this.requirement(total, ['recognition', 'total_requirement'], criteria.length) }
        : {}),
      contextRules,
      requiredWhen: requiredWhen.closures,
      requiredWhenExprs: requiredWhen.trees,
      dateSlot: this.dateSlot(),
      readsDate: this.readsDate,
      contextSlots: context.map((a) => a.id),
      factSlots: facts.map((f) => f.id),
    };
    const tiered = this.tiered(plan);
    if (tiered) Object.assign(plan, tiered);
    this.reportVariantCoverage(plan);
    return plan;
  }

  /** Parameter tables, derived quantities and definitions, each checked once in the file that declares it. */
  private compileDeclarations(): void {
    for (const { parsed, doc } of [{ parsed: this.main, doc: this.doc }, ...this.fragments])
      for (const [id, p] of Object.entries(doc.parameters ?? {}))
        if (p.value === undefined && !this.tables.has(id)) this.parameterTable(id, p, parsed);
    for (const name of this.derivedDocs.keys()) this.derived(name);
    for (const name of this.definitionDocs.keys()) this.definition(name);
  }

  /** Every group with its criteria, in the order written; ids unique across the file. */
  private compileGroups(mandatory: ReadonlySet<string>): { criteria: CriterionPlan[]; groups: GroupPlan[] } {
    const criteria: CriterionPlan[] = [];
    const groups: GroupPlan[] = [];
    const seenGroups = new Map<string, YamlPath>();
    const seenCriteria = new Map<string, YamlPath>();
    const groupOwners = this.groupOwners();
    this.doc.groups.forEach((group, gi) => {
      this.unique(seenGroups, group.id, ['groups', gi, 'id'], 'group');
      const requirement = this.requirement(
        group.requirement ?? this.doc.recognition.group_requirement,
        group.requirement ? ['groups', gi, 'requirement'] : ['recognition', 'group_requirement'],
        group.criteria.length,
      );
      const indexes: number[] = [];
      group.criteria.forEach((criterion, ci) => {
        const path: YamlPath = ['groups', gi, 'criteria', ci];
        this.unique(seenCriteria, criterion.id, [...path, 'id'], 'criterion');
        indexes.push(criteria.length);
        criteria.push(this.criterion(criterion, group.id, gi, path, mandatory.has(criterion.id)));
      });
      const owner = groupOwners.get(group.id);
      groups.push({
        requirement,
        criteria: indexes,
        info: {
          id: group.id,
          title: group.title,
          requirement,
          criteria: indexes.flatMap((i) => criteria[i]?.info ?? []),
          ...(owner !== undefined ? { owner } : {}),
        },
      });
    });
    return { criteria, groups };
  }

  private compileDisqualifiers(): DisqualifierPlan[] {
    const seen = new Map<string, YamlPath>();
    return (this.doc.disqualifiers ?? []).map((d, di) => {
      this.unique(seen, d.id, ['disqualifiers', di, 'id'], 'disqualifier');
      const condition = this.condition(d.condition, ['disqualifiers', di, 'condition']);
      const fromLevel = this.fromLevel(d.from_level, ['disqualifiers', di, 'from_level']);
      return {
        condition,
        ...(fromLevel !== undefined ? { fromLevel } : {}),
        info: { id: d.id, text: d.text, ...(d.note ? { note: d.note } : {}), condition: condition.info },
      };
    });
  }

  /** Variant coverage (compile/coverage.ts), reported at each criterion's `variants:`. */
  private reportVariantCoverage(plan: RulesetPlan): void {
    // Coverage runs selectors; after an error some are placeholders, and their "coverage" is noise.
    if (!this.options.coverage || this.diagnostics.some((d) => d.severity === 'error')) return;
    checkCoverage(plan, this.options.maxContextCombinations, (code, critIndex, params, severity) => {
      const crit = plan.criteria[critIndex];
      const gi = crit ? crit.groupIndex : 0;
      const ci = crit ? (plan.groups[gi]?.criteria.indexOf(critIndex) ?? 0) : 0;
      this.report(code, this.rangeOf(['groups', gi, 'criteria', ci, 'variants']), params, severity);
    });
  }

  // ── names ────────────────────────────────────────────────────────────────────────────────

  private declareNames(): NameSymbol[] {
    const symbols: NameSymbol[] = [];
    const seen = new Map<string, { section: string; parsed: ParsedDocument }>();
    const declare = (symbol: NameSymbol, section: string, parsed: ParsedDocument) => {
      const first = seen.get(symbol.id);
      if (first !== undefined) {
        const firstRange = first.parsed.keyRangeOf([first.section, symbol.id]);
        this.within(parsed, () =>
          this.report('duplicate_id', parsed.keyRangeOf([section, symbol.id]), {
            kind: 'name',
            id: symbol.id,
            first_line: firstRange ? first.parsed.source.position(firstRange[0]).line : 0,
            ...(first.parsed !== parsed ? { first_file: first.parsed.source.file } : {}),
          }),
        );
        return false;
      }
      seen.set(symbol.id, { section, parsed });
      symbols.push(symbol);
      if (parsed !== this.main) this.origin.set(symbol.id, parsed);
      return true;
    };
    const sources: Fragment[] = [{ parsed: this.main, doc: this.doc }, ...this.fragments];
    // Slots: context attributes first, then facts, in declaration order (see compile/slots.ts).
    let slot = 0;
    for (const [id, attr] of Object.entries(this.doc.context)) {
      const type = FACT_TYPES[attr.type].valueType(id, attr);
      declare({ kind: 'context', id, type, slot: slot++ }, 'context', this.main);
    }
    for (const { parsed, doc } of sources) {
      for (const [id, fact] of Object.entries(doc.facts ?? {})) {
        if (
          declare({ kind: 'fact', id, type: factType(id, fact), slot, decimals: factDecimals(fact) }, 'facts', parsed)
        ) {
          this.facts[id] = fact;
          slot++;
        }
      }
    }
    for (const { parsed, doc } of sources) {
      for (const [id, p] of Object.entries(doc.parameters ?? {})) {
        if (p.value === undefined) {
          // A table: its value is looked up from the unit's context, like a derived quantity's.
          declare({ kind: 'derived', id, resolve: () => this.parameterTable(id, p, parsed) }, 'parameters', parsed);
          continue;
        }
        if (
          declare(
            { kind: 'parameter', id, type: Number.isInteger(p.value) ? INTEGER : NUMBER, value: p.value },
            'parameters',
            parsed,
          )
        )
          this.constants.set(id, p.value);
      }
      for (const [id, decl] of Object.entries(doc.derived ?? {})) {
        if (declare({ kind: 'derived', id, resolve: () => this.derived(id)?.typed }, 'derived', parsed))
          this.derivedDocs.set(id, { decl, parsed });
      }
      for (const [id, d] of Object.entries(doc.definitions ?? {})) {
        if (declare({ kind: 'definition', id, resolve: () => this.definition(id) }, 'definitions', parsed)) {
          this.definitionDocs.set(id, { condition: d.condition, parsed });
        }
      }
    }
    // `year` and `date`: the assessment's date, for `when:` and conditions (unless the file names something so).
    this.dateReads = seen.has(DATE_NAME) ? [] : [DATE_NAME];
    if (!seen.has(YEAR))
      symbols.push({
        kind: 'derived',
        id: YEAR,
        resolve: () => {
          this.readsDate = true;
          return yearOfDate(this.dateSlot(), this.dateReads);
        },
      });
    if (!seen.has(DATE_NAME))
      symbols.push({
        kind: 'derived',
        id: DATE_NAME,
        resolve: () => {
          this.readsDate = true;
          return dateOfAssessment(this.dateSlot());
        },
      });
    return symbols;
  }

  /** The slot after the context attributes and facts: the assessment's date (compile/slots.ts). */
  private dateSlot(): number {
    return Object.keys(this.doc.context).length + Object.keys(this.facts).length;
  }

  /** A parameter table (compile/parameter-table.ts), checked once, in the file that declares it. */
  private parameterTable(id: string, decl: ParameterDeclaration, parsed: ParsedDocument): Typed {
    const done = this.tables.get(id);
    if (done) return done.typed;
    const attributes = new Map<string, KeyAttribute>();
    Object.entries(this.doc.context).forEach(([name, a], slot) => {
      attributes.set(name, {
        id: name,
        slot,
        values: a.type === 'boolean' ? [true, false] : a.values.map((v) => v.id),
      });
    });
    const table = this.within(parsed, () =>
      compileParameterTable(
        id,
        decl,
        attributes,
        this.dateSlot(),
        (path) => this.rangeOf(path),
        this.checkContext,
        this.dateReads,
      ),
    );
    this.tables.set(id, table);
    if (table.info.dated) this.readsDate = true;
    return table.typed;
  }

  /** A derived quantity, checked once, in the file that declares it; undefined inside a cycle. */
  private derived(id: string): CompiledDerived | undefined {
    const done = this.derivedDone.get(id);
    if (done === 'checking') return undefined;
    if (done) return done;
    const source = this.derivedDocs.get(id);
    if (!source) return undefined;
    this.derivedDone.set(id, 'checking');
    const compiled = this.within(source.parsed, () => {
      const expr = parseScalarExpression(source.decl.value, ['derived', id, 'value'], this.desugar);
      if (!expr) return undefined;
      const where = source.parsed.keyRangeOf(['derived', id]);
      return compileDerived(id, source.decl, expr, source.parsed.source.file, where, this.scope, this.checkContext);
    });
    const result: CompiledDerived = compiled ?? {
      typed: {
        type: ERROR,
        expr: { kind: 'number', value: 0, text: '0', range: [0, 0] },
        reads: [],
        fn: () => undefined,
      },
      info: { id, file: source.parsed.source.file, label: source.decl.label, expression: source.decl.value, reads: [] },
    };
    this.derivedDone.set(id, result);
    this.derivedPlans.push({ info: result.info, fn: result.typed.fn });
    return result;
  }

  /** A named condition, checked once, in the file that declares it; undefined inside a cycle. */
  private definition(id: string): Typed | undefined {
    const done = this.definitions.get(id);
    if (done === 'checking') return undefined;
    if (done) return done;
    const source = this.definitionDocs.get(id);
    if (!source) return undefined;
    this.definitions.set(id, 'checking');
    const typed = this.within(source.parsed, () => {
      const path: YamlPath = ['definitions', id, 'condition'];
      const expr = desugarCondition(source.condition, path, this.desugar);
      if (!expr) return undefined;
      const checked = checkExpression(expr, this.scope, this.checkContext, {});
      if (checked.type.t !== 'boolean' && checked.type.t !== 'error') {
        this.report('expr_type', this.rangeOf(path), {
          expected: 'boolean',
          actual: checked.type.t,
          where: 'condition',
        });
      }
      this.definitionInfos.push({ id, file: source.parsed.source.file, condition: this.conditionInfo(expr, checked) });
      if (checked.type.t === 'boolean') this.definitionExprs.set(id, expr);
      return checked;
    });
    const result: Typed = typed ?? {
      type: ERROR,
      expr: { kind: 'boolean', value: false, range: [0, 0] },
      reads: [],
      fn: () => undefined,
    };
    this.definitions.set(id, result);
    return result;
  }

  private factInfos(): FactInfo[] {
    return Object.entries(this.facts).map(([id, f]) =>
      this.within(this.originOf(id), (): FactInfo => {
        // Built field by field rather than by spreading optional parts: the same object, with
        // its fields in the same order, for a fraction of the allocations (there is one per fact).
        const info: Mutable<FactInfo> = { id, type: f.type, label: f.label };
        if ('help' in f && f.help) info.help = f.help;
        if (f.type === 'integer' || f.type === 'number') {
          if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
            this.report('threshold_range', this.rangeOf(['facts', id, 'max']), {
              value: f.max,
              min: f.min,
              max: Number.MAX_SAFE_INTEGER,
            });
          }
          if (f.min !== undefined) info.min = f.min;
          if (f.max !== undefined) info.max = f.max;
          if (f.decimals !== undefined) info.decimals = f.decimals;
          if (f.part_of !== undefined) info.partOf = f.part_of;
          if (f.unit) info.unit = f.unit;
        } else if (f.type === 'enum' || f.type === 'ordinal') {
          this.uniqueValues(f.values, ['facts', id, 'values']);
          info.values = f.values;
        }
        return info;
      }),
    );
  }

  /** `owners.<id>.groups`: each group exists and has one owner at most. */
  private groupOwners(): Map<string, string> {
    const ids = this.doc.groups.map((g) => g.id);
    const out = new Map<string, string>();
    for (const [owner, o] of Object.entries(this.doc.owners ?? {})) {
      (o.groups ?? []).forEach((group, i) => {
        const path: YamlPath = ['owners', owner, 'groups', i];
        const first = out.get(group);
        if (!ids.includes(group)) {
          this.report('unknown_group', this.rangeOf(path), { id: group, groups: ids.join(', ') });
        } else if (first !== undefined) {
          this.report('owner_conflict', this.rangeOf(path), { kind: 'group', id: group, owner, first });
        } else out.set(group, owner);
      });
    }
    return out;
  }

  /**
   * Each fact's department: the one listing it under `facts:`, else the one owner of the groups
   * whose criteria read it. A fact read by groups of different owners (a total count, say) is the
   * area's own data unless a department lists it, so none answers for another's figure by accident.
   */
  private withOwners(facts: readonly FactInfo[], groups: readonly GroupPlan[]): FactInfo[] {
    const named = new Map<string, string>();
    for (const [owner, o] of Object.entries(this.doc.owners ?? {})) {
      (o.facts ?? []).forEach((fact, i) => {
        const path: YamlPath = ['owners', owner, 'facts', i];
        const first = named.get(fact);
        if (!this.facts[fact]) {
          const suggestion = closest(fact, Object.keys(this.facts));
          this.report('unknown_fact', this.rangeOf(path), {
            name: fact,
            where: `owners.${owner}.facts`,
            ...(suggestion ? { suggestion } : {}),
          });
        } else if (first !== undefined) {
          this.report('owner_conflict', this.rangeOf(path), { kind: 'fact', id: fact, owner, first });
        } else named.set(fact, owner);
      });
    }
    const readers = new Map<string, Set<string | undefined>>();
    for (const g of groups) {
      for (const c of g.info.criteria) {
        const reads = [...(c.condition?.reads ?? []), ...(c.variants ?? []).flatMap((v) => v.condition.reads)];
        for (const id of reads) {
          const set = readers.get(id) ?? new Set<string | undefined>();
          set.add(g.info.owner);
          readers.set(id, set);
        }
      }
    }
    return facts.map((f) => {
      const owners = [...(readers.get(f.id) ?? [])];
      const owner = named.get(f.id) ?? (owners.length === 1 ? owners[0] : undefined);
      return owner !== undefined ? { ...f, owner } : f;
    });
  }

  private contextInfos(): ContextAttributeInfo[] {
    return Object.entries(this.doc.context).map(([id, a]) => {
      if (a.type === 'enum') this.uniqueValues(a.values, ['context', id, 'values']);
      return {
        id,
        type: a.type,
        label: a.label,
        ...(a.type === 'enum' ? { values: a.values } : {}),
        ...(a.required_when !== undefined ? { requiredWhen: a.required_when } : {}),
      };
    });
  }

  private uniqueValues(values: readonly { id: string }[], path: YamlPath): void {
    const seen = new Map<string, YamlPath>();
    for (const [i, v] of values.entries()) this.unique(seen, v.id, [...path, i, 'id'], 'value');
  }

  /** part ≤ whole relations: the whole exists, both are integers, and no chain loops. */
  private checkRelations(): void {
    for (const [id, f] of Object.entries(this.facts)) {
      if (f.type !== 'integer' && f.type !== 'number') continue;
      const whole = f.part_of;
      if (whole === undefined) continue;
      this.within(this.originOf(id), () => this.checkRelation(id, f, whole));
    }
  }

  private checkRelation(id: string, f: RulesetDocument['facts'][string], whole: string): void {
    {
      // Looked up only to report a problem (most relations have none).
      const path: YamlPath = ['facts', id, 'part_of'];
      const target = this.facts[whole];
      if (!target) {
        const suggestion = closest(whole, Object.keys(this.facts));
        this.report('unknown_fact', this.rangeOf(path), {
          name: whole,
          where: `${id}.part_of`,
          ...(suggestion ? { suggestion } : {}),
        });
        return;
      }
      // Counts of counts, or quantities of quantities (km of km): part ≤ whole means the same.
      if (target.type !== f.type || (f.type !== 'integer' && f.type !== 'number')) {
        this.report('relation_invalid', this.rangeOf(path), { fact: id, whole, reason: 'not_counts' });
        return;
      }
      const chain = new Set([id]);
      let next: string | undefined = whole;
      while (next !== undefined) {
        if (chain.has(next)) {
          this.report('relation_invalid', this.rangeOf(path), { fact: id, whole, reason: 'cycle' });
          break;
        }
        chain.add(next);
        const nf: RulesetDocument['facts'][string] | undefined = this.facts[next];
        next = nf && (nf.type === 'integer' || nf.type === 'number') ? nf.part_of : undefined;
      }
    }
  }

  private compileRequiredWhen(): { closures: Map<string, Closure>; trees: Map<string, Expr> } {
    const closures = new Map<string, Closure>();
    const trees = new Map<string, Expr>();
    for (const [id, a] of Object.entries(this.doc.context)) {
      if (a.required_when === undefined) continue;
      const fn = this.selector(a.required_when, ['context', id, 'required_when']);
      if (fn) closures.set(id, fn.fn);
      if (fn?.expr) trees.set(id, fn.expr);
    }
    return { closures, trees };
  }

  private compileContextRules(): ContextRulePlan[] {
    const out: ContextRulePlan[] = [];
    (this.doc.context_rules ?? []).forEach((rule, index) => {
      const when = this.selector(rule.when, ['context_rules', index, 'when']);
      const require = this.selector(rule.require, ['context_rules', index, 'require']);
      if (when && require)
        out.push({
          rule,
          index,
          when: when.fn,
          require: require.fn,
          // The checked trees, for the plan module's generated code (generate/plan-module-code.ts).
          ...(when.expr ? { whenExpr: when.expr } : {}),
          ...(require.expr ? { requireExpr: require.expr } : {}),
        });
    });
    return out;
  }

  private checkMandatory(): Set<string> {
    const ids = new Set<string>();
    const all = this.doc.groups.flatMap((g) => g.criteria.map((c) => c.id));
    (this.doc.recognition.mandatory ?? []).forEach((id, i) => {
      if (!all.includes(id)) {
        const suggestion = closest(id, all);
        this.report('unknown_criterion', this.rangeOf(['recognition', 'mandatory', i]), {
          id,
          ...(suggestion ? { suggestion } : {}),
        });
      }
      ids.add(id);
    });
    return ids;
  }

  // ── criteria ─────────────────────────────────────────────────────────────────────────────

  private criterion(
    doc: CriterionDocument,
    group: string,
    groupIndex: number,
    path: YamlPath,
    mandatory: boolean,
  ): CriterionPlan {
    const applicable =
      doc.applicable_when !== undefined
        ? this.expression(doc.applicable_when, [...path, 'applicable_when'])
        : undefined;
    let condition: CompiledCondition | undefined;
    let variants: VariantPlan[] | undefined;
    if (doc.variants) {
      const seen = new Map<string, YamlPath>();
      variants = doc.variants.map((v, vi) => {
        const vpath = [...path, 'variants', vi];
        this.unique(seen, v.id, [...vpath, 'id'], 'variant');
        const when = this.selector(v.when, [...vpath, 'when']);
        const points = v.points !== undefined ? this.points(v.points, [...vpath, 'points']) : undefined;
        return {
          id: v.id,
          when: when?.fn ?? (() => undefined),
          ...(when?.expr ? { whenExpr: when.expr } : {}),
          whenReads: when?.info.reads ?? [],
          condition: this.condition(v.condition, [...vpath, 'condition']),
          ...(points ? pointsFields(points) : {}),
        };
      });
    } else if (doc.condition !== undefined) {
      condition = this.condition(doc.condition, [...path, 'condition']);
    }
    const points = doc.points !== undefined ? this.points(doc.points, [...path, 'points']) : undefined;
    const fromLevel = this.fromLevel(doc.from_level, [...path, 'from_level']);
    const ruled = points?.rule !== undefined || (variants ?? []).some((v) => v.pointsRule !== undefined);
    const maxPoints = Math.max(points?.max ?? 1, ...(variants ?? []).map((v) => v.points ?? points?.max ?? 1));
    const canBeNotApplicable =
      doc.applicable_when !== undefined || (doc.variants !== undefined && doc.no_variant !== 'fail');
    if (canBeNotApplicable && doc.not_applicable === undefined) {
      this.report('policy_missing', this.rangeOf([...path, 'id']), {
        criterion: doc.id,
        key: 'not_applicable',
        allowed: 'exclude, fail',
      });
    }
    const info: CriterionInfo = {
      id: doc.id,
      group,
      text: doc.text,
      ...(doc.note ? { note: doc.note } : {}),
      ...(condition ? { condition: condition.info } : {}),
      ...(variants && doc.variants
        ? {
            variants: variants.map((v, i): VariantInfo => {
              const vd = doc.variants?.[i];
              return {
                id: v.id,
                when: vd?.when ?? '',
                ...(vd?.label ? { label: vd.label } : {}),
                ...(vd?.text ? { text: vd.text } : {}),
                condition: v.condition.info,
                ...(v.points !== undefined ? { points: v.points } : {}),
                ...(v.pointsInfo ? { pointsRule: v.pointsInfo } : {}),
              };
            }),
            noVariant: doc.no_variant ?? 'not_applicable',
          }
        : {}),
      ...(doc.applicable_when !== undefined ? { applicableWhen: doc.applicable_when } : {}),
      ...(doc.not_applicable ? { notApplicable: doc.not_applicable } : {}),
      points: points?.max ?? 1,
      ...(points?.info ? { pointsRule: points.info } : {}),
      ...(doc.from_level !== undefined ? { fromLevel: doc.from_level } : {}),
      mandatory,
    };
    return {
      info,
      groupIndex,
      ...(applicable ? { applicable } : {}),
      ...(condition ? { condition } : {}),
      ...(variants ? { variants } : {}),
      noVariant: doc.no_variant ?? 'not_applicable',
      notApplicable: doc.not_applicable ?? 'fail',
      points: points?.max ?? 1,
      mandatory,
      ...(points?.rule ? { pointsRule: points.rule } : {}),
      ...(points?.info ? { pointsInfo: points.info } : {}),
      ...(points?.shape ? { pointsShape: points.shape } : {}),
      ...(ruled ? { ruled } : {}),
      ...((variants ?? []).some((v) => v.points !== undefined) ? { maxPoints } : {}),
      ...(fromLevel !== undefined ? { fromLevel } : {}),
    };
  }

  private requirement(doc: RequirementDocument, path: YamlPath, criteriaCount: number): RequirementDocument {
    if ('at_least_percent' in doc && (doc.at_least_percent < 0 || doc.at_least_percent > 100)) {
      this.report('threshold_range', this.rangeOf([...path, 'at_least_percent']), {
        value: doc.at_least_percent,
        min: 0,
        max: 100,
      });
    }
    if ('at_least_count' in doc && doc.at_least_count > criteriaCount) {
      this.report('threshold_range', this.rangeOf([...path, 'at_least_count']), {
        value: doc.at_least_count,
        min: 0,
        max: criteriaCount,
      });
    }
    return doc;
  }

  // ── levels, points and counts (compile/levels.ts, compile/points.ts) ─────────────────────

  /** A `from_level` id as the level's index; reported when it names no level. */
  private fromLevel(id: string | undefined, path: YamlPath): number | undefined {
    if (id === undefined) return undefined;
    const index = this.levelIdList.indexOf(id);
    if (index >= 0) return index;
    const suggestion = closest(id, [...this.levelIdList]);
    this.report('unknown_level', this.rangeOf(path), {
      id,
      levels: this.levelIdList.join(', '),
      ...(suggestion ? { suggestion } : {}),
    });
    return undefined;
  }

  private points(doc: NonNullable<CriterionDocument['points']>, path: YamlPath): CompiledPoints {
    return compilePoints(doc, path, this.pointsCompiler);
  }

  private readonly pointsCompiler: PointsCompiler = {
    parse: (text, path) => parseScalarExpression(text, path, this.desugar),
    numeric: (expr, path) => {
      const before = this.diagnostics.length;
      const typed = checkExpression(expr, this.scope, this.checkContext, {});
      const t = typed.type.t;
      if (!isQuantity(typed.type) && t !== 'error') {
        this.report('expr_type', this.rangeOf(path), { expected: 'number', actual: t, where: 'points.steps.of' });
      }
      return this.diagnostics.length === before ? typed : undefined;
    },
    comparison: (expr, path) => this.checked(expr, path, false),
    condition: (doc, path) => this.condition(doc, path),
    rangeOf: (path) => this.rangeOf(path),
    bandsOrder: (path, value, previous) => this.report('points_bands_order', this.rangeOf(path), { value, previous }),
  };

  private readonly levelReporter: LevelReporter = {
    unknownCriterion: (path, id, known) => {
      const suggestion = closest(id, [...known]);
      this.report('unknown_criterion', this.rangeOf(path), { id, ...(suggestion ? { suggestion } : {}) });
    },
    unknownGroup: (path, id, known) =>
      this.report('unknown_group', this.parsed.keyRangeOf(path) ?? this.rangeOf(path), {
        id,
        groups: known.join(', '),
      }),
    unknownDisqualifier: (path, id, known) => {
      const suggestion = closest(id, [...known]);
      this.report('unknown_disqualifier', this.rangeOf(path), {
        id,
        disqualifiers: known.join(', '),
        ...(suggestion ? { suggestion } : {}),
      });
    },
    mandatoryBelowLevel: (path, criterion, level, fromLevel) =>
      this.report('mandatory_below_level', this.rangeOf(path), { criterion, level, from_level: fromLevel }),
    duplicateLevel: (path, id, firstPath) => {
      const first = this.rangeOf(firstPath);
      this.report('duplicate_id', this.rangeOf(path), {
        kind: 'level',
        id,
        first_line: first ? this.parsed.source.position(first[0]).line : 0,
      });
    },
    requirement: (doc, path, count) => {
      this.requirement(doc, path, count);
    },
  };

  /** The tiers, levels and whether results carry points: only for schemes that use them. */
  private tiered(plan: RulesetPlan): Pick<RulesetPlan, 'tiers' | 'levels' | 'scored'> | undefined {
    const scored = plan.criteria.some((c) => c.ruled === true || c.maxPoints !== undefined);
    const levels = this.doc.levels;
    if (!levels && !this.doc.recognition.requirements && !scored) return undefined;
    const tiers = compileTiers(
      {
        doc: this.doc,
        criteria: plan.criteria.map((c) => ({
          id: c.info.id,
          group: c.info.group,
          ...(c.fromLevel !== undefined ? { fromLevel: c.fromLevel } : {}),
        })),
        groups: plan.groups.map((g) => ({ id: g.info.id, requirement: g.requirement, criteria: g.criteria })),
        disqualifiers: plan.disqualifiers.map((d) => ({
          id: d.info.id,
          ...(d.fromLevel !== undefined ? { fromLevel: d.fromLevel } : {}),
        })),
        mandatory: plan.mandatory,
      },
      this.levelReporter,
    );
    return {
      tiers,
      ...(levels
        ? { levels: levels.map((l) => ({ id: l.id, label: l.label, ...(l.note ? { note: l.note } : {}) })) }
        : {}),
      ...(scored ? { scored } : {}),
    };
  }

  // ── conditions ───────────────────────────────────────────────────────────────────────────

  private condition(doc: ConditionDocument, path: YamlPath): CompiledCondition {
    const expr = desugarCondition(doc, path, this.desugar);
    if (!expr) return brokenCondition();
    return this.checked(expr, path, false);
  }

  private expression(text: string, path: YamlPath): CompiledCondition | undefined {
    const expr = parseScalarExpression(text, path, this.desugar);
    return expr ? this.checked(expr, path, false) : undefined;
  }

  private selector(text: string, path: YamlPath): CompiledCondition | undefined {
    const expr = parseScalarExpression(text, path, this.desugar);
    return expr ? this.checked(expr, path, true) : undefined;
  }

  private checked(
    expr: Parameters<typeof printExpression>[0],
    path: YamlPath,
    contextOnly: boolean,
  ): CompiledCondition {
    const typed = checkExpression(expr, this.scope, this.checkContext, { contextOnly });
    if (typed.type.t !== 'boolean' && typed.type.t !== 'error') {
      this.report('expr_type', this.rangeOf(path), { expected: 'boolean', actual: typed.type.t, where: 'condition' });
    }
    // The checked tree is kept for the code generator (generate/), which inlines what it can.
    return { fn: typed.fn, info: this.conditionInfo(expr, typed), expr };
  }

  /**
   * What tools read about a condition. The thresholds of the named conditions it uses are
   * included, so "4.1: ≥ 1 content registered" is visible even when 4.1 says only
   * `plan_done_well`.
   */
  private conditionInfo(expr: Parameters<typeof printExpression>[0], typed: Typed): ConditionInfo {
    const thresholds = [...extractThresholds(expr, this.parameterValues)];
    for (const name of definitionNames(expr)) {
      const info = this.definitionInfos.find((d) => d.id === name);
      if (info) thresholds.push(...info.condition.thresholds);
    }
    if (this.options.warnings) this.checkThresholdBounds(expr);
    return { expression: printExpression(withNamesRead(expr, this.scope)), thresholds, reads: typed.reads };
  }

  /**
   * The values a parameter may take, for the thresholds that name one (thresholds.ts): a
   * constant's, or a table's cells (compiled before any condition: compileDeclarations).
   */
  private readonly parameterValues = (name: string): readonly number[] | undefined => {
    const constant = this.constants.get(name);
    if (constant !== undefined) return [constant];
    return this.tables.get(name)?.info.cells.map((c) => c.value);
  };

  /**
   * A threshold outside a fact's declared bounds makes the criterion constant: say so where the
   * threshold is written (a definition's own thresholds are checked where it is defined).
   */
  private checkThresholdBounds(expr: Parameters<typeof eachThreshold>[0]): void {
    eachThreshold(expr, (t, constant) => {
      if (t.kind !== 'compare') {
        // A ratio of a declared part to its whole lies from 0 to its scale (a band at 150%, say).
        const ratio = thresholdHooks(t.kind)?.ratio?.(t);
        const part = ratio && this.facts[ratio.part];
        const ofWhole = part && (part.type === 'integer' || part.type === 'number') && part.part_of === ratio.whole;
        if (ratio && ofWhole && typeof t.value === 'number' && (t.value < 0 || t.value > ratio.scale))
          this.report('threshold_range', constant.range, { value: t.value, min: 0, max: ratio.scale }, 'warning');
        return;
      }
      if (typeof t.value !== 'number') return;
      const fact = this.facts[t.fact];
      if (!fact || (fact.type !== 'integer' && fact.type !== 'number')) return;
      if ((fact.min !== undefined && t.value < fact.min) || (fact.max !== undefined && t.value > fact.max)) {
        this.report(
          'threshold_range',
          constant.range,
          { value: t.value, min: fact.min ?? Number.MIN_SAFE_INTEGER, max: fact.max ?? Number.MAX_SAFE_INTEGER },
          'warning',
        );
      }
    });
  }

  private readonly checkContext: CheckContext = {
    report: (code, range, params) => this.report(code, range, params),
  };

  // ── helpers ──────────────────────────────────────────────────────────────────────────────

  /**
   * `seen` keeps the path where each id was first written. Positions are looked up only for a
   * duplicate: most ids are unique, and a lookup is most of what this check would cost.
   */
  private unique(seen: Map<string, YamlPath>, id: string, path: YamlPath, kind: string): void {
    const firstPath = seen.get(id);
    if (firstPath) {
      const first = this.rangeOf(firstPath);
      this.report('duplicate_id', this.rangeOf(path), {
        kind,
        id,
        first_line: first ? this.parsed.source.position(first[0]).line : 0,
      });
      return;
    }
    seen.set(id, path);
  }

  private rangeOf(path: YamlPath): Range | undefined {
    return this.parsed.rangeOf(path);
  }

  /** The document being compiled right now (positions and diagnostics are taken from it). */
  get current(): ParsedDocument {
    return this.parsed;
  }

  report<C extends DiagnosticCode>(
    code: C,
    range: Range | undefined,
    params: DiagnosticParams<C>,
    severity: Severity = 'error',
  ): void {
    this.diagnostics.push(this.parsed.source.diagnostic(code, range, params, { severity }));
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function desugarContext(compiler: RulesetCompiler): DesugarContext {
  return {
    get parsed() {
      return compiler.current;
    },
    limits: compiler.options,
    reportParseError(e) {
      if (e.code === 'expr_syntax') compiler.report('expr_syntax', e.range, { expected: e.expected, found: e.found });
      else if (e.code === 'expr_number_inexact')
        compiler.report('expr_number_inexact', e.range, { value: e.value, max: e.max });
      else compiler.report('expr_limit', e.range, { limit: e.limit, value: e.value, max: e.max });
    },
    reportThreshold(range, params) {
      compiler.report('threshold_range', range, params);
    },
  };
}

/** A fact's type in the condition language, from the fact-type registry (compile/fact-types/). */
function factType(id: string, fact: RulesetDocument['facts'][string]): ValueType {
  return FACT_TYPES[fact.type].valueType(id, fact);
}

/** A variant's own points in its plan. */
function pointsFields(points: CompiledPoints): {
  points: number;
  pointsRule?: NonNullable<VariantPlan['pointsRule']>;
  pointsInfo?: NonNullable<VariantPlan['pointsInfo']>;
  pointsShape?: NonNullable<VariantPlan['pointsShape']>;
} {
  return {
    points: points.max,
    ...(points.rule ? { pointsRule: points.rule } : {}),
    ...(points.info ? { pointsInfo: points.info } : {}),
    ...(points.shape ? { pointsShape: points.shape } : {}),
  };
}

/** The decimals a fact's values may have: 0 for integers, `decimals:` for numbers, else unbounded. */
function factDecimals(fact: RulesetDocument['facts'][string]): number | undefined {
  return FACT_TYPES[fact.type].decimals(fact);
}

function brokenCondition(): CompiledCondition {
  return { fn: () => undefined, info: { expression: '', thresholds: [], reads: [] } };
}

/** The names in an expression that refer to definitions (checked against the scope by the caller). */
function definitionNames(expr: Expr, out: string[] = []): string[] {
  switch (expr.kind) {
    case 'name':
      out.push(expr.name);
      break;
    case 'call':
      for (const arg of expr.args) definitionNames(arg, out);
      break;
    case 'not':
    case 'negate':
      definitionNames(expr.operand, out);
      break;
    case 'logical':
      for (const operand of expr.operands) definitionNames(operand, out);
      break;
    case 'arithmetic':
    case 'compare':
      definitionNames(expr.left, out);
      definitionNames(expr.right, out);
      break;
    case 'in':
      definitionNames(expr.value, out);
      for (const item of expr.list) definitionNames(item, out);
      break;
    default:
      break;
  }
  return out;
}

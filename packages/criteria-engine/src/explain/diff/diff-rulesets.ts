/**
 * The semantic diff of two compiled rulesets: what a policy officer needs to know when the
 * criteria change. Criteria and disqualifiers are matched by id; one whose id changed while its
 * Vietnamese text did not is "renumbered" (and then compared like any matched pair). Conditions
 * are compared through their compiled form, so a threshold moved in a structured condition or in
 * an expression string is reported the same way.
 */
import { cellKey } from '../../compile/parameter-table.js';
import type {
  CompiledRuleset,
  ConditionInfo,
  ContextAttributeInfo,
  CriterionInfo,
  DisqualifierInfo,
  FactInfo,
  VariantInfo,
} from '../../compile/compiled-ruleset.js';
import type { Requirement } from '../../evaluate/result.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import { requiredCount } from '../../evaluate/requirement.js';
import { compareConditions, thresholdValue } from './compare-conditions.js';
import type {
  CriterionChange,
  DeclarationDiff,
  FieldChange,
  FieldValue,
  GroupChange,
  GroupDiff,
  ItemChanges,
  ItemDiff,
  ItemRef,
  NamedRef,
  RecognitionChange,
  RulesetDiff,
  RulesetRef,
  VariantChange,
  VariantRef,
} from './ruleset-diff.js';
import { normaliseText, optionalTextChange, textChange } from './word-diff.js';
import { countRequirementChanges, diffLevels } from './levels-diff.js';
import { pointsParts, pointsSpec } from './points-diff.js';
import type { DerivedInfo } from '../../compile/derived.js';
import { declaredParameters } from '../declared-parameters.js';

/** The parts of a compiled ruleset the diff reads. */
export type DiffRuleset = Pick<
  CompiledRuleset,
  | 'id'
  | 'version'
  | 'hash'
  | 'title'
  | 'effective'
  | 'document'
  | 'context'
  | 'facts'
  | 'groups'
  | 'criteria'
  | 'disqualifiers'
  | 'mandatory'
  | 'totalRequirement'
> &
  // Absent in a description made before rule files declared derived quantities: none.
  Partial<Pick<CompiledRuleset, 'derived' | 'parameterTables' | 'parameters'>>;

export function diffRulesets(before: DiffRuleset, after: DiffRuleset): RulesetDiff {
  const diff: Omit<RulesetDiff, 'identical'> = {
    before: rulesetRef(before),
    after: rulesetRef(after),
    ruleset: rulesetFields(before, after),
    context: declarations(before.context, after.context, contextFields),
    context_rules: contextRules(before, after),
    facts: declarations(before.facts, after.facts, factFields),
    parameters: declarations(parameterInfos(before), parameterInfos(after), parameterFields),
    groups: groups(before, after),
    criteria: items(before.criteria, after.criteria, {
      before: (c) => criterionPart(c).fromLevel ?? null,
      after: (c) => criterionPart(c).fromLevel ?? null,
    }),
    disqualifiers: items(before.disqualifiers, after.disqualifiers, {
      before: disqualifierLevel(before),
      after: disqualifierLevel(after),
    }),
    recognition: recognition(before, after),
    levels: diffLevels(before.document.levels ?? [], after.document.levels ?? []),
    derived: declarations(derivedInfos(before), derivedInfos(after), derivedFields),
  };
  return { ...diff, identical: isEmpty(diff) };
}

function rulesetRef(r: DiffRuleset): RulesetRef {
  return { id: r.id, version: r.version, hash: r.hash, title: r.title, effective: r.effective ?? null };
}

function isEmpty(d: Omit<RulesetDiff, 'identical'>): boolean {
  const none = (x: { added: readonly unknown[]; removed: readonly unknown[] }) =>
    x.added.length === 0 && x.removed.length === 0;
  return (
    d.ruleset.length === 0 &&
    none(d.context) &&
    d.context.changed.length === 0 &&
    none(d.context_rules) &&
    none(d.facts) &&
    d.facts.changed.length === 0 &&
    none(d.parameters) &&
    d.parameters.changed.length === 0 &&
    none(d.groups) &&
    d.groups.changed.length === 0 &&
    none(d.criteria) &&
    d.criteria.renumbered.length === 0 &&
    d.criteria.changed.length === 0 &&
    none(d.disqualifiers) &&
    d.disqualifiers.renumbered.length === 0 &&
    d.disqualifiers.changed.length === 0 &&
    d.recognition.length === 0 &&
    none(d.levels) &&
    d.levels.order === null &&
    d.levels.changed.length === 0 &&
    none(d.derived) &&
    d.derived.changed.length === 0
  );
}

// ── the ruleset as a whole ──────────────────────────────────────────────────────────────────

function rulesetFields(a: DiffRuleset, b: DiffRuleset): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'id', a.id, b.id);
  field(out, 'version', a.version, b.version);
  textField(out, 'title', a.title, b.title);
  field(out, 'effective_from', a.effective?.from ?? null, b.effective?.from ?? null);
  field(out, 'effective_to', a.effective?.to ?? null, b.effective?.to ?? null);
  textField(out, 'source_document', a.document.source?.document, b.document.source?.document);
  textField(out, 'source_table', a.document.source?.table, b.document.source?.table);
  field(out, 'source_url', a.document.source?.url ?? null, b.document.source?.url ?? null);
  return out;
}

function field(out: FieldChange[], name: string, before: FieldValue, after: FieldValue): void {
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ field: name, before, after });
}

function textField(
  out: FieldChange[],
  name: string,
  before: LocalizedText | undefined,
  after: LocalizedText | undefined,
): void {
  if (optionalTextChange(before, after) !== undefined)
    out.push({ field: name, before: before ?? null, after: after ?? null });
}

// ── facts, context attributes, parameters ───────────────────────────────────────────────────

interface Named {
  readonly id: string;
  readonly type: string;
  readonly label: LocalizedText;
}

function declarations<T extends Named>(
  before: readonly T[],
  after: readonly T[],
  fields: (a: T, b: T) => FieldChange[],
): DeclarationDiff {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const ref = (x: T): NamedRef => {
    const value = (x as { readonly value?: unknown }).value;
    return { id: x.id, type: x.type, label: x.label, ...(typeof value === 'number' ? { value } : {}) };
  };
  return {
    added: after.filter((x) => !old.has(x.id)).map(ref),
    removed: before.filter((x) => !now.has(x.id)).map(ref),
    changed: after.flatMap((b) => {
      const a = old.get(b.id);
      if (a === undefined) return [];
      const changes = fields(a, b);
      return changes.length > 0 ? [{ id: b.id, changes }] : [];
    }),
  };
}

function factFields(a: FactInfo, b: FactInfo): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'type', a.type, b.type);
  field(out, 'min', a.min ?? null, b.min ?? null);
  field(out, 'max', a.max ?? null, b.max ?? null);
  field(out, 'part_of', a.partOf ?? null, b.partOf ?? null);
  field(out, 'values', valueIds(a.values), valueIds(b.values));
  textField(out, 'unit', a.unit, b.unit);
  textField(out, 'label', a.label, b.label);
  textField(out, 'help', a.help, b.help);
  return out;
}

function contextFields(a: ContextAttributeInfo, b: ContextAttributeInfo): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'type', a.type, b.type);
  field(out, 'values', valueIds(a.values), valueIds(b.values));
  field(out, 'required_when', a.requiredWhen ?? null, b.requiredWhen ?? null);
  textField(out, 'label', a.label, b.label);
  return out;
}

function valueIds(values: FactInfo['values']): readonly string[] | null {
  return values === undefined ? null : values.map((v) => v.id);
}

interface ParameterInfo extends Named {
  readonly value: number;
}

/**
 * A constant is one entry; a table is one entry per row (`income_min[region=x, from=2024-01-01]`),
 * so the diff lists the cells, and each dated value of a cell, that changed. Tables are read from
 * the compiled ruleset, which holds those of its included fragments too (`document` is the rule
 * file alone: a table shared through `include:` would never show as changed).
 */
function parameterInfos(r: DiffRuleset): ParameterInfo[] {
  const declared = Object.entries(declaredParameters(r));
  const labelOf = (id: string, label: LocalizedText | undefined) => label ?? { vi: id, en: id };
  const constants = declared.flatMap(([id, p]) =>
    p.value !== undefined ? [{ id, type: 'number', value: p.value, label: labelOf(id, p.label) }] : [],
  );
  const cellId = (id: string, by: readonly string[], row: Readonly<Record<string, unknown>>) =>
    `${id}[${cellKey([...by, ...(row['from'] !== undefined ? ['from'] : [])], row)}]`;
  if (r.parameterTables === undefined)
    return [
      ...constants,
      ...declared.flatMap(([id, p]) =>
        (p.values ?? []).map((row) => ({
          id: cellId(id, p.by ?? [], row),
          type: 'number',
          value: row.value,
          label: labelOf(id, p.label),
        })),
      ),
    ];
  return [
    ...constants,
    ...r.parameterTables.flatMap((t) =>
      t.cells.map((c) => ({
        id: cellId(t.id, t.by, c.from !== undefined ? { ...c.key, from: c.from } : c.key),
        type: 'number',
        value: c.value,
        label: labelOf(t.id, t.label),
      })),
    ),
  ];
}

function parameterFields(a: ParameterInfo, b: ParameterInfo): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'value', a.value, b.value);
  textField(out, 'label', a.label, b.label);
  return out;
}

interface DerivedEntry extends Named {
  readonly info: DerivedInfo;
}

function derivedInfos(r: DiffRuleset): DerivedEntry[] {
  return (r.derived ?? []).map((d) => ({ id: d.id, type: 'derived', label: d.label, info: d }));
}

function derivedFields(a: DerivedEntry, b: DerivedEntry): FieldChange[] {
  const out: FieldChange[] = [];
  field(out, 'value', a.info.expression, b.info.expression);
  field(out, 'if_zero', a.info.ifZero ?? null, b.info.ifZero ?? null);
  field(out, 'decimals', a.info.decimals ?? null, b.info.decimals ?? null);
  textField(out, 'unit', a.info.unit, b.info.unit);
  textField(out, 'label', a.label, b.label);
  return out;
}

function contextRules(a: DiffRuleset, b: DiffRuleset): RulesetDiff['context_rules'] {
  const key = (r: { when: string; require: string }) => `${r.when}\u0000${r.require}`;
  const rules = (r: DiffRuleset) => (r.document.context_rules ?? []).map((x) => ({ when: x.when, require: x.require }));
  const old = new Set(rules(a).map(key));
  const now = new Set(rules(b).map(key));
  return { added: rules(b).filter((r) => !old.has(key(r))), removed: rules(a).filter((r) => !now.has(key(r))) };
}

// ── groups and the recognition rule ─────────────────────────────────────────────────────────

function groups(a: DiffRuleset, b: DiffRuleset): GroupDiff {
  const old = new Map(a.groups.map((g) => [g.id, g]));
  const now = new Map(b.groups.map((g) => [g.id, g]));
  const declared = (r: DiffRuleset, id: string) =>
    r.document.groups.find((g) => g.id === id)?.requirement !== undefined;
  return {
    added: b.groups.filter((g) => !old.has(g.id)).map((g) => ({ id: g.id, title: g.title })),
    removed: a.groups.filter((g) => !now.has(g.id)).map((g) => ({ id: g.id, title: g.title })),
    changed: b.groups.flatMap((g) => {
      const before = old.get(g.id);
      if (before === undefined) return [];
      const changes: GroupChange[] = [];
      const title = textChange(before.title, g.title);
      if (title !== undefined) changes.push({ kind: 'title', change: title });
      // The count a policy officer checks first: criteria in the standard, and how many must pass.
      const size = (x: typeof g) => ({
        criteria: x.criteria.length,
        required: 'at_least_points' in x.requirement ? null : requiredCount(x.requirement, x.criteria.length),
      });
      const [sa, sb] = [size(before), size(g)];
      if (sa.criteria !== sb.criteria || sa.required !== sb.required)
        changes.push({ kind: 'size', before: sa, after: sb });
      // A change of the default requirement is reported once, under the recognition rule; a group
      // is listed only when it declares its own requirement in either version.
      if (!sameRequirement(before.requirement, g.requirement) && (declared(a, g.id) || declared(b, g.id))) {
        changes.push({ kind: 'requirement', before: before.requirement, after: g.requirement });
      }
      return changes.length > 0 ? [{ id: g.id, changes }] : [];
    }),
  };
}

function sameRequirement(a: Requirement | undefined, b: Requirement | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function recognition(a: DiffRuleset, b: DiffRuleset): RecognitionChange[] {
  const out: RecognitionChange[] = [];
  const ra = a.document.recognition;
  const rb = b.document.recognition;
  if (!sameRequirement(ra.group_requirement, rb.group_requirement)) {
    out.push({ kind: 'group_requirement', before: ra.group_requirement, after: rb.group_requirement });
  }
  for (const id of b.mandatory) if (!a.mandatory.includes(id)) out.push({ kind: 'mandatory_added', id });
  for (const id of a.mandatory) if (!b.mandatory.includes(id)) out.push({ kind: 'mandatory_removed', id });
  if (!sameRequirement(a.totalRequirement, b.totalRequirement)) {
    out.push({ kind: 'total_requirement', before: a.totalRequirement ?? null, after: b.totalRequirement ?? null });
  }
  if ((ra.disqualifiers ?? null) !== (rb.disqualifiers ?? null)) {
    out.push({ kind: 'disqualifiers', before: ra.disqualifiers ?? null, after: rb.disqualifiers ?? null });
  }
  const note = optionalTextChange(ra.note, rb.note);
  if (note !== undefined) out.push({ kind: 'note', change: note });
  out.push(...countRequirementChanges(ra.requirements ?? [], rb.requirements ?? []));
  return out;
}

// ── criteria and disqualifiers ──────────────────────────────────────────────────────────────

/** What criteria and disqualifiers have in common; `group` and the variant fields are criteria only. */
type Item = (CriterionInfo | DisqualifierInfo) & Partial<Pick<CriterionInfo, 'group'>>;

/** What only criteria have (variants, applicability, points), absent for a disqualifier. */
function criterionPart(item: Item): Partial<CriterionInfo> {
  return item;
}

/** The level from which an item counts: a criterion's from its info, a disqualifier's from the document. */
type FromLevel = (item: Item) => string | null;

function items(
  before: readonly Item[],
  after: readonly Item[],
  fromLevel: { readonly before: FromLevel; readonly after: FromLevel },
): ItemDiff {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const gone = before.filter((x) => !now.has(x.id));
  const added = after.filter((x) => !old.has(x.id));

  // Renumbered: an id that disappeared and one that appeared with the same Vietnamese text.
  const renumbered = new Map<string, Item>(); // new id → old item
  const claimed = new Set<string>();
  for (const b of added) {
    const a = gone.find((x) => !claimed.has(x.id) && normaliseText(x.text.vi) === normaliseText(b.text.vi));
    if (a !== undefined) {
      claimed.add(a.id);
      renumbered.set(b.id, a);
    }
  }

  const changed: ItemChanges[] = [];
  for (const b of after) {
    const a = old.get(b.id) ?? renumbered.get(b.id);
    if (a === undefined) continue;
    const changes = itemChanges(a, b);
    const [la, lb] = [fromLevel.before(a), fromLevel.after(b)];
    if (la !== lb) changes.push({ kind: 'from_level', before: la, after: lb });
    const moved = a.id !== b.id;
    if (changes.length > 0 || moved) changed.push({ id: b.id, ...(moved ? { before_id: a.id } : {}), changes });
  }
  const ref = (x: Item): ItemRef => ({ id: x.id, text: x.text, ...(x.group !== undefined ? { group: x.group } : {}) });
  return {
    added: added.filter((x) => !renumbered.has(x.id)).map(ref),
    removed: gone.filter((x) => !claimed.has(x.id)).map(ref),
    renumbered: [...renumbered].map(([to, from]) => ({ before: from.id, after: to })),
    changed,
  };
}

function itemChanges(a: Item, b: Item): CriterionChange[] {
  const out: CriterionChange[] = [];
  const text = textChange(a.text, b.text);
  if (text !== undefined) out.push({ kind: 'text', change: text });
  const note = optionalTextChange(a.note, b.note);
  if (note !== undefined) out.push({ kind: 'note', change: note });
  if (a.group !== undefined && b.group !== undefined && a.group !== b.group)
    out.push({ kind: 'group', before: a.group, after: b.group });
  conditionChanges(out, a, b);
  const ca = criterionPart(a);
  const cb = criterionPart(b);
  if ((ca.applicableWhen ?? null) !== (cb.applicableWhen ?? null)) {
    out.push({ kind: 'applicable_when', before: ca.applicableWhen ?? null, after: cb.applicableWhen ?? null });
  }
  if ((ca.noVariant ?? null) !== (cb.noVariant ?? null))
    out.push({ kind: 'no_variant', before: ca.noVariant ?? null, after: cb.noVariant ?? null });
  if ((ca.notApplicable ?? null) !== (cb.notApplicable ?? null)) {
    out.push({ kind: 'not_applicable', before: ca.notApplicable ?? null, after: cb.notApplicable ?? null });
  }
  if (ca.points !== undefined && cb.points !== undefined) {
    const [pa, pb] = [pointsSpec(ca.points, ca.pointsRule), pointsSpec(cb.points, cb.pointsRule)];
    const parts = pointsParts(pa, pb);
    // Fixed → fixed keeps the shape `points` has always had in the JSON.
    if (pa.kind === 'fixed' && pb.kind === 'fixed') {
      if (parts.length > 0) out.push({ kind: 'points', before: pa.points, after: pb.points });
    } else if (parts.length > 0) out.push({ kind: 'points_rule', before: pa, after: pb, parts });
  }
  return out;
}

function conditionChanges(out: CriterionChange[], a: Item, b: Item): void {
  const va = criterionPart(a).variants;
  const vb = criterionPart(b).variants;
  const conditionA: ConditionInfo | undefined = a.condition;
  const conditionB: ConditionInfo | undefined = b.condition;
  if (conditionA !== undefined && conditionB !== undefined) {
    const change = compareConditions(conditionA, conditionB);
    if (change !== undefined) out.push({ kind: 'condition', change });
  } else if (conditionA !== undefined || conditionB !== undefined) {
    out.push({ kind: 'form', before: conditionA?.expression ?? null, after: conditionB?.expression ?? null });
  }
  variantChanges(out, va ?? [], vb ?? []);
}

/** A variant's own points (null: it earns its criterion's), when they changed. */
function variantPoints(a: VariantInfo, b: VariantInfo): VariantChange | undefined {
  const spec = (v: VariantInfo) => (v.points === undefined ? null : pointsSpec(v.points, v.pointsRule));
  const [pa, pb] = [spec(a), spec(b)];
  if (JSON.stringify(pa) === JSON.stringify(pb)) return undefined;
  const parts = pa !== null && pb !== null ? pointsParts(pa, pb) : [];
  return { kind: 'points', before: pa, after: pb, parts };
}

function disqualifierLevel(r: DiffRuleset): FromLevel {
  const levels = new Map((r.document.disqualifiers ?? []).map((d) => [d.id, d.from_level ?? null]));
  return (item) => levels.get(item.id) ?? null;
}

function variantChanges(out: CriterionChange[], before: readonly VariantInfo[], after: readonly VariantInfo[]): void {
  const old = new Map(before.map((v) => [v.id, v]));
  const now = new Map(after.map((v) => [v.id, v]));
  const ref = (v: VariantInfo): VariantRef => ({
    id: v.id,
    when: v.when,
    ...(v.label !== undefined ? { label: v.label } : {}),
    condition: v.condition.expression,
    thresholds: v.condition.thresholds.map(thresholdValue),
  });
  for (const v of after) if (!old.has(v.id)) out.push({ kind: 'variant_added', variant: ref(v) });
  for (const v of before) if (!now.has(v.id)) out.push({ kind: 'variant_removed', variant: ref(v) });
  for (const b of after) {
    const a = old.get(b.id);
    if (a === undefined) continue;
    const changes: VariantChange[] = [];
    if (a.when !== b.when) changes.push({ kind: 'when', before: a.when, after: b.when });
    const condition = compareConditions(a.condition, b.condition);
    if (condition !== undefined) changes.push({ kind: 'condition', change: condition });
    const text = optionalTextChange(a.text, b.text);
    if (text !== undefined) changes.push({ kind: 'text', change: text });
    const label = optionalTextChange(a.label, b.label);
    if (label !== undefined) changes.push({ kind: 'label', change: label });
    const points = variantPoints(a, b);
    if (points !== undefined) changes.push(points);
    if (changes.length > 0) out.push({ kind: 'variant_changed', id: b.id, changes });
  }
  const common = (list: readonly VariantInfo[], other: ReadonlyMap<string, VariantInfo>) =>
    list.filter((v) => other.has(v.id)).map((v) => v.id);
  const orderA = common(before, now);
  const orderB = common(after, old);
  if (orderA.join('\u0000') !== orderB.join('\u0000'))
    out.push({ kind: 'variant_order', before: orderA, after: orderB });
}

/**
 * The shape of the form, derived once per ruleset: the context questions first, then one
 * section per standard (group) holding the facts its criteria read, then the facts only the
 * disqualifiers read, then any fact nothing reads (still declared, so still enterable).
 * Which fields are visible for a given context is `deriveApplicability`'s job.
 */
import type { CompiledRuleset, FactInfo, LocalizedText } from '@lcz/criteria-engine';
import { deriveApplicability } from './applicability.js';

export type SectionKind = 'group' | 'disqualifiers' | 'other';

export interface FormSection {
  /** The group id for standards; `disqualifiers` or `other` otherwise. */
  readonly id: string;
  readonly kind: SectionKind;
  /** The group's title; the UI words for the other kinds. */
  readonly title?: LocalizedText;
  /** In declaration order, so a whole comes before its parts as rule authors write them. */
  readonly facts: readonly FactInfo[];
}

export interface FormModel {
  readonly sections: readonly FormSection[];
}

/**
 * A fact belongs to the first standard one of whose criteria reads it in any possible context
 * (a fact read by 1.3 and D4 sits in standard 1); one read only by disqualifiers goes to their
 * section.
 */
export function buildFormModel(ruleset: CompiledRuleset): FormModel {
  const everywhere = deriveApplicability(ruleset, {});
  const groupOf = new Map(ruleset.criteria.map((c) => [c.id, c.group]));
  const disqualifiers = new Set(ruleset.disqualifiers.map((d) => d.id));
  const home = new Map<string, string>();
  for (const fact of ruleset.facts) {
    const readers = everywhere.readers.get(fact.id) ?? [];
    const group = readers.map((id) => groupOf.get(id)).find((g) => g !== undefined);
    home.set(fact.id, group ?? (readers.some((id) => disqualifiers.has(id)) ? 'disqualifiers' : 'other'));
  }
  // A whole nothing reads lives with its first part, so the two are entered side by side.
  for (const fact of ruleset.facts) {
    if (fact.partOf !== undefined && home.get(fact.partOf) === 'other')
      home.set(fact.partOf, home.get(fact.id) ?? 'other');
  }
  const inSection = (id: string) => ruleset.facts.filter((f) => home.get(f.id) === id);
  const sections: FormSection[] = ruleset.groups.map((g) => ({
    id: g.id,
    kind: 'group',
    title: g.title,
    facts: inSection(g.id),
  }));
  sections.push({ id: 'disqualifiers', kind: 'disqualifiers', facts: inSection('disqualifiers') });
  sections.push({ id: 'other', kind: 'other', facts: inSection('other') });
  return { sections: sections.filter((s) => s.facts.length > 0) };
}

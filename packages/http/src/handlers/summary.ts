/**
 * How a ruleset is described to clients: the list entry (id, version, hash, title, effective
 * period, counts, links) and the detail (plus the engine's read-only infos: context, facts with
 * labels and bounds, standards and criteria, disqualifiers), from which a form can be built.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { derivedOf, levelsOf } from './derived-values.js';

function rulesetLinks(ruleset: CompiledRuleset, basePath: string) {
  const self = `${basePath}/rulesets/${encodeURIComponent(ruleset.id)}`;
  const version = `?version=${encodeURIComponent(ruleset.version)}`;
  return { self: `${self}${version}`, schema: `${self}/schema${version}` };
}

/** Without `basePath` (a ruleset that is not served, e.g. an uploaded one) there are no links. */
export function rulesetSummary(ruleset: CompiledRuleset, basePath?: string) {
  return {
    id: ruleset.id,
    version: ruleset.version,
    hash: ruleset.hash,
    title: ruleset.title,
    effective: ruleset.effective ?? null,
    counts: {
      standards: ruleset.groups.length,
      criteria: ruleset.criteria.length,
      disqualifiers: ruleset.disqualifiers.length,
      facts: ruleset.facts.length,
    },
    ...(basePath !== undefined ? { links: rulesetLinks(ruleset, basePath) } : {}),
  };
}

export function rulesetDetail(ruleset: CompiledRuleset, basePath: string) {
  return {
    ...rulesetSummary(ruleset, basePath),
    source: ruleset.document.source,
    context: ruleset.context,
    facts: ruleset.facts,
    groups: ruleset.groups,
    disqualifiers: ruleset.disqualifiers,
    mandatory: ruleset.mandatory,
    levels: levelsOf(ruleset),
    derived: derivedOf(ruleset),
  };
}

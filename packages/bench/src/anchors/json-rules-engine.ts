/**
 * json-rules-engine: one rule per criterion (event = its id), one per criterion's applicability,
 * one per disqualifier; percentages through custom operators (`part` fact compared with a
 * `{fact: whole}` value, in integers). The engine says which rules hold; counting per standard
 * is JavaScript glue, because json-rules-engine has no way to count satisfied rules.
 *
 * `run()` is asynchronous and takes a flat fact map, so each assessment's context and facts are
 * merged into one object (names do not clash) and runs are awaited one by one.
 *
 * Two-valued: with `allowUndefinedFacts` a missing fact is undefined and every operator on it is
 * false, so unknown collapses into "fails"; only complete assessments are evaluated.
 */
import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import { LAI_CHAU_RULES, type Anchor, type AnchorRules, type Cond } from '../../schemes/lai-chau/anchor-rules.js';

const opName = (atLeast: number, ifWholeZero: boolean) =>
  `percentAtLeast${atLeast}${ifWholeZero ? 'EmptyPasses' : 'EmptyFails'}`;

export function toJre(c: Cond): NestedCondition {
  switch (c.kind) {
    case 'is':
      return { fact: c.fact, operator: 'equal', value: c.value };
    case 'atLeast':
      return { fact: c.fact, operator: 'greaterThanInclusive', value: c.value };
    case 'equals':
      return { fact: c.fact, operator: 'equal', value: c.value };
    case 'oneOf':
      return { fact: c.fact, operator: 'in', value: [...c.values] };
    case 'percent':
      return { fact: c.part, operator: opName(c.atLeast, c.ifWholeZero), value: { fact: c.whole } };
    case 'all':
      return { all: c.of.map(toJre) };
    case 'any':
      return { any: c.of.map(toJre) };
    case 'context':
      return { fact: c.attribute, operator: 'equal', value: c.value };
  }
}

/** A rule's conditions: an all/any as toJre writes it, anything else wrapped in an all. */
const top = (c: Cond): RuleProperties['conditions'] =>
  c.kind === 'all' ? { all: c.of.map(toJre) } : c.kind === 'any' ? { any: c.of.map(toJre) } : { all: [toJre(c)] };

export function jreRules(rules: AnchorRules): RuleProperties[] {
  const out: RuleProperties[] = [];
  for (const c of rules.criteria) {
    out.push({ name: c.id, conditions: top(c.condition), event: { type: `pass:${c.id}` } });
    if (c.applicable)
      out.push({ name: `${c.id}?`, conditions: top(c.applicable), event: { type: `applicable:${c.id}` } });
  }
  for (const d of rules.disqualifiers)
    out.push({ name: d.id, conditions: top(d.condition), event: { type: `applies:${d.id}` } });
  return out;
}

function percentOperators(rules: AnchorRules): Map<string, (part: number, whole: number) => boolean> {
  const ops = new Map<string, (part: number, whole: number) => boolean>();
  const visit = (c: Cond): void => {
    if (c.kind === 'percent') {
      const { atLeast, ifWholeZero } = c;
      ops.set(opName(atLeast, ifWholeZero), (part, whole) =>
        whole === 0 ? ifWholeZero : part * 100 >= atLeast * whole,
      );
    } else if (c.kind === 'all' || c.kind === 'any') c.of.forEach(visit);
  };
  for (const c of rules.criteria) visit(c.condition);
  for (const d of rules.disqualifiers) visit(d.condition);
  return ops;
}

export function jreAnchor(rules: AnchorRules = LAI_CHAU_RULES): Anchor {
  const written = jreRules(rules);
  const text = JSON.stringify(written);
  // A copy of its own, as if read back from the file it is written to: nothing shared with the builder.
  const engine = new Engine(structuredClone(written), { allowUndefinedFacts: true });
  for (const [name, fn] of percentOperators(rules)) engine.addOperator<number, number>(name, fn);
  const groups = rules.criteria.map((c) => c.group);
  const ids = rules.criteria.map((c) => c.id);
  const conditional = rules.criteria.map((c) => c.applicable !== undefined);
  const mandatory = rules.mandatory;
  return {
    name: 'json-rules-engine',
    library: 'json-rules-engine 7.3.1',
    threeValued: 'complete only: an undefined fact makes every operator false (unknown becomes fail)',
    encoding: { file: 'json-rules-engine.json', text },
    decideAsync: async (a) => {
      const { events } = await engine.run({ ...a.context, ...a.facts });
      const hold = new Set(events.map((e) => e.type));
      for (const e of hold) if (e.startsWith('applies:')) return 'not_recognised';
      for (const id of mandatory) if (!hold.has(`pass:${id}`)) return 'not_recognised';
      const passed = new Array<number>(rules.groups).fill(0);
      const applicable = new Array<number>(rules.groups).fill(0);
      for (let i = 0; i < ids.length; i++) {
        const g = groups[i] ?? 0;
        if (conditional[i] && !hold.has(`applicable:${ids[i]}`)) continue;
        applicable[g] = (applicable[g] ?? 0) + 1;
        if (hold.has(`pass:${ids[i]}`)) passed[g] = (passed[g] ?? 0) + 1;
      }
      for (let g = 0; g < rules.groups; g++) {
        if ((passed[g] ?? 0) * 100 < rules.atLeastPercent * (applicable[g] ?? 0)) return 'not_recognised';
      }
      return 'recognised';
    },
  };
}

/**
 * json-logic-js: the whole decision as ONE json-logic rule (data, no code). Facts are read with
 * `{"var": "facts.x"}` from the very assessment object the engine gets.
 *
 * Two-valued: `var` gives null for a missing fact and the operators coerce it (null >= 1 is
 * false, `!null` is true), so unknown cannot be kept apart from false without wrapping every
 * comparison in explicit null tests; only complete assessments are evaluated.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { LAI_CHAU_RULES, type Anchor, type AnchorRules, type Cond } from '../../schemes/lai-chau/anchor-rules.js';

type Logic = RulesLogic;

const fact = (name: string): Logic => ({ var: `facts.${name}` });

export function toJsonLogic(c: Cond): Logic {
  switch (c.kind) {
    case 'is':
      return { '===': [fact(c.fact), c.value] };
    case 'atLeast':
      return { '>=': [fact(c.fact), c.value] };
    case 'equals':
      return { '===': [fact(c.fact), c.value] };
    case 'oneOf':
      return { in: [fact(c.fact), [...c.values]] };
    case 'percent':
      return {
        if: [
          { '===': [fact(c.whole), 0] },
          c.ifWholeZero,
          { '>=': [{ '*': [fact(c.part), 100] }, { '*': [c.atLeast, fact(c.whole)] }] },
        ],
      };
    case 'all':
      return { and: c.of.map(toJsonLogic) };
    case 'any':
      return { or: c.of.map(toJsonLogic) };
    case 'context':
      return { '===': [{ var: `context.${c.attribute}` }, c.value] };
  }
}

/** recognised ⇔ no disqualifier ∧ every mandatory criterion ∧ every standard ≥ P% of its applicable criteria. */
export function decisionLogic(rules: AnchorRules): Logic {
  const parts: Logic[] = [];
  for (const d of rules.disqualifiers) parts.push({ '!': [toJsonLogic(d.condition)] });
  for (const id of rules.mandatory) {
    const c = rules.criteria.find((x) => x.id === id);
    if (c) parts.push(toJsonLogic(c.condition));
  }
  for (let g = 0; g < rules.groups; g++) {
    const criteria = rules.criteria.filter((c) => c.group === g);
    const passed = criteria.map((c): Logic => {
      const cond = c.applicable
        ? { and: [toJsonLogic(c.applicable), toJsonLogic(c.condition)] }
        : toJsonLogic(c.condition);
      return { if: [cond, 1, 0] };
    });
    const applicable = criteria.map((c): Logic => (c.applicable ? { if: [toJsonLogic(c.applicable), 1, 0] } : 1));
    parts.push({ '>=': [{ '*': [{ '+': passed }, 100] }, { '*': [rules.atLeastPercent, { '+': applicable }] }] });
  }
  return { and: parts };
}

export function jsonLogicAnchor(rules: AnchorRules = LAI_CHAU_RULES): Anchor {
  const written = decisionLogic(rules);
  const text = JSON.stringify(written);
  // A copy of its own, as if read back from the file it is written to: nothing shared with the builder.
  const logic = structuredClone(written);
  return {
    name: 'json-logic-js',
    library: 'json-logic-js 2.0.5',
    threeValued: 'complete only: `var` yields null for a missing fact and operators coerce it to false',
    encoding: { file: 'json-logic.json', text },
    decide: (a) => (jsonLogic.apply(logic, a) === true ? 'recognised' : 'not_recognised'),
  };
}

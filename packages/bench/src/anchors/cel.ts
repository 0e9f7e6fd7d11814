/**
 * @marcbachmann/cel-js: the whole decision as ONE CEL expression, parsed once and evaluated per
 * assessment with `{facts, context}` as variables (the very objects the engine gets).
 *
 * Numbers from JavaScript are CEL doubles, so every literal compared with a fact is a double
 * (`100.0`); counts of passed criteria are CEL ints. Exact for the integer facts used here.
 *
 * Two-valued: a missing key is an evaluation error. CEL's && and || absorb errors (false && err
 * is false), which is Kleene logic per condition, but the counting of passed criteria per
 * standard cannot carry "unknown" through; only complete assessments are evaluated.
 */
import { parse } from '@marcbachmann/cel-js';
import { LAI_CHAU_RULES, type Anchor, type AnchorRules, type Cond } from '../../schemes/lai-chau/anchor-rules.js';

const dbl = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));
const str = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const fact = (name: string): string => `facts.${name}`;

export function toCel(c: Cond): string {
  switch (c.kind) {
    case 'is':
      return `${fact(c.fact)} == ${c.value}`;
    case 'atLeast':
      return `${fact(c.fact)} >= ${dbl(c.value)}`;
    case 'equals':
      return `${fact(c.fact)} == ${dbl(c.value)}`;
    case 'oneOf':
      return `${fact(c.fact)} in [${c.values.map(str).join(', ')}]`;
    case 'percent':
      return `(${fact(c.whole)} == 0.0 ? ${c.ifWholeZero} : ${fact(c.part)} * 100.0 >= ${dbl(c.atLeast)} * ${fact(c.whole)})`;
    case 'all':
      return `(${c.of.map(toCel).join(' && ')})`;
    case 'any':
      return `(${c.of.map(toCel).join(' || ')})`;
    case 'context':
      return `context.${c.attribute} == ${typeof c.value === 'string' ? str(c.value) : c.value}`;
  }
}

export function decisionCel(rules: AnchorRules): string {
  const parts: string[] = [];
  for (const d of rules.disqualifiers) parts.push(`!(${toCel(d.condition)})`);
  for (const id of rules.mandatory) {
    const c = rules.criteria.find((x) => x.id === id);
    if (c) parts.push(toCel(c.condition));
  }
  for (let g = 0; g < rules.groups; g++) {
    const criteria = rules.criteria.filter((c) => c.group === g);
    const passed = criteria
      .map((c) => `(${c.applicable ? `${toCel(c.applicable)} && ` : ''}${toCel(c.condition)} ? 1 : 0)`)
      .join(' + ');
    const applicable = criteria.map((c) => (c.applicable ? `(${toCel(c.applicable)} ? 1 : 0)` : '1')).join(' + ');
    parts.push(`(${passed}) * 100 >= ${rules.atLeastPercent} * (${applicable})`);
  }
  return parts.join('\n  && ');
}

export function celAnchor(rules: AnchorRules = LAI_CHAU_RULES): Anchor {
  return fromCelText(decisionCel(rules));
}

export function fromCelText(text: string): Anchor {
  const program = parse(text);
  return {
    name: '@marcbachmann/cel-js',
    library: '@marcbachmann/cel-js 8.0.0',
    threeValued: 'complete only: a missing key is an error; && and || absorb it, but counts cannot carry unknown',
    encoding: { file: 'decision.cel', text },
    decide: (a) => (program(a) === true ? 'recognised' : 'not_recognised'),
  };
}

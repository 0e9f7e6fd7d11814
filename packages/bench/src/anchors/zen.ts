/**
 * @gorules/zen-engine (Rust, N-API): a JDM decision graph input → expression node → output, the
 * expression node computing `recognised` in ONE ZEN expression. `evaluate` is asynchronous (the
 * work runs on libuv's thread pool and the input is copied into Rust); the bench measures it both
 * awaited one by one and batched with Promise.all over chunks.
 *
 * Two-valued: comparing a missing fact (null) fails with "Opcode Compare: Unsupported type", so
 * unknown could only be kept with explicit null tests everywhere; only complete assessments are
 * evaluated.
 */
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { LAI_CHAU_RULES, type Anchor, type AnchorRules, type Cond } from '../../schemes/lai-chau/anchor-rules.js';

const str = (s: string): string => `'${s.replace(/'/g, "\\'")}'`;
const fact = (name: string): string => `facts.${name}`;

export function toZen(c: Cond): string {
  switch (c.kind) {
    case 'is':
      return `${fact(c.fact)} == ${c.value}`;
    case 'atLeast':
      return `${fact(c.fact)} >= ${c.value}`;
    case 'equals':
      return `${fact(c.fact)} == ${c.value}`;
    case 'oneOf':
      return `${fact(c.fact)} in [${c.values.map(str).join(', ')}]`;
    case 'percent':
      return `(${fact(c.whole)} == 0 ? ${c.ifWholeZero} : ${fact(c.part)} * 100 >= ${c.atLeast} * ${fact(c.whole)})`;
    case 'all':
      return `(${c.of.map(toZen).join(' and ')})`;
    case 'any':
      return `(${c.of.map(toZen).join(' or ')})`;
    case 'context':
      return `context.${c.attribute} == ${typeof c.value === 'string' ? str(c.value) : c.value}`;
  }
}

export function decisionZen(rules: AnchorRules): string {
  const parts: string[] = [];
  for (const d of rules.disqualifiers) parts.push(`not (${toZen(d.condition)})`);
  for (const id of rules.mandatory) {
    const c = rules.criteria.find((x) => x.id === id);
    if (c) parts.push(toZen(c.condition));
  }
  for (let g = 0; g < rules.groups; g++) {
    const criteria = rules.criteria.filter((c) => c.group === g);
    const passed = criteria
      .map((c) => `(${c.applicable ? `${toZen(c.applicable)} and ` : ''}${toZen(c.condition)} ? 1 : 0)`)
      .join(' + ');
    const applicable = criteria.map((c) => (c.applicable ? `(${toZen(c.applicable)} ? 1 : 0)` : '1')).join(' + ');
    parts.push(`(${passed}) * 100 >= ${rules.atLeastPercent} * (${applicable})`);
  }
  return parts.join(' and ');
}

/** The JDM graph (JSON) of the decision. */
export function decisionGraph(rules: AnchorRules): unknown {
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: 'input', type: 'inputNode', name: 'assessment', position },
      {
        id: 'decide',
        type: 'expressionNode',
        name: 'recognition',
        position,
        content: { expressions: [{ id: 'recognised', key: 'recognised', value: decisionZen(rules) }] },
      },
      { id: 'output', type: 'outputNode', name: 'result', position },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'decide', type: 'edge' },
      { id: 'e2', sourceId: 'decide', targetId: 'output', type: 'edge' },
    ],
  };
}

export function zenAnchor(rules: AnchorRules = LAI_CHAU_RULES): Anchor & { dispose(): void } {
  return fromZenText(JSON.stringify(decisionGraph(rules)));
}

export function fromZenText(text: string): Anchor & { dispose(): void } {
  const engine = new ZenEngine();
  const graph: unknown = JSON.parse(text);
  if (typeof graph !== 'object' || graph === null)
    throw new Error('zen anchor: the decision graph is not a JSON object');
  const decision: ZenDecision = engine.createDecision(graph);
  return {
    name: '@gorules/zen-engine',
    library: '@gorules/zen-engine 0.54.0',
    threeValued: 'complete only: comparing a missing (null) fact is an error ("Unsupported type")',
    encoding: { file: 'zen-decision.json', text },
    decideAsync: async (a) =>
      (await decision.evaluate(a)).result?.recognised === true ? 'recognised' : 'not_recognised',
    dispose: () => engine.dispose(),
  };
}

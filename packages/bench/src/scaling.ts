/**
 * The scaling row: `lcz validate` (loadRuleset: parse, validate, compile) and `lcz check`
 * (checkRuleset) on generated rule files of N and 10·N small criteria. Near-linear cost means
 * about ×10 time for ×10 criteria; an adversarial run found 1,139 criteria taking 19 s and
 * 20,000 never finishing `check`, so the ratio is what this row watches, with a target of ≤ ×15
 * (some growth beyond ×10 comes from the garbage collector on a larger heap).
 */
import type * as Engine from '@lcz/criteria-engine';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import { collectGarbage } from './measure.js';
import { median } from './stats.js';

export interface ScalingRow {
  readonly step: 'validate' | 'check';
  readonly small: number;
  readonly large: number;
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
  readonly target: string;
  readonly met: boolean;
}

/** The largest ratio of times (10·N against N criteria) still counted as near-linear. */
const MAX_RATIO = 15;

/** `count` criteria of one integer fact and one comparison each, in groups of 100. */
export function smallCriteriaRules(count: number): string {
  const facts: string[] = [];
  const groups: string[] = [];
  for (let g = 0; g * 100 < count; g++) {
    groups.push(`  - id: "${g + 1}"`, `    title: { vi: "Nhóm ${g + 1}", en: "Group ${g + 1}" }`, '    criteria:');
    for (let i = 0; i < 100 && g * 100 + i < count; i++) {
      const n = g * 100 + i;
      facts.push(`  f${n}: { type: integer, min: 0, max: 1000, label: { vi: "Dữ kiện ${n}", en: "Fact ${n}" } }`);
      groups.push(
        `      - { id: "${g + 1}.${i + 1}", text: { vi: "Tiêu chí ${n}", en: "Criterion ${n}" }, condition: "f${n} >= ${1 + (n % 7)}" }`,
      );
    }
  }
  return [
    'format: 1',
    'id: scaling',
    'version: "1"',
    'title: { vi: "Đo độ tăng", en: "Scaling" }',
    'context:',
    '  size:',
    '    type: enum',
    '    values:',
    '      - { id: small, label: { vi: "Nhỏ", en: "Small" } }',
    '    label: { vi: "Cỡ", en: "Size" }',
    'facts:',
    ...facts,
    'groups:',
    ...groups,
    'recognition:',
    '  group_requirement: { at_least_percent: 80 }',
    '',
  ].join('\n');
}

export function measureScaling(engine: typeof Engine, small: number, runs: number): ScalingRow[] {
  const large = small * 10;
  const load = (text: string): Engine.CompiledRuleset => {
    const loaded = engine.loadRuleset(text, { file: 'scaling.yaml' });
    if (!loaded.value) throw new Error(`the generated rules did not load: ${loaded.diagnostics[0]?.code}`);
    return loaded.value;
  };
  const time = (work: () => unknown): number => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      collectGarbage();
      const t0 = performance.now();
      work();
      ms.push(performance.now() - t0);
    }
    return median(ms);
  };
  const texts = [smallCriteriaRules(small), smallCriteriaRules(large)] as const;
  const rulesets = [load(texts[0]), load(texts[1])] as const;
  const row = (step: ScalingRow['step'], smallMs: number, largeMs: number): ScalingRow => {
    const ratio = largeMs / smallMs;
    return { step, small, large, smallMs, largeMs, ratio, target: `≤ ×${MAX_RATIO}`, met: ratio <= MAX_RATIO };
  };
  return [
    row(
      'validate',
      time(() => load(texts[0])),
      time(() => load(texts[1])),
    ),
    row(
      'check',
      time(() => checkRuleset(rulesets[0])),
      time(() => checkRuleset(rulesets[1])),
    ),
  ];
}

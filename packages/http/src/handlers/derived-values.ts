/**
 * What a client needs of a scheme's levels and derived quantities beside the engine's result:
 * the levels' labels (the result names levels by id), each derived quantity's declaration, and
 * the values an assessment gives them, as the decimal text explanations print ("57.2"), exact
 * to the shown decimals. Decisions never read this text; the engine compares exact fractions.
 */
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';

export function levelsOf(ruleset: CompiledRuleset) {
  return (ruleset.levels ?? []).map((l) => ({ id: l.id, label: l.label, ...(l.note ? { note: l.note } : {}) }));
}

/** The declarations, without the file they were read from (a server path is no client's business). */
export function derivedOf(ruleset: CompiledRuleset) {
  return ruleset.derived.map((d) => ({
    id: d.id,
    label: d.label,
    ...(d.unit ? { unit: d.unit } : {}),
    ...(d.decimals !== undefined ? { decimals: d.decimals } : {}),
    expression: d.expression,
    ...(d.ifZero !== undefined ? { if_zero: d.ifZero } : {}),
    reads: d.reads,
  }));
}

/** The known derived quantities of one assessment; an unknown one is left out, never guessed. */
export function derivedValues(ruleset: CompiledRuleset, assessment: Assessment) {
  const values = ruleset.derivedValues(assessment);
  return ruleset.derived.flatMap((d) => {
    const value = values.get(d.id);
    return value === undefined ? [] : [{ id: d.id, value }];
  });
}

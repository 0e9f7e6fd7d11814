/**
 * A field problem in words for the person filling the form: the field's own label instead of a
 * fact id, the bound or the total it breaks, what to enter. Codes the form does not expect fall
 * back to the engine's message for that code, so no problem is ever shown without words.
 */
import { renderMessage, type CompiledRuleset, type Diagnostic } from '@lcz/criteria-engine';
import type { FieldProblem } from '../form/read-values.js';
import { t, type Lang } from '../messages/index.js';

export function problemText(problem: FieldProblem, ruleset: CompiledRuleset, lang: Lang): string {
  if (problem.kind === 'not_number') return t(lang, 'field_not_number');
  const d = problem.diagnostic;
  const p = d.params;
  const str = (key: string) => String(p[key] ?? '');
  switch (d.code) {
    case 'input_type': {
      // Only a whole-number type expects 'int': the engine's check says which type it wanted.
      if (str('expected') === 'int') return t(lang, 'field_not_integer');
      return t(lang, 'field_wrong_type', { detail: engineText(d, lang) });
    }
    case 'input_range':
      if (p['min'] !== undefined && Number(p['value']) < Number(p['min']))
        return t(lang, 'field_below_min', { min: str('min'), value: str('value') });
      if (p['max'] !== undefined) return t(lang, 'field_above_max', { max: str('max'), value: str('value') });
      return engineText(d, lang);
    case 'input_part_exceeds_whole': {
      const whole = ruleset.facts.find((f) => f.id === str('whole'));
      return t(lang, 'field_part_exceeds_whole', {
        whole: whole ? whole.label[lang] : str('whole'),
        whole_value: str('whole_value'),
        value: str('part_value'),
      });
    }
    case 'input_enum_value':
      return t(lang, 'field_bad_value', { value: str('value') });
    case 'input_context_missing': {
      const attr = ruleset.context.find((a) => a.id === str('name'));
      return t(lang, 'context_missing', { label: attr ? attr.label[lang] : str('name') });
    }
    case 'input_context_rule':
      return t(lang, 'context_rule', { message: str(lang === 'vi' ? 'message_vi' : 'message_en') });
    default:
      return engineText(d, lang);
  }
}

function engineText(d: Diagnostic, lang: Lang): string {
  const { message, hint } = renderMessage(d, lang);
  return hint ? `${message} ${hint}` : message;
}

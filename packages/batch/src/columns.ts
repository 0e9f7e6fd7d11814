/**
 * The input layout a ruleset defines: identity columns, then context attributes, then facts, in
 * the rule file's order. Every type, bound, label and allowed value comes from the rule file; the
 * identity columns are the engine's AreaIdentity plus the year, labelled with the rule file's words.
 */
import {
  withWords,
  type CompiledRuleset,
  type FactType,
  type LocalizedText,
  type ValueDeclaration,
} from '@lcz/criteria-engine';

export type ColumnType = 'text' | 'year' | 'date' | FactType;

export interface BatchColumn {
  /** 'code' | 'name' | 'unit' | 'year' | 'date', a context attribute id or a fact id. */
  readonly id: string;
  readonly kind: 'identity' | 'context' | 'fact';
  readonly type: ColumnType;
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  readonly help?: LocalizedText;
  readonly values?: readonly ValueDeclaration[];
  readonly min?: number;
  readonly max?: number;
  /** For number facts: the most decimals a value may have. */
  readonly decimals?: number;
  /** The header must have this column (`year` and `date`: one of the two, see YEAR_OR_DATE). */
  readonly required: boolean;
  /** For the year and date columns: a date the rules are in force on, for the template's examples. */
  readonly example?: string;
}

/**
 * A column's header as the template writes it: the label, and the unit in brackets when the fact
 * has one the label does not already say ("Tỷ lệ che phủ rừng (%)", "Chiều dài đường (km)", but
 * "Số hộ nghèo", not "Số hộ nghèo (hộ)"), so whoever types a value sees the unit it is in. The
 * header reader takes the label alone too (header.ts).
 */
export function headerLabel(column: BatchColumn, lang: 'vi' | 'en'): string {
  const label = column.label[lang];
  const unit = column.unit?.[lang].trim();
  if (unit === undefined || unit === '' || label.toLocaleLowerCase().includes(unit.toLocaleLowerCase())) return label;
  return `${label} (${unit})`;
}

/**
 * The identity columns' labels: the engine's words around the scheme's own (`words:` in the rule
 * file: what is assessed, and the attribute that groups results, which the unit column holds).
 */
const IDENTITY_LABELS = {
  vi: {
    code: 'Mã {assessed}',
    name: 'Tên {assessed}',
    unit: '{Grouped_by}',
    year: 'Năm đánh giá',
    date: 'Ngày đánh giá',
  },
  en: {
    code: '{Assessed} code',
    name: '{Assessed} name',
    unit: '{Grouped_by}',
    year: 'Year assessed',
    date: 'Date assessed',
  },
} as const;

function identityColumns(ruleset: CompiledRuleset): readonly BatchColumn[] {
  const vi = withWords(IDENTITY_LABELS.vi, ruleset.words, 'vi');
  const en = withWords(IDENTITY_LABELS.en, ruleset.words, 'en');
  const label = (id: keyof typeof IDENTITY_LABELS.vi): LocalizedText => ({ vi: vi[id], en: en[id] });
  const example = exampleDate(ruleset.effective);
  return [
    { id: 'code', kind: 'identity', type: 'text', required: true, label: label('code') },
    { id: 'name', kind: 'identity', type: 'text', required: true, label: label('name') },
    { id: 'unit', kind: 'identity', type: 'text', required: true, label: label('unit') },
    {
      id: 'year',
      kind: 'identity',
      type: 'year',
      required: false,
      min: 1900,
      max: 2100,
      label: label('year'),
      example,
    },
    { id: 'date', kind: 'identity', type: 'date', required: false, label: label('date'), example },
  ];
}

/**
 * The date the template's examples show: 10 October of a year the rules are in force (a clerk
 * copies the example, and a date outside the period is refused). 2024 while the period holds it,
 * as the guides print; else the period's first year, or its first day when 10 October is past its end.
 */
function exampleDate(effective: CompiledRuleset['effective']): string {
  const inPeriod = (d: string) =>
    effective === undefined || (d >= effective.from && (effective.to === undefined || d <= effective.to));
  if (inPeriod('2024-10-10')) return '2024-10-10';
  const first = `${effective?.from.slice(0, 4)}-10-10`;
  return inPeriod(first) ? first : (effective?.from ?? '2024-10-10');
}

const cache = new WeakMap<CompiledRuleset, readonly BatchColumn[]>();

export function batchColumns(ruleset: CompiledRuleset): readonly BatchColumn[] {
  const known = cache.get(ruleset);
  if (known) return known;
  const columns: BatchColumn[] = [...identityColumns(ruleset)];
  for (const a of ruleset.context) {
    columns.push({
      id: a.id,
      kind: 'context',
      type: a.type,
      label: a.label,
      ...(a.values ? { values: a.values } : {}),
      // An attribute with required_when may be left out when no row needs it (e.g. no bản).
      required: a.requiredWhen === undefined,
    });
  }
  for (const f of ruleset.facts) {
    columns.push({
      id: f.id,
      kind: 'fact',
      type: f.type,
      label: f.label,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.help ? { help: f.help } : {}),
      ...(f.values ? { values: f.values } : {}),
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.decimals !== undefined ? { decimals: f.decimals } : {}),
      required: false,
    });
  }
  const frozen = Object.freeze(columns);
  cache.set(ruleset, frozen);
  return frozen;
}

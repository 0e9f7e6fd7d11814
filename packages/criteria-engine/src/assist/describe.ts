/**
 * The texts an editor shows about a name, a function, a value or a criterion: every language the
 * rule file wrote them in, each line marked with its language, and the thresholds of a
 * criterion's condition as the rule file states them (`items_done / total_items ≥ 98%`).
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { FUNCTIONS } from '../compile/functions/index.js';
import { isRecord, plainOf, texts, type DeclaredSymbol, type DeclaredValue, type Texts } from './outline.js';

export interface InfoLine {
  /** The language of `text` (`vi`, `en`…), or none for what reads the same in every language. */
  readonly lang?: string;
  readonly text: string;
}

export interface Info {
  readonly title: string;
  readonly lines: readonly InfoLine[];
}

export function describeSymbol(symbol: DeclaredSymbol, mainFile: string): Info {
  const lines: InfoLine[] = [];
  const perLang = (t: Texts | undefined, suffix?: Texts) => {
    for (const [lang, text] of Object.entries(t ?? {}))
      lines.push({ lang, text: suffix?.[lang] ? `${text} (${suffix[lang]})` : text });
  };
  perLang(symbol.label, symbol.unit);
  perLang(symbol.help);
  const facts: string[] = [];
  if (symbol.min !== undefined) facts.push(`min: ${symbol.min}`);
  if (symbol.max !== undefined) facts.push(`max: ${symbol.max}`);
  if (symbol.partOf !== undefined) facts.push(`part_of: ${symbol.partOf}`);
  if (symbol.value !== undefined) facts.push(`value: ${symbol.value}`);
  if (facts.length > 0) lines.push({ text: facts.join(' · ') });
  for (const v of symbol.values ?? []) lines.push({ text: valueLine(v) });
  if (symbol.file !== mainFile) lines.push({ text: `include: ${symbol.file}` });
  const type = symbol.type ? `: ${symbol.type}` : '';
  return { title: `${symbol.name} (${SECTION_OF[symbol.kind]}${type})`, lines };
}

/** The section a symbol is declared in, as the rule file names it. */
const SECTION_OF: Readonly<Record<DeclaredSymbol['kind'], string>> = {
  fact: 'facts',
  context: 'context',
  parameter: 'parameters',
  definition: 'definitions',
};

function valueLine(v: DeclaredValue): string {
  const labels = Object.values(v.label ?? {});
  return labels.length > 0 ? `'${v.id}': ${labels.join(' / ')}` : `'${v.id}'`;
}

export function describeValue(value: DeclaredValue, of: string): Info {
  return {
    title: `'${value.id}' (${of})`,
    lines: Object.entries(value.label ?? {}).map(([lang, text]) => ({ lang, text })),
  };
}

export function describeFunction(name: string): Info | undefined {
  const f = FUNCTIONS.get(name);
  if (!f) return undefined;
  return {
    title: f.signature,
    lines: Object.entries(f.description).map(([lang, text]) => ({ lang, text: String(text) })),
  };
}

/**
 * A group, criterion, variant or disqualifier (the YAML mapping that holds its `id`): its text
 * or title in every language, when it applies, its thresholds and its note.
 */
export function describeItem(item: YAMLMap): Info {
  const plain = plainOf(item);
  const lines: InfoLine[] = [];
  for (const key of ['title', 'text', 'label'])
    for (const [lang, text] of Object.entries(texts(plain[key]) ?? {})) lines.push({ lang, text });
  if (typeof plain['applicable_when'] === 'string')
    lines.push({ text: `applicable_when: ${plain['applicable_when']}` });
  if (typeof plain['when'] === 'string') lines.push({ text: `when: ${plain['when']}` });
  if (plain['condition'] !== undefined) for (const text of describeCondition(plain['condition'])) lines.push({ text });
  const variants = item.get('variants');
  // Only a sequence holds variant mappings (a mapping's items are pairs, which were skipped).
  if (isSeq(variants)) {
    for (const v of variants.items) {
      if (!isMap(v)) continue;
      const variant = plainOf(v);
      lines.push({ text: `variants: ${String(variant['id'] ?? '?')} (when: ${String(variant['when'] ?? '?')})` });
      for (const text of describeCondition(variant['condition'])) lines.push({ text: `  ${text}` });
    }
  }
  if (typeof plain['no_variant'] === 'string') lines.push({ text: `no_variant: ${plain['no_variant']}` });
  if (typeof plain['not_applicable'] === 'string') lines.push({ text: `not_applicable: ${plain['not_applicable']}` });
  for (const [lang, text] of Object.entries(texts(plain['note']) ?? {})) lines.push({ lang, text });
  return { title: String(plain['id'] ?? ''), lines };
}

const COMPARISONS: readonly (readonly [key: string, symbol: string])[] = [
  ['at_least', '≥'],
  ['at_most', '≤'],
  ['equals', '='],
  ['is', '='],
];

/** One line per comparison, indented under `all:`/`any:`/`not:`; an expression as written. */
function describeCondition(condition: unknown, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  if (typeof condition === 'string') return [`${pad}${condition}`];
  if (!isRecord(condition)) return [];
  for (const key of ['all', 'any'] as const) {
    const items = condition[key];
    if (Array.isArray(items)) return [`${pad}${key}:`, ...items.flatMap((c) => describeCondition(c, depth + 1))];
  }
  if ('not' in condition) return [`${pad}not:`, ...describeCondition(condition['not'], depth + 1)];
  const compared = COMPARISONS.find(([key]) => key in condition);
  if (!compared) return [];
  const [key, symbol] = compared;
  const threshold = String(condition[key]);
  const percent = condition['percent'];
  if (isRecord(percent)) {
    const zero =
      condition['if_whole_zero'] === undefined
        ? ''
        : ` (${String(percent['whole'])} = 0: ${String(condition['if_whole_zero'])})`;
    return [`${pad}${String(percent['part'])} / ${String(percent['whole'])} ${symbol} ${threshold}%${zero}`];
  }
  return [`${pad}${String(condition['fact'])} ${symbol} ${threshold}`];
}

/** Markdown for editors that show it (the language server's hover and completion details). */
export function infoMarkdown(info: Info): string {
  const plain = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const body = info.lines.map((l) => (l.lang ? `*${l.lang}*: ${plain(l.text)}` : `\`${l.text.replace(/`/g, "'")}\``));
  return [`**${plain(info.title)}**`, ...body].join('\n\n');
}

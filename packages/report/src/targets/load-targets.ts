/**
 * Reads a targets file: YAML with positions kept, checked against schemas/targets.schema.json
 * (ajv), then against the ruleset (its id, the facts a target reads and their types). Every
 * problem at once, each at the line and column of the YAML node it is about.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type CompiledRuleset, type FactInfo, factType } from '@lcz/criteria-engine';
import {
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import schema from '../../../../schemas/targets.schema.json' with { type: 'json' };
import { problem, type ReportProblem } from '../problems.js';
import { closestWord } from '../text/closest.js';
import type { Targets, TargetsDocument } from './targets-document.js';

export interface TargetsLoad {
  readonly value?: Targets;
  readonly problems: readonly ReportProblem[];
}

type Path = readonly (string | number)[];

interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly oneOf?: readonly SchemaNode[];
  readonly $ref?: string;
}

let compiled: ValidateFunction<TargetsDocument> | undefined;
/** The schema's validator: a document it accepts has the shape TargetsDocument describes. */
function validator(): ValidateFunction<TargetsDocument> {
  compiled ??= new Ajv2020({
    allErrors: true,
    strict: true,
    verbose: true,
    allowUnionTypes: true,
  }).compile<TargetsDocument>(schema);
  return compiled;
}

const TYPE_WORDS: Readonly<Record<string, readonly [vi: string, en: string, example: string]>> = {
  integer: ['một số nguyên', 'a whole number', '70'],
  number: ['một số', 'a number', '30'],
  string: ['một đoạn văn bản', 'text', '"…"'],
  object: ['một bảng khoá: giá trị', 'a mapping (key: value)', '{ vi: "…", en: "…" }'],
  array: ['một danh sách', 'a list', '- …'],
  boolean: ['true hoặc false', 'true or false', 'true'],
};

export function loadTargets(text: string, file: string, ruleset: CompiledRuleset): TargetsLoad {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lines.linePos(offset);
  const located = (code: ReportProblem['code'], offset: number, params: ReportProblem['params']) => {
    const { line, col } = at(offset);
    return problem(code, file, line, col, params);
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        located('targets_yaml', e.pos[0], { detail: e.message.split('\n')[0] ?? e.message }),
      ),
    };
  }
  const value: unknown = doc.toJS();
  const validate = validator();
  const valid = validate(value);
  // Structure and meaning are checked together, so one run shows every problem.
  const problems = [
    ...(valid ? [] : schemaProblems(validate.errors ?? [], doc, located, ruleset.id)),
    ...checkAgainstRuleset(value, doc, located, (offset) => at(offset).line, ruleset),
  ];
  return valid && problems.length === 0 ? { value: { file, document: value }, problems: [] } : { problems };
}

type Locate = (code: ReportProblem['code'], offset: number, params: ReportProblem['params']) => ReportProblem;

/**
 * What the schema cannot know: the ruleset id, the facts a measure reads and their types, target
 * ids used twice, periods backwards. Reads the value defensively: it may not have passed the
 * schema (those problems are reported separately), and whatever can be checked still is.
 */
function checkAgainstRuleset(
  value: unknown,
  doc: Document,
  located: Locate,
  lineAt: (offset: number) => number,
  ruleset: CompiledRuleset,
): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (!isPlainObject(value)) return out;
  if (typeof value['ruleset'] === 'string' && value['ruleset'] !== ruleset.id) {
    out.push(
      located('targets_ruleset_mismatch', offsetOf(doc, ['ruleset']), {
        expected: ruleset.id,
        actual: value['ruleset'],
      }),
    );
  }
  const facts = new Map(ruleset.facts.map((f) => [f.id, f]));
  const firstLine = new Map<string, number>();
  const targets: readonly unknown[] = Array.isArray(value['targets']) ? value['targets'] : [];
  targets.forEach((t, i) => {
    if (!isPlainObject(t)) return;
    const at = (...path: Path): number => offsetOf(doc, ['targets', i, ...path]);
    if (typeof t['id'] === 'string') {
      const seen = firstLine.get(t['id']);
      if (seen !== undefined) out.push(located('targets_duplicate_id', at('id'), { id: t['id'], first_line: seen }));
      else firstLine.set(t['id'], lineAt(at('id')));
    }
    const period = t['period'];
    if (isPlainObject(period) && typeof period['from'] === 'number' && typeof period['to'] === 'number')
      if (period['from'] > period['to'])
        out.push(located('targets_period_order', at('period'), { from: period['from'], to: period['to'] }));
    if (isPlainObject(t['measure'])) out.push(...checkMeasure(t['measure'], at, located, facts, ruleset.id));
  });
  return out;
}

/** A measure reads a declared fact, with keys that fit its type (the fact type's own check, not a switch here). */
function checkMeasure(
  m: Readonly<Record<string, unknown>>,
  at: (...path: Path) => number,
  located: Locate,
  facts: ReadonlyMap<string, FactInfo>,
  rulesetId: string,
): ReportProblem[] {
  const fact = m['fact'];
  if (typeof fact !== 'string') return [];
  const info = facts.get(fact);
  if (info === undefined) {
    const suggestion = closestWord(fact, facts.keys());
    return [
      located('targets_unknown_fact', at('measure', 'fact'), {
        fact,
        ruleset: rulesetId,
        ...(suggestion !== undefined ? { suggestion } : {}),
      }),
    ];
  }
  const type = factType(info.type);
  const accepts = type.accepts(info);
  // at_least / at_most need a type with an order of numbers; is needs a yes/no; equals any value of the fact.
  const fits: Readonly<Record<'at_least' | 'at_most' | 'is' | 'equals', (v: unknown) => boolean>> = {
    at_least: () => type.bounds !== undefined,
    at_most: () => type.bounds !== undefined,
    is: (v) => typeof v === 'boolean' && accepts(v),
    equals: (v) => accepts(v),
  };
  const out: ReportProblem[] = [];
  for (const key of ['at_least', 'at_most', 'is', 'equals'] as const)
    if (key in m && !fits[key](m[key]))
      out.push(located('targets_fact_type', at('measure', key), { fact, type: info.type, key }));
  return out;
}

/** ajv's errors as problems: one per cause, branch noise of `oneOf` removed, each at its node. */
function schemaProblems(
  errors: readonly ErrorObject[],
  doc: Document,
  located: Locate,
  rulesetId: string,
): ReportProblem[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const out: ReportProblem[] = [];
  const seen = new Set<string>();
  const push = (p: ReportProblem) => {
    const key = JSON.stringify([p.code, p.line, p.column, p.params]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const e of errors) {
    // Errors inside a failed oneOf are reported through that oneOf (below), not one by one.
    const inside = oneOfs.find(
      (o) => o !== e && e.schemaPath.startsWith(`${o.schemaPath}/`) && e.instancePath.startsWith(o.instancePath),
    );
    if (inside !== undefined) continue;
    if (e.keyword === 'oneOf') {
      for (const p of oneOfProblems(e, errors, doc, located)) push(p);
      continue;
    }
    const p = single(e, doc, located, rulesetId);
    if (p !== undefined) push(p);
  }
  return out;
}

function oneOfProblems(e: ErrorObject, all: readonly ErrorObject[], doc: Document, located: Locate): ReportProblem[] {
  const path = pathOf(e.instancePath);
  const where = describePath(path);
  const branches = schemaNode(e.parentSchema)?.oneOf?.map(resolve) ?? [];
  const objects = branches.filter((b) => b.properties !== undefined);
  const data: unknown = e.data;
  // One object form (e.g. a fact measure beside the word forms): its own errors say more.
  const [onlyObject] = objects;
  if (objects.length === 1 && onlyObject !== undefined && isPlainObject(data)) {
    const index = branches.indexOf(onlyObject);
    const prefix = `${e.schemaPath}/${index}/`;
    const inner = all.filter((x) => x.schemaPath.startsWith(prefix) && x.instancePath.startsWith(e.instancePath));
    const problems = schemaProblems(inner, doc, located, '');
    if (problems.length > 0) return problems;
  }
  // A word where a word form is allowed: say which words are, and the nearest.
  if (typeof data === 'string') {
    const words = branches.flatMap((b) => (b.enum ?? []).map(String));
    if (words.length > 0) {
      const suggestion = closestWord(data, words);
      const allowed = [...words, ...objects.map(describeForm)].join(', ');
      return [
        located('targets_bad_value', offsetOf(doc, path), {
          where,
          value: data,
          allowed,
          ...(suggestion !== undefined ? { suggestion } : {}),
        }),
      ];
    }
  }
  // The one object form whose keys are all present: its own errors (e.g. a number out of range).
  if (isPlainObject(data)) {
    const matching = branches.filter((b) => b.properties !== undefined && (b.required ?? []).every((k) => k in data));
    const [onlyMatching] = matching;
    if (matching.length === 1 && onlyMatching !== undefined) {
      const index = branches.indexOf(onlyMatching);
      const prefix = `${e.schemaPath}/${index}/`;
      const inner = all.filter((x) => x.schemaPath.startsWith(prefix) && x.instancePath.startsWith(e.instancePath));
      const problems = schemaProblems(inner, doc, located, '');
      if (problems.length > 0) return problems;
    }
  }
  if (isPlainObject(data) && objects.length > 1) {
    const allowed = [...new Set(objects.flatMap((b) => Object.keys(b.properties ?? {})))];
    const unknown = Object.keys(data).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) {
      return unknown.map((key) => {
        const suggestion = closestWord(key, allowed);
        return located('targets_unknown_key', keyOffsetOf(doc, [...path, key]), {
          key,
          where,
          allowed: allowed.join(', '),
          ...(suggestion !== undefined ? { suggestion } : {}),
        });
      });
    }
  }
  return [located('targets_bad_form', offsetOf(doc, path), { where, forms: branches.map(describeForm).join('; ') })];
}

function single(e: ErrorObject, doc: Document, located: Locate, rulesetId: string): ReportProblem | undefined {
  const path = pathOf(e.instancePath);
  const where = describePath(path);
  const params: Readonly<Record<string, unknown>> = e.params;
  switch (e.keyword) {
    case 'required': {
      const key = String(params['missingProperty']);
      return located('targets_missing_key', offsetOf(doc, path), { key, where, example: exampleFor(key, rulesetId) });
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(schemaNode(e.parentSchema)?.properties ?? {});
      const suggestion = closestWord(key, allowed);
      return located('targets_unknown_key', keyOffsetOf(doc, [...path, key]), {
        key,
        where,
        allowed: allowed.join(', '),
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
    case 'type': {
      const expected = String(params['type']).split(',')[0] ?? 'string';
      const [vi, en, example] = TYPE_WORDS[expected] ?? [expected, expected, ''];
      return located('targets_wrong_type', offsetOf(doc, path), {
        where,
        expected_vi: vi,
        expected_en: en,
        example,
        actual: shown(e.data),
      });
    }
    case 'enum':
    case 'const': {
      const values = params['allowedValues'];
      const allowed: readonly unknown[] =
        e.keyword === 'enum' ? (Array.isArray(values) ? values : []) : [params['allowedValue']];
      const suggestion = typeof e.data === 'string' ? closestWord(e.data, allowed.map(String)) : undefined;
      return located('targets_bad_value', offsetOf(doc, path), {
        where,
        value: typeof e.data === 'string' ? e.data : shown(e.data),
        allowed: allowed.map(String).join(', '),
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
    case 'minimum':
    case 'maximum': {
      const minimum = numberOrUndefined(e.parentSchema?.['minimum']);
      const maximum = numberOrUndefined(e.parentSchema?.['maximum']);
      const range_vi = maximum !== undefined ? `từ ${minimum ?? '…'} đến ${maximum}` : `từ ${minimum ?? 0} trở lên`;
      const range_en = maximum !== undefined ? `from ${minimum ?? '…'} to ${maximum}` : `of at least ${minimum ?? 0}`;
      return located('targets_out_of_range', offsetOf(doc, path), { where, value: shown(e.data), range_vi, range_en });
    }
    case 'pattern':
      return located('targets_bad_pattern', offsetOf(doc, path), {
        where,
        value: shown(e.data),
        example: path.includes('fact') ? 'my_fact' : 'recognised-2024',
      });
    case 'minItems':
    case 'minLength':
      return located('targets_missing_key', offsetOf(doc, path), {
        key: String(path[path.length - 1] ?? ''),
        where,
        example: exampleFor(String(path[path.length - 1]), rulesetId),
      });
    default:
      return located('targets_bad_form', offsetOf(doc, path), { where, forms: e.message ?? e.keyword });
  }
}

function exampleFor(key: string, rulesetId: string): string {
  const examples: Record<string, string> = {
    format: 'format: 1',
    ruleset: `ruleset: ${rulesetId || 'my-ruleset-id'}`,
    title: 'title: { vi: "…", en: "…" }',
    areas: 'areas: 70',
    targets: 'targets: [ { id: …, text: …, period: …, measure: …, goal: … } ]',
    id: 'id: recognised-2024',
    text: 'text: { vi: "…", en: "…" }',
    period: 'period: { from: 2024, to: 2025 }',
    from: 'from: 2024',
    to: 'to: 2025',
    measure: 'measure: recognised',
    goal: 'goal: { at_least: 4 }',
    fact: 'fact: <fact id>',
    among: 'among: not_recognised',
    vi: 'vi: "…"',
    en: 'en: "…"',
  };
  return examples[key] ?? `${key}: …`;
}

/** The schema's named definitions, for `$ref`. */
const DEFINITIONS: Readonly<Record<string, unknown>> = schema.$defs;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return schemaNode(DEFINITIONS[name]) ?? node;
}

/** A node of schemas/targets.schema.json (an error's parentSchema, a definition). */
function schemaNode(node: unknown): SchemaNode | undefined {
  // cast: the nodes are those of our own schema file, whose keywords have the types SchemaNode
  // gives them (ajv compiled it in strict mode).
  return isPlainObject(node) ? (node as SchemaNode) : undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function describeForm(b: SchemaNode): string {
  if (b.enum !== undefined) return b.enum.map(String).join(' | ');
  const required = b.required ?? [];
  return `{ ${required.map((k) => `${k}: …`).join(', ')} }`;
}

function describePath(path: Path): string {
  if (path.length === 0) return '/';
  return path
    .map((p) => (typeof p === 'number' ? `[${p + 1}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nodeAt(doc: Document, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (!isCollection(node)) return undefined;
    if (typeof key === 'number') node = node.items[key];
    else
      node = isMap(node)
        ? (node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value ?? undefined)
        : undefined;
    if (node === undefined) return undefined;
  }
  return isNode(node) ? node : undefined;
}

/** Where the node at `path` starts; its nearest existing ancestor otherwise. */
function offsetOf(doc: Document, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(doc, path.slice(0, n));
    if (node?.range !== undefined && node.range !== null) return node.range[0];
  }
  return 0;
}

/** Where the key of the pair at `path` starts (unknown keys are reported at the key). */
function keyOffsetOf(doc: Document, path: Path): number {
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const range = pair !== undefined && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) return range[0];
  }
  return offsetOf(doc, path);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function shown(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

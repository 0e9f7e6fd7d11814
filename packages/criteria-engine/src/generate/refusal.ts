/**
 * Why the generator wrote no module for a ruleset, as data: a code from a closed list and its
 * parameters (a criterion's id, the part of the plan). A tool words it in the reader's language
 * from its own catalogue (`lcz build`'s note: packages/cli/src/messages, keys `build_reason_<code>`
 * and `build_part_<part>`); the outcome's `refused` keeps the English text it has
 * always carried, for a program that only logs it.
 */

/** Every reason the generator refuses for; a tool's catalogue has a text for each. */
export const GENERATE_REFUSAL_CODES = [
  /** The ruleset was not loaded by this engine (no checked plan to generate from). */
  'not_loaded',
  /** The compiled rules file given is not the loaded ruleset's (another hash). */
  'compiled_mismatch',
  /** The compiled rules file does not load back. */
  'compiled_unloadable',
  /** Part of the plan would not read back the same from JSON (a bigint, NaN, ±∞, -0). */
  'not_json',
  /** Part of the plan is not data (a function, a Map). */
  'not_data',
  /** A condition is left to its compiled closure (the plan module needs every one inline). */
  'closure_kept',
  /** A criterion has a points rule (params: criterion). */
  'points_rule',
  /** The ruleset has derived quantities. */
  'derived',
  /** A part of the plan has no checked expression tree (params: a part, below). */
  'no_tree',
  /** A part of the plan uses a construct the generated code leaves to its closure (params: a part). */
  'construct',
  /** A number that is not finite where a number literal goes (params: value). */
  'not_finite',
  /** An index that is not a small non-negative integer (params: value). */
  'not_index',
  /** The plan script needs the engine's built plan entry (dist/plan.cjs), and it is not built. */
  'engine_unbuilt',
] as const;

export type GenerateRefusalCode = (typeof GENERATE_REFUSAL_CODES)[number];

/** Which part of the plan a `no_tree` or `construct` refusal is about. */
export const GENERATE_REFUSAL_PARTS = [
  /** A criterion's condition (params: id). */
  'criterion',
  /** A criterion's applicable_when (params: id). */
  'applicable',
  /** A variant's condition (params: id, variant). */
  'variant',
  /** A variant's when (params: id, variant). */
  'variant_when',
  /** A disqualifier's condition (params: id). */
  'disqualifier',
  /** A context rule's when (params: rule, counted from 1). */
  'context_when',
  /** A context rule's require (params: rule, counted from 1). */
  'context_require',
  /** A fact's required_when (params: id). */
  'required_when',
] as const;

export type GenerateRefusalPart = (typeof GENERATE_REFUSAL_PARTS)[number];

/** What a `construct` refusal says the part uses. */
export const GENERATE_REFUSAL_CONSTRUCTS = [
  /** A function call (params: fn, its name as the rule file writes it). */
  'function',
  /** Arithmetic on facts. */
  'arithmetic',
  /** A comparison or value the generated code does not write (another type, a non-literal bound). */
  'comparison',
  /**
   * A parameter table (params: parameter, its name; by, its keys as written, e.g. `year`) in a
   * comparison the generated code does not write: the table beside a derived quantity, arithmetic
   * or a function other than a percentage of two integer facts. A table compared with a fact, a
   * number, another table or such a percentage is written (table-code.ts).
   */
  'parameter_table',
] as const;

export type GenerateRefusalConstruct = (typeof GENERATE_REFUSAL_CONSTRUCTS)[number];

/** The part of the plan a refusal names: which kind, and the ids that locate it. */
export interface GenerateRefusalSubject {
  readonly part: GenerateRefusalPart;
  readonly id?: string;
  readonly variant?: string;
  readonly rule?: number;
}

/** A refusal: its code and parameters (`part` and its ids for no_tree and construct). */
export interface GenerateRefusal {
  readonly code: GenerateRefusalCode;
  readonly params: Readonly<
    Partial<GenerateRefusalSubject> & {
      readonly criterion?: string;
      readonly value?: string;
      /** For `construct`: what the part uses (and `fn`, a function's name; `parameter` and `by`, a table's). */
      readonly construct?: GenerateRefusalConstruct;
      readonly fn?: string;
      readonly parameter?: string;
      readonly by?: string;
      /** Where the part is written, when the ruleset can say (its rule file, 1-based line and column). */
      readonly file?: string;
      readonly line?: number;
      readonly column?: number;
    }
  >;
}

/** Thrown inside the generator; the outcome carries its `reason` (and the English text). */
export class GenerateRefused extends Error {
  constructor(readonly reason: GenerateRefusal) {
    super(refusalText(reason));
  }
}

/** Throws the refusal `code` with `params`. */
export function refuse(code: GenerateRefusalCode, params: GenerateRefusal['params'] = {}): never {
  throw new GenerateRefused({ code, params });
}

/** The outcome of a refusal: the reason as data, and its English text (`refused`, as before). */
export function refusedOutcome(reason: GenerateRefusal): {
  readonly refused: string;
  readonly reason: GenerateRefusal;
} {
  return { refused: refusalText(reason), reason };
}

const PARTS_EN: Readonly<Record<GenerateRefusalPart, string>> = {
  criterion: 'criterion {id}',
  applicable: 'criterion {id} (applicable_when)',
  variant: 'criterion {id}, variant {variant}',
  variant_when: 'criterion {id}, variant {variant} (when)',
  disqualifier: 'disqualifier {id}',
  context_when: 'context rule {rule} (when)',
  context_require: 'context rule {rule} (require)',
  required_when: 'required_when of {id}',
};

const REASONS_EN: Readonly<Record<GenerateRefusalCode, string>> = {
  not_loaded: 'not a ruleset the engine loaded',
  compiled_mismatch: 'the compiled rules file is not this ruleset’s',
  compiled_unloadable: 'the compiled rules file does not load back',
  not_json: 'the plan does not survive JSON',
  not_data: 'a part of the plan that is not data',
  closure_kept: 'a condition keeps its closure',
  points_rule: 'criterion {criterion} has a points rule, which keeps its closure',
  derived: 'derived quantities keep their closures',
  no_tree: '{part} has no checked tree',
  construct: '{part} uses {construct}, which the generated code leaves to its closure',
  not_finite: 'not a finite number: {value}',
  not_index: 'not an index: {value}',
  engine_unbuilt: 'the engine is not built (no dist/plan.cjs)',
};

const CONSTRUCTS_EN: Readonly<Record<GenerateRefusalConstruct, string>> = {
  function: 'the function {fn}(…)',
  arithmetic: 'arithmetic',
  comparison: 'a comparison',
  parameter_table:
    'the parameter table {parameter} (by {by}) compared with a value the generated code does not write beside a table (it writes a fact, a number, another table or a percentage of two whole-number facts; not a derived quantity or arithmetic)',
};

const fill = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

/** The English text of a refusal (the outcome's `refused`). */
function refusalText(reason: GenerateRefusal): string {
  const part = reason.params.part ? fill(PARTS_EN[reason.params.part], reason.params) : undefined;
  const construct = reason.params.construct ? fill(CONSTRUCTS_EN[reason.params.construct], reason.params) : undefined;
  const text = fill(REASONS_EN[reason.code], { ...reason.params, part, construct });
  const { file, line, column } = reason.params;
  return file === undefined ? text : `${text}, at ${file}:${line ?? 1}:${column ?? 1}`;
}

/**
 * Which questions apply to the area being assessed, derived from the ruleset alone.
 *
 * The context (unit kind, parent unit, flags) chooses variants; a fact applies when some
 * criterion or disqualifier reads it in a context the user's choices still allow. Rather than
 * re-implement variant selection, we ask the engine: every completion of the partial choice is
 * validated (context rules, `required_when`) and evaluated with no facts, and the trace of each
 * criterion lists exactly what it reads there (its `applicable_when`, its variant selectors and
 * the chosen variant's condition). The union over the completions is what the form shows.
 */
import { factType, type CompiledRuleset, type ContextAttributeInfo, type Diagnostic } from '@lcz/criteria-engine';

export type ContextValue = string | boolean;
/** What the user chose so far: attribute id → value; an absent key is not chosen yet. */
export type ContextChoice = Readonly<Record<string, ContextValue>>;

export interface Applicability {
  /** Context attributes to ask for, in declaration order. */
  readonly context: readonly string[];
  /** The choice without values of attributes that are not asked for (those are not submitted). */
  readonly choice: ContextChoice;
  /** Facts some criterion or disqualifier reads in a context still possible. */
  readonly facts: ReadonlySet<string>;
  /** Fact id → ids of the criteria and disqualifiers that read it in those contexts. */
  readonly readers: ReadonlyMap<string, readonly string[]>;
  /**
   * False when the choice breaks a context rule (no valid completion): facts are then derived
   * from the completions that break only context rules, so the form stays usable while the
   * message asks the user to correct the context.
   */
  readonly possible: boolean;
}

/**
 * Context combinations grow as a product; rule files have a handful of attributes. Past this
 * bound every declared fact is shown (nothing is hidden wrongly, the form is just longer).
 */
export const MAX_CONTEXT_COMBINATIONS = 4096;

export function deriveApplicability(ruleset: CompiledRuleset, userChoice: ContextChoice): Applicability {
  let choice = restrictToDeclared(ruleset, userChoice);
  let context = ruleset.context.map((a) => a.id);
  // An attribute asked only when its `required_when` can hold depends on the others' values, and
  // dropping a hidden attribute's value can hide another: repeat until nothing changes.
  for (let round = 0; round <= ruleset.context.length; round++) {
    const shown = shownContext(ruleset, choice);
    const next = pick(choice, shown);
    const stable = shown.length === context.length && Object.keys(next).length === Object.keys(choice).length;
    context = shown;
    choice = next;
    if (stable) break;
  }
  const { facts, readers, possible } = applicableFacts(ruleset, choice);
  return { context, choice, facts, readers, possible };
}

function restrictToDeclared(ruleset: CompiledRuleset, choice: ContextChoice): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const attr of ruleset.context) {
    const v = choice[attr.id];
    if (v !== undefined && domainOf(attr).includes(v)) out[attr.id] = v;
  }
  return out;
}

function pick(choice: ContextChoice, ids: readonly string[]): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const id of ids) {
    const v = choice[id];
    if (v !== undefined) out[id] = v;
  }
  return out;
}

/** Every value of an attribute, from its type (compile/fact-types): yes/no, or the declared ids. */
function domainOf(attr: ContextAttributeInfo): readonly ContextValue[] {
  return factType(attr.type).finiteValues?.(attr) ?? [];
}

type Completion = Record<string, ContextValue>;

/**
 * Every full context agreeing with the choice. An attribute with `required_when` may also be
 * absent. Undefined when there are more than MAX_CONTEXT_COMBINATIONS.
 */
function completions(ruleset: CompiledRuleset, choice: ContextChoice): Completion[] | undefined {
  const options = ruleset.context.map((attr) => {
    const chosen = choice[attr.id];
    const values: (ContextValue | undefined)[] = chosen !== undefined ? [chosen] : [...domainOf(attr)];
    if (chosen === undefined && attr.requiredWhen !== undefined) values.push(undefined);
    return { id: attr.id, values };
  });
  const size = options.reduce((n, o) => n * Math.max(1, o.values.length), 1);
  if (size > MAX_CONTEXT_COMBINATIONS) return undefined;
  let out: Completion[] = [{}];
  for (const { id, values } of options) {
    out = out.flatMap((partial) => values.map((v) => (v === undefined ? partial : { ...partial, [id]: v })));
  }
  return out;
}

function problemsOf(ruleset: CompiledRuleset, context: Completion): readonly Diagnostic[] {
  return ruleset.validateAssessment({ context, facts: {} }).diagnostics;
}

/**
 * An attribute without `required_when` is always asked. One with it is asked when, in some valid
 * completion, leaving it out is reported as missing: its `required_when` can hold.
 */
function shownContext(ruleset: CompiledRuleset, choice: ContextChoice): string[] {
  const all = completions(ruleset, choice);
  return ruleset.context
    .filter((attr) => {
      if (attr.requiredWhen === undefined || all === undefined) return true;
      return all.some((c) => {
        if (c[attr.id] === undefined || problemsOf(ruleset, c).length > 0) return false;
        const { [attr.id]: _left, ...without } = c;
        return problemsOf(ruleset, without).some(
          (d) => d.code === 'input_context_missing' && d.params['name'] === attr.id,
        );
      });
    })
    .map((a) => a.id);
}

function applicableFacts(
  ruleset: CompiledRuleset,
  choice: ContextChoice,
): { facts: Set<string>; readers: Map<string, string[]>; possible: boolean } {
  const declared = new Set(ruleset.facts.map((f) => f.id));
  const all = completions(ruleset, choice);
  if (all === undefined) return { facts: declared, readers: staticReaders(ruleset), possible: true };
  const valid: Completion[] = [];
  const ruleBreaking: Completion[] = [];
  for (const c of all) {
    const problems = problemsOf(ruleset, c);
    if (problems.length === 0) valid.push(c);
    else if (problems.every((d) => d.code === 'input_context_rule')) ruleBreaking.push(c);
  }
  const used = valid.length > 0 ? valid : ruleBreaking;
  const readers = new Map<string, string[]>();
  const note = (fact: string, reader: string) => {
    if (!declared.has(fact)) return; // a context attribute, not a question of the form
    const list = readers.get(fact) ?? [];
    if (!list.includes(reader)) list.push(reader);
    readers.set(fact, list);
  };
  for (const context of used) {
    const result = ruleset.evaluate({ context, facts: {} });
    for (const c of result.criteria) for (const r of c.facts) note(r.id, c.id);
    for (const d of result.disqualifiers) for (const r of d.facts) note(r.id, d.id);
  }
  const facts = new Set(readers.keys());
  // A whole whose part is asked is asked too, so part ≤ whole can be checked as the user types.
  for (const f of ruleset.facts) if (f.partOf !== undefined && facts.has(f.id)) facts.add(f.partOf);
  return { facts, readers: sortReaders(ruleset, readers), possible: valid.length > 0 };
}

/** Readers from the declared conditions, for rulesets with too many contexts to enumerate. */
function staticReaders(ruleset: CompiledRuleset): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const add = (reads: readonly string[], id: string) => {
    for (const r of reads) readers.set(r, [...new Set([...(readers.get(r) ?? []), id])]);
  };
  for (const c of ruleset.criteria) {
    if (c.condition) add(c.condition.reads, c.id);
    for (const v of c.variants ?? []) add(v.condition.reads, c.id);
  }
  for (const d of ruleset.disqualifiers) add(d.condition.reads, d.id);
  return sortReaders(ruleset, readers);
}

/** Readers in the ruleset's order: criteria by group, then disqualifiers. */
function sortReaders(ruleset: CompiledRuleset, readers: Map<string, string[]>): Map<string, string[]> {
  const order = new Map<string, number>();
  for (const [i, id] of [...ruleset.criteria.map((c) => c.id), ...ruleset.disqualifiers.map((d) => d.id)].entries())
    order.set(id, i);
  for (const [fact, list] of readers)
    readers.set(
      fact,
      [...list].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    );
  return readers;
}

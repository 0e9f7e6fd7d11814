/**
 * Small rule files cut from the Lai Châu one, for the rule-text fuzz: one per standard, with the
 * header, the context and only the facts that standard reads. Each is a real ruleset a few KB
 * long, so a random edit of it costs a few milliseconds where an edit of the whole 78 KB file
 * costs a few hundred (the full file keeps its own, smaller share of the inputs).
 */
import { parse, stringify } from 'yaml';

type Data = Record<string, unknown>;

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fact ids `facts` holds that `text` names as whole words, and those they name in turn. */
function factsNamedIn(text: string, facts: Data): Data {
  const wanted = new Set<string>();
  const pending = [text];
  while (pending.length > 0) {
    const next = pending.pop() ?? '';
    for (const id of Object.keys(facts)) {
      if (wanted.has(id) || !new RegExp(`\\b${id}\\b`).test(next)) continue;
      wanted.add(id);
      // A part names its whole (`part_of`), a derived fact the facts it is made of.
      pending.push(JSON.stringify(facts[id]));
    }
  }
  return Object.fromEntries(
    Object.keys(facts)
      .filter((id) => wanted.has(id))
      .map((id) => [id, facts[id]]),
  );
}

/** One rule text per standard of `text` (a ruleset in YAML), each loadable on its own. */
export function fragmentsOf(text: string): string[] {
  const doc: unknown = parse(text);
  if (!isData(doc) || !Array.isArray(doc['groups']) || !isData(doc['facts'])) {
    throw new Error('the base ruleset has no groups or facts');
  }
  const facts = doc['facts'];
  const header = {
    format: doc['format'],
    id: doc['id'],
    version: doc['version'],
    title: doc['title'],
    context: doc['context'],
    ...(doc['context_rules'] !== undefined ? { context_rules: doc['context_rules'] } : {}),
  };
  return doc['groups'].map((group: unknown) => {
    const named = factsNamedIn(JSON.stringify([group, header.context_rules ?? null]), facts);
    return stringify({
      ...header,
      facts: named,
      groups: [group],
      recognition: { group_requirement: { at_least_percent: 80 } },
    });
  });
}

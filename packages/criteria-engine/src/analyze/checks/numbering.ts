/**
 * Numbering style (`id_numbering`, a note): ids are the scheme's own ("1.3", "IPc1", "5"), so the
 * schema forces no numbering; but when the ids of a standard's criteria (or the disqualifiers)
 * follow a pattern, a stem and a number ("1.1", "1.2"…; "Ab1", "Ab2"…), an id that breaks it is
 * more often a slip than a choice, and the note says so. Never an error: the scheme decides.
 *
 * A standard may number more than one series under one prefix: prerequisites and credits
 * ("Kp1", "Kp2", then "Kc1"…"Kc9"). A second series is its own numbering, not a break, when
 * its stem is the main stem with other trailing letters after their shared start ("Kp" beside
 * "Kc") and it counts 1, 2, 3… from 1. "K3" among "Kc1", "Kc2" (the letter dropped, and 3
 * with no 1 before it) and "5.9" in standard 4 still are breaks. Nor is a marked copy of an id
 * of the list a break: letters before the number of an id that follows the main numbering ("X7"
 * beside "7", a higher tier's form of criterion 7).
 */
import type { Findings } from '../findings.js';

/** "Ab12" → { stem: "Ab", number: true }; an id that does not end in digits has no number. */
function stemOf(id: string): { readonly stem: string; readonly numbered: boolean } {
  const match = /^(.*?)(\d+)$/.exec(id);
  return match ? { stem: match[1] ?? '', numbered: true } : { stem: id, numbered: false };
}

/**
 * The stem most ids share, when at least two do and they are more than half: a pattern the
 * others are held to. Undefined when the ids follow none.
 */
function commonStem(ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const { stem, numbered } = stemOf(id);
    if (numbered) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1]) best = entry;
  return best !== undefined && best[1] >= 2 && best[1] * 2 > ids.length ? best[0] : undefined;
}

/** Whether a stem differs from `main` only in letters after a shared, non-empty start ("Kp" beside "Kc"). */
function sibling(stem: string, main: string): boolean {
  let shared = 0;
  while (shared < stem.length && shared < main.length && stem[shared] === main[shared]) shared++;
  if (shared === 0) return false;
  const letters = /^[A-Za-z]+$/;
  return letters.test(stem.slice(shared)) && letters.test(main.slice(shared));
}

/** The stems that number a series of their own: siblings of the main stem counting 1, 2, 3… */
function ownSeries(ids: readonly string[], main: string): ReadonlySet<string> {
  const numbers = new Map<string, number[]>();
  for (const id of ids) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (match === null) continue;
    const stem = match[1] ?? '';
    if (stem !== main && sibling(stem, main)) numbers.set(stem, [...(numbers.get(stem) ?? []), Number(match[2])]);
  }
  const series = new Set<string>();
  for (const [stem, list] of numbers) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.every((n, i) => n === i + 1)) series.add(stem);
  }
  return series;
}

/** "X7" when "7" is in the list under the main stem "": letters put before an id of the main numbering. */
function markedCopy(id: string, ids: readonly string[], main: string): boolean {
  const match = /^([A-Za-z]+)(.+)$/.exec(id);
  if (match === null) return false;
  const rest = match[2] ?? '';
  return rest.startsWith(main) && ids.includes(rest) && stemOf(rest).numbered && stemOf(rest).stem === main;
}

function checkList(
  findings: Findings,
  ids: readonly string[],
  pathOf: (index: number) => readonly (string | number)[],
  where: { readonly kind: 'criterion' | 'disqualifier'; readonly group: string },
): void {
  const stem = commonStem(ids);
  if (stem === undefined) return;
  const series = ownSeries(ids, stem);
  for (const [index, id] of ids.entries()) {
    const own = stemOf(id);
    if (own.numbered && (own.stem === stem || series.has(own.stem) || markedCopy(id, ids, stem))) continue;
    findings.add(
      'id_numbering',
      pathOf(index),
      {
        kind: where.kind,
        id,
        group: where.group,
        pattern: `${stem}<n>`,
        example: ids.find((i) => i !== id && stemOf(i).stem === stem) ?? '',
      },
      'info',
    );
  }
}

export function checkNumbering(findings: Findings): void {
  const doc = findings.ruleset.document;
  for (const [gi, group] of doc.groups.entries())
    checkList(
      findings,
      group.criteria.map((c) => c.id),
      (ci) => ['groups', gi, 'criteria', ci, 'id'],
      { kind: 'criterion', group: group.id },
    );
  checkList(
    findings,
    (doc.disqualifiers ?? []).map((d) => d.id),
    (di) => ['disqualifiers', di, 'id'],
    { kind: 'disqualifier', group: '' },
  );
}

/**
 * Numbering style (`id_numbering`, a note): ids are the scheme's own ("1.3", "IPc1", "5"), so the
 * schema forces no numbering; but when the ids of a standard's criteria (or the disqualifiers)
 * follow a pattern, a stem and a number ("1.1", "1.2"…; "Ab1", "Ab2"…), an id that breaks it is
 * more often a slip than a choice, and the note says so. Never an error: the scheme decides.
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

function checkList(
  findings: Findings,
  ids: readonly string[],
  pathOf: (index: number) => readonly (string | number)[],
  where: { readonly kind: 'criterion' | 'disqualifier'; readonly group: string },
): void {
  const stem = commonStem(ids);
  if (stem === undefined) return;
  for (const [index, id] of ids.entries()) {
    const own = stemOf(id);
    if (own.numbered && own.stem === stem) continue;
    findings.add(
      'id_numbering',
      pathOf(index),
      { kind: where.kind, id, group: where.group, pattern: `${stem}<n>`, example: ids.find((i) => i !== id) ?? '' },
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

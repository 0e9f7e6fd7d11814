/**
 * Word-level differences of the texts people read (criterion texts, notes, titles), with jsdiff.
 * Texts are compared after Unicode NFC normalisation and collapsing white space, so a reflowed
 * YAML block scalar or a precomposed/decomposed "ễ" is not reported as a rewording.
 *
 * A number is one word with its separators and unit sign ("6.3", "2020-2025", "1.234,5", "98%"):
 * a reader must see "[-98%-]{+99%+}", never "6.[-3-]{+4+}" or "[-2020-]{+2026+}-[-2025-]{+2030+}".
 */
import { diffArrays } from 'diff';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import type { PresenceChange, TextChange, WordPart } from './ruleset-diff.js';

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  return normaliseText(a.vi) === normaliseText(b.vi) && normaliseText(a.en) === normaliseText(b.en);
}

function wordDiff(before: string, after: string): WordPart[] {
  const a = normaliseText(before);
  const b = normaliseText(after);
  if (a === b) return [];
  const parts: WordPart[] = [];
  for (const change of diffArrays(tokens(a), tokens(b))) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last !== undefined && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  }
  return regroup(parts);
}

/** Numbers (with their separators and %), words, runs of spaces, and single other characters. */
const TOKEN = /\d+(?:[.,:/\-–]\d+)*%?|[\p{L}\p{M}\p{N}_]+|\s+|[^\s\p{L}\p{M}\p{N}_]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Consecutive non-"same" parts (with single spaces between) merged into one removal and one addition. */
function regroup(parts: readonly WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    // A side that only gathered the spaces between changes of the other side has no words.
    if (removed.trim() === '') removed = '';
    if (added.trim() === '') added = '';
    // Spaces both sides start or end with are outside the markers.
    const lead = removed !== '' && added !== '' ? commonSpace(removed, added, /^\s*/) : '';
    const trail = removed !== '' && added !== '' ? commonSpace(removed, added, /\s*$/) : '';
    const cut = (t: string) => t.slice(lead.length, t.length - trail.length);
    if (lead !== '') out.push({ op: 'same', text: lead });
    if (removed !== '') out.push({ op: 'removed', text: cut(removed) });
    if (added !== '') out.push({ op: 'added', text: cut(added) });
    if (trail !== '') out.push({ op: 'same', text: trail });
    removed = '';
    added = '';
  };
  for (const [i, p] of parts.entries()) {
    const inRun = removed !== '' || added !== '';
    const next = parts[i + 1];
    if (p.op === 'removed') removed += p.text;
    else if (p.op === 'added') added += p.text;
    else if (inRun && /^\s+$/.test(p.text) && next !== undefined && next.op !== 'same') {
      // A space between two changes is in both texts: it belongs to both sides of the replacement.
      removed += p.text;
      added += p.text;
    } else {
      flush();
      out.push(p);
    }
  }
  flush();
  // Spaces moved out of a replacement may sit beside unchanged text: one part per run.
  return out.reduce<WordPart[]>((merged, p) => {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.op === p.op) merged[merged.length - 1] = { op: p.op, text: last.text + p.text };
    else merged.push(p);
    return merged;
  }, []);
}

/** The change of a text, or undefined when it reads the same. */
export function textChange(before: LocalizedText, after: LocalizedText): TextChange | undefined {
  if (sameText(before, after)) return undefined;
  return { before, after, words: { vi: wordDiff(before.vi, after.vi), en: wordDiff(before.en, after.en) } };
}

/** An optional text (a note, a label): added, removed or reworded; undefined when unchanged. */
export function optionalTextChange(
  before: LocalizedText | undefined,
  after: LocalizedText | undefined,
): TextChange | PresenceChange<LocalizedText> | undefined {
  if (before !== undefined && after !== undefined) return textChange(before, after);
  if (before === undefined && after === undefined) return undefined;
  return { before: before ?? null, after: after ?? null };
}

function commonSpace(a: string, b: string, at: RegExp): string {
  const x = at.exec(a)?.[0] ?? '';
  const y = at.exec(b)?.[0] ?? '';
  return x.length <= y.length ? x : y;
}

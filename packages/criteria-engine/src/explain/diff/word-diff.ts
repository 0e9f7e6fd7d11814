/**
 * Word-level differences of the texts people read (criterion texts, notes, titles), with jsdiff.
 * Texts are compared after Unicode NFC normalisation and collapsing white space, so a reflowed
 * YAML block scalar or a precomposed/decomposed "ễ" is not reported as a rewording.
 */
import { diffWords } from 'diff';
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
  for (const change of diffWords(a, b)) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (last !== undefined && last.op === op) parts[parts.length - 1] = { op, text: last.text + change.value };
    else parts.push({ op, text: change.value });
  }
  return parts;
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

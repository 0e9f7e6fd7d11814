/**
 * The header and signature part of a printed document in the layout of Nghị định 30/2020/NĐ-CP:
 * issuing body top left, national name and motto top right with the "<place>, ngày … tháng …
 * năm …" line under them, signature blocks at the foot. Every word of it comes from the rule
 * file or the targets file (`letterhead:`); this module only lays it out and writes dates in
 * the Vietnamese form. Shared by the official table (`lcz docs`) and the city report.
 */
import type { LetterheadDocument, LocalizedText } from '../../validate/ruleset-document.js';

export type LetterheadLang = keyof LocalizedText;

export interface Signer {
  readonly title: string;
  readonly position?: string;
  readonly note?: string;
}

export interface Letterhead {
  readonly superiorBody?: string;
  readonly issuingBody?: string;
  readonly nationalName?: string;
  readonly motto?: string;
  /** "Lai Châu, ngày 05 tháng 01 năm 2024", or with dots to fill in; absent without a place. */
  readonly placeDate?: string;
  readonly signers: readonly Signer[];
}

export interface LetterheadOptions {
  /** The area's ward/commune, put where the texts say `{unit}`; dots to fill in without it. */
  readonly unit?: string;
  /** YYYY-MM-DD; without it the date is left as dots to fill in. */
  readonly date?: string;
}

const BLANK_UNIT = '……………………';
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function letterhead(
  doc: LetterheadDocument | undefined,
  lang: LetterheadLang,
  options: LetterheadOptions = {},
): Letterhead | null {
  if (doc === undefined) return null;
  const text = (t: LocalizedText | undefined) => (t === undefined ? undefined : withUnit(t[lang], options.unit));
  const out: { -readonly [K in keyof Letterhead]: Letterhead[K] } = { signers: [] };
  const set = (key: 'superiorBody' | 'issuingBody' | 'nationalName' | 'motto', t: LocalizedText | undefined) => {
    const value = text(t);
    if (value !== undefined) out[key] = value;
  };
  set('superiorBody', doc.superior_body);
  set('issuingBody', doc.issuing_body);
  set('nationalName', doc.national_name);
  set('motto', doc.motto);
  if (doc.place !== undefined) out.placeDate = placeDateLine(doc.place[lang], options.date, lang);
  out.signers = (doc.signers ?? []).map((s) => ({
    title: withUnit(s.title[lang], options.unit),
    ...(s.position ? { position: withUnit(s.position[lang], options.unit) } : {}),
    ...(s.note ? { note: withUnit(s.note[lang], options.unit) } : {}),
  }));
  return out;
}

/**
 * `{unit}` → the unit's name, in capitals when the text around it is in capitals (a body's name
 * in a header is written in capitals: "ỦY BAN NHÂN DÂN XÃ SAN THÀNH").
 */
function withUnit(template: string, unit: string | undefined): string {
  if (!template.includes('{unit}')) return template;
  const rest = template.replace(/\{unit\}/g, '');
  const capitals = rest === rest.toLocaleUpperCase('vi') && /\p{L}/u.test(rest);
  const name = unit === undefined || unit.trim() === '' ? BLANK_UNIT : capitals ? unit.toLocaleUpperCase('vi') : unit;
  return template.replace(/\{unit\}/g, name);
}

/**
 * The date in words as Nghị định 30/2020/NĐ-CP writes it: "ngày 05 tháng 01 năm 2024" (a zero
 * before days under 10 and months 1 and 2); in English "5 January 2024". Not a date: as given.
 */
export function writtenDate(iso: string, lang: LetterheadLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [, year = '', month = '', day = ''] = match;
  const m = Number(month);
  const d = Number(day);
  if (lang === 'en') return `${d} ${MONTHS_EN[m - 1] ?? month} ${year}`;
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : String(m)} năm ${year}`;
}

/** A date in figures, Vietnamese style: 05/01/2024 (en: the same, day first, as in Vietnam). */
export function shortDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match === null ? iso : `${match[3]}/${match[2]}/${match[1]}`;
}

export function placeDateLine(place: string, date: string | undefined, lang: LetterheadLang): string {
  if (date !== undefined) return `${place}, ${writtenDate(date, lang)}`;
  return lang === 'vi' ? `${place}, ngày …… tháng …… năm ……` : `${place}, …… ……………… ……`;
}

/**
 * The page rules of Nghị định 30/2020/NĐ-CP for A4: margins top 20–25 mm, bottom 20–25 mm, left
 * 30–35 mm, right 15–20 mm (the smallest of each, so the most text fits); page numbers in Arabic
 * figures centred in the top margin, not on the first page.
 */
export const DECREE_PAGE_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", serif; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
`;

export const LETTERHEAD_CSS = `
.letterhead { display: flex; justify-content: space-between; gap: 4mm; margin: 0 0 6mm; text-align: center; break-inside: avoid; }
.letterhead .body { flex: 0 1 42%; }
.letterhead .state { flex: 0 1 58%; }
.letterhead p { margin: 0; line-height: 1.3; }
.letterhead .superior { text-transform: none; font-size: 12pt; }
.letterhead .issuing, .letterhead .national { font-weight: bold; font-size: 12pt; }
.letterhead .motto { font-weight: bold; font-size: 13pt; }
.letterhead .rule { width: 30%; margin: 1mm auto 0; border-top: 1px solid #000; }
.letterhead .motto + .rule { width: 55%; }
.letterhead .place-date { font-style: italic; margin-top: 3mm; }
.signers { display: flex; justify-content: space-between; gap: 6mm; margin: 6mm 0 0; break-inside: avoid; }
.signers .signer { flex: 1 1 0; text-align: center; }
.signers .signer p { margin: 0; }
.signers .title, .signers .position { font-weight: bold; }
.signers .note { font-style: italic; }
.signers .space { height: 25mm; }
`;

/** The header: body on the left, state on the right (either may be absent). */
export function letterheadHtml(l: Letterhead, esc: (text: string) => string): string {
  const p = (cls: string, text: string | undefined) => (text === undefined ? '' : `<p class="${cls}">${esc(text)}</p>`);
  const body =
    l.superiorBody === undefined && l.issuingBody === undefined
      ? ''
      : `${p('superior', l.superiorBody)}${p('issuing', l.issuingBody)}<div class="rule"></div>`;
  const state =
    (l.nationalName === undefined ? '' : p('national', l.nationalName)) +
    (l.motto === undefined ? '' : `${p('motto', l.motto)}<div class="rule"></div>`) +
    p('place-date', l.placeDate);
  return `<header class="letterhead"><div class="body">${body}</div><div class="state">${state}</div></header>`;
}

/** The signature blocks, side by side, each with room to sign. */
export function signersHtml(signers: readonly Signer[], esc: (text: string) => string): string {
  if (signers.length === 0) return '';
  const block = (s: Signer) =>
    `<div class="signer"><p class="title">${esc(s.title)}</p>` +
    (s.position === undefined ? '' : `<p class="position">${esc(s.position)}</p>`) +
    (s.note === undefined ? '' : `<p class="note">${esc(s.note)}</p>`) +
    '<div class="space"></div></div>';
  return `<section class="signers">${signers.map(block).join('')}</section>`;
}

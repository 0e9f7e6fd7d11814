/**
 * How a template column asks for its value: the words of its header note and instructions row,
 * and its XLSX data validation. One entry per kind of input, found for a fact or context column
 * through the engine's fact-type registry (compile/fact-types/: the type's `fastCell`, how its
 * cells are read) and for an identity column by its own type, so no code here switches on fact
 * type names: a new fact type reads its cells as one of these kinds and gets its template too.
 */
import { FACT_TYPES, type FastCell } from '@lcz/criteria-engine/runtime';
import type ExcelJS from 'exceljs';
import { FALSE_WORDS, TRUE_WORDS } from './cells.js';
import type { BatchColumn, ColumnType } from './columns.js';

export const YES = 'Có';
export const NO = 'Không';

export interface InputKind {
  /** The value asked for, in Vietnamese and English, with its bounds or choices. */
  words(c: BatchColumn): string;
  /** Data validation for the column's cells; `listRef` is the range of its choices, if it has some. */
  validation(c: BatchColumn, listRef: string | undefined): ExcelJS.DataValidation | undefined;
}

/** Excel limits a validation's title to 32 characters and its messages to 255. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function bounds(c: BatchColumn): string {
  return [c.min !== undefined ? `≥ ${c.min}` : '', c.max !== undefined ? `≤ ${c.max}` : ''].filter(Boolean).join(', ');
}

function common(c: BatchColumn) {
  return {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    showInputMessage: true,
    promptTitle: clip(c.id, 32),
    prompt: clip(`${c.label.vi} / ${c.label.en}`, 255),
  } as const;
}

const lo = (c: BatchColumn): number => c.min ?? -2_147_483_647;
const hi = (c: BatchColumn): number => c.max ?? 2_147_483_647;

const WHOLE: InputKind = {
  words: (c) => `Số nguyên (1234 hoặc 1.234) / whole number (1234 or 1,234)${bounds(c) ? ` (${bounds(c)})` : ''}`,
  validation: (c) => ({
    ...common(c),
    type: 'whole',
    operator: 'between',
    formulae: [lo(c), hi(c)],
    errorTitle: 'Số nguyên / Whole number',
    error: clip(
      `Nhập số nguyên${c.min !== undefined ? ` từ ${c.min}` : ''}${c.max !== undefined ? ` đến ${c.max}` : ''}; để trống nếu chưa biết. / Enter a whole number${c.min !== undefined ? ` from ${c.min}` : ''}${c.max !== undefined ? ` to ${c.max}` : ''}; leave empty if unknown.`,
      255,
    ),
  }),
};

const DECIMAL: InputKind = {
  words: (c) => {
    const places =
      c.decimals !== undefined ? `; tối đa ${c.decimals} chữ số thập phân / at most ${c.decimals} decimal places` : '';
    return `Số (1.5 hoặc 1,5) / number (1.5 or 1,5)${bounds(c) ? ` (${bounds(c)})` : ''}${places}`;
  },
  validation: (c) => ({
    ...common(c),
    type: 'decimal',
    operator: 'between',
    formulae: [lo(c), hi(c)],
    errorTitle: 'Số / Number',
    error: clip('Nhập một số; để trống nếu chưa biết. / Enter a number; leave empty if unknown.', 255),
  }),
};

/** A choice: one of the declared values (a list), or yes/no when the type has no list (boolean). */
const CHOICE: InputKind = {
  words: (c) =>
    c.values
      ? `Một trong / one of: ${c.values.map((v) => `${v.label.vi} = ${v.label.en}`).join('; ')}`
      : `Có/Không · Yes/No (${TRUE_WORDS.join(', ')}, x | ${FALSE_WORDS.join(', ')})`,
  validation: (c, listRef) => {
    if (c.values)
      return listRef === undefined
        ? undefined
        : {
            ...common(c),
            type: 'list',
            formulae: [listRef],
            errorTitle: 'Danh sách / List',
            error:
              'Chọn một giá trị trong danh sách; để trống nếu chưa biết. / Choose a value from the list; leave empty if unknown.',
          };
    return {
      ...common(c),
      type: 'list',
      formulae: [`"${YES},${NO}"`],
      errorTitle: 'Có/Không - Yes/No',
      error: 'Chọn Có hoặc Không; để trống nếu chưa biết. / Choose Có (yes) or Không (no); leave empty if unknown.',
    };
  },
};

/** Fact and context columns, by how their type's cells are read. */
const BY_CELL: Readonly<Record<FastCell, InputKind>> = { integer: WHOLE, decimal: DECIMAL, choice: CHOICE };

/** Identity columns, by their own type. */
const IDENTITY: Readonly<Record<Exclude<ColumnType, keyof typeof FACT_TYPES>, InputKind>> = {
  year: {
    words: (c) => `Năm / year: ${exampleOf(c).slice(0, 4)}`,
    validation: (c) => ({
      ...common(c),
      type: 'whole',
      operator: 'between',
      formulae: [1900, 2100],
      errorTitle: 'Năm / Year',
      error: `Nhập năm, ví dụ ${exampleOf(c).slice(0, 4)}. / Enter a year, e.g. ${exampleOf(c).slice(0, 4)}.`,
    }),
  },
  date: {
    words: (c) => `Ngày / date: ${exampleOf(c)} hoặc/or ${dayFirst(exampleOf(c))}`,
    validation: (c) => ({
      ...common(c),
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      errorTitle: 'Ngày / Date',
      error: `Nhập ngày, ví dụ ${exampleOf(c)}. / Enter a date, e.g. ${exampleOf(c)}.`,
    }),
  },
  text: { words: () => 'Văn bản / text', validation: () => undefined },
};

/** The column's example date (a day the rules are in force, columns.ts), ISO. */
function exampleOf(c: BatchColumn): string {
  return c.example ?? '2024-10-10';
}

/** 2026-10-10 → 10/10/2026, as the date cells also take it. */
function dayFirst(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function inputKindOf(c: BatchColumn): InputKind {
  const type = c.type;
  // An identity column is text, a year or a date; every other column has a fact type.
  return type === 'text' || type === 'year' || type === 'date' ? IDENTITY[type] : BY_CELL[FACT_TYPES[type].fastCell];
}

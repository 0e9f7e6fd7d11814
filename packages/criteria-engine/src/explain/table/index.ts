/**
 * explain/table/: the official table of criteria as the source document prints it, blank (to
 * print and fill in) or filled in from an evaluation, as Markdown or a printable HTML page.
 */
export {
  officialTable,
  tableMessages,
  type OfficialTable,
  type OfficialTableOptions,
  type TableField,
  type TableHeadings,
  type TableLang,
  type TableMark,
  type TableRow,
  type TableRuleset,
} from './official-table.js';
export { renderTableMarkdown } from './render-table-markdown.js';
export { renderTableHtml } from './render-table-html.js';
export { tableEn as tableMessagesEn, type TableMessageKey, type TableMessages } from './messages/en.js';
export { tableVi as tableMessagesVi } from './messages/vi.js';
export {
  DECREE_PAGE_CSS,
  LETTERHEAD_CSS,
  letterhead,
  letterheadHtml,
  placeDateLine,
  shortDate,
  signersHtml,
  writtenDate,
  type Letterhead,
  type LetterheadLang,
  type LetterheadOptions,
  type Signer,
} from './letterhead.js';

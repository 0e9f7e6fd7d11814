/**
 * One entry point for every format: Markdown and HTML as text, CSV as text (with a byte-order
 * mark), XLSX as bytes.
 */
import { checkLanguage } from '@lcz/criteria-engine/tools';
import type { CityReport } from '../model.js';
import { renderCsv } from './csv.js';
import { reportDocument, type Lang } from './document.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { reportWorkbook } from './xlsx.js';

export type ReportFormat = 'md' | 'html' | 'csv' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv', 'xlsx'];

export interface RenderReportOptions {
  readonly format: ReportFormat;
  readonly lang?: Lang;
}

export async function renderReport(report: CityReport, options: RenderReportOptions): Promise<string | Uint8Array> {
  const lang = options.lang ?? 'vi';
  checkLanguage(lang, 'renderReport');
  switch (options.format) {
    case 'md':
      return renderMarkdown(reportDocument(report, { lang }));
    case 'html':
      return renderHtml(report, { lang });
    case 'csv':
      return renderCsv(reportDocument(report, { lang }));
    case 'xlsx':
      return new Uint8Array(await reportWorkbook(reportDocument(report, { lang })).xlsx.writeBuffer());
  }
}

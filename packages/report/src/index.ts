/**
 * @lcz/criteria-report — the city report: evaluated residential areas aggregated per year, per
 * ward/commune, per standard and per criterion (pure and streaming), progress against programme
 * targets kept as data (a YAML file with its own schema), rendered as Markdown, a self-contained
 * HTML page with SVG charts, CSV or XLSX, in Vietnamese or English. Inputs are read with
 * @lcz/criteria-batch. Nothing here knows any particular scheme.
 */
export { aggregate, ReportAggregator, type AggregateOptions, type ReportRuleset } from './aggregate.js';
export type {
  CityReport,
  CriterionFigures,
  DerivedFigures,
  LevelFigures,
  ReportEntry,
  ReportSource,
  StandardFigures,
  UnitFigures,
  YearFigures,
} from './model.js';
export { loadTargets, type TargetsLoad } from './targets/load-targets.js';
export { requiredCount, type TargetProgress, type TargetsInfo } from './targets/progress.js';
export type {
  FactMeasure,
  TargetDocument,
  TargetGoal,
  TargetMeasure,
  Targets,
  TargetsDocument,
} from './targets/targets-document.js';
export { readEntries, type InputRow, type ReadEntriesOptions } from './inputs/read-entries.js';
export { REGISTERED_FIELD, REGISTERED_HEADERS } from './inputs/registered.js';
export { renderReport, REPORT_FORMATS, type RenderReportOptions, type ReportFormat } from './render/render.js';
export { reportDocument, reportMessages, type Lang, type ReportDocument } from './render/document.js';
export type { Column, ColumnKind, CellValue, Table } from './render/table.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { renderCsv } from './render/csv.js';
export { reportWorkbook, writeXlsx } from './render/xlsx.js';
export {
  formatProblem,
  formatProblems,
  hasProblemErrors,
  REPORT_PROBLEM_CODES,
  type ReportProblem,
  type ReportProblemCode,
} from './problems.js';

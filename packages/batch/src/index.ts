/**
 * @lcz/criteria-batch — assessments in bulk, for Node: read CSV, XLSX, JSON, JSON Lines and YAML
 * files row by row, evaluate them streaming, write results (JSON Lines) and a summary table
 * (CSV, XLSX), and write blank input templates. The column layout comes from the ruleset.
 */
export { readBatch, type BatchSource, type ReadBatchOptions } from './read-batch.js';
export { detectBatchFormat, isListDocument, otherSpreadsheet } from './formats/detect.js';
export { chooseDelimiter } from './delimiter.js';
// A second reader of the same CSV (the report's registered column) decodes it as readBatch does.
export { csvEncoding, decodedText } from './formats/encoding.js';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './formats/xlsx-limits.js';
export {
  evaluateBatch,
  OutputError,
  outputsWritten,
  type BatchProblemRow,
  type BatchProgress,
  type BatchSummary,
  type EvaluateBatchOptions,
} from './evaluate-batch.js';
export { readResultLines, type BatchResultLine } from './results.js';
export { batchColumns, headerLabel, type BatchColumn, type ColumnType } from './columns.js';
export {
  writeAssessments,
  writeTemplate,
  type BatchInputRow,
  type InputValue,
  type RawCell,
  type TemplateOptions,
} from './template.js';
export { FALSE_WORDS, TRUE_WORDS } from './cells.js';
export { DECISION_WORDS, type Lang, type SummaryDecision } from './words.js';
export { formatBatchDiagnostic } from './format.js';
export { BATCH_DIAGNOSTIC_CODES, type BatchDiagnosticCode, type BatchDiagnosticParams } from './diagnostic-codes.js';
export type { BatchArea, BatchFormat, BatchRecord } from './record.js';
export { safeCsvCell, safeCsvRow } from './writers/csv-cell.js';
/** For a second reader of the same workbook (the report's registered column): the unzipper's errors, raced. */
export { raced, zipFailure } from './formats/xlsx.js';

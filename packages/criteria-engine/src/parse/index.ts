/** The parse stage: YAML text → plain data with source positions. Imports only diagnostics/. */
export { parseYaml } from './parse-yaml.js';
export type { ParseLimits } from './limits.js';
export type { DocumentPath, ParsedDocument } from './parsed-document.js';

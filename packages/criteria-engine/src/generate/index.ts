/**
 * Generated code for compiled rules: `decide` as an ES module written by `lcz build` beside the
 * compiled rules file (decide-code.ts), and its binding to a loaded plan (bind-generated.ts).
 */
export type { GeneratedCode } from './decide-code.js';
export type { GeneratedModule } from './bind-generated.js';
export { generateDecideCode, type GenerateOutcome } from './generate-for.js';
export { generatedModulePath } from './module-path.js';
export { usesGeneratedDecide } from './plan-of.js';
export {
  GENERATE_REFUSAL_CODES,
  GENERATE_REFUSAL_CONSTRUCTS,
  GENERATE_REFUSAL_PARTS,
  type GenerateRefusal,
  type GenerateRefusalCode,
  type GenerateRefusalConstruct,
  type GenerateRefusalPart,
  type GenerateRefusalSubject,
} from './refusal.js';

/**
 * @lcz/criteria-http — the criteria engine over HTTP: a Fastify plugin apps mount, and a
 * standalone server. Endpoints under /v1 (rulesets, input schemas, evaluate, batch, explain, rule
 * file validation, OpenAPI 3.1), /healthz and /readyz; errors as RFC 9457 problems.
 */
export { criteriaHttp, criteriaHttp as default } from './plugin.js';
export { answerFrameworkError } from './client-errors.js';
export { createServer, DEFAULT_REQUEST_TIMEOUT_MS, type ServerOptions } from './server.js';
export {
  DEFAULT_LIMITS,
  CriteriaHttpOptionsError,
  type CriteriaHttpOptions,
  type Limits,
  type RecordsHttpOptions,
} from './options.js';
export { DEFAULT_PROBLEM_TYPE_BASE, PROBLEM_KINDS, PROBLEM_MEDIA_TYPE } from './problem.js';
export type { Problem, ProblemEntry, ProblemKind } from './problem.js';

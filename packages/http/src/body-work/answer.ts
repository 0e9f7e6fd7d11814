/**
 * A request of a route the body workers serve, answered in a worker as the HTTP thread would have
 * answered it: the body decoded and parsed as the JSON body parser does (body-parsers.ts), the
 * route's handler run, and the outcome, a problem or a thrown error turned into the bytes of the
 * answer the route adapter and the error handler would have sent. So the answers are the same,
 * byte for byte, with or without the workers (a test compares them on every route).
 */
import { JSON_MEDIA, ROUTES } from '../api.js';
import type { HandlerContext, Outcome } from '../handlers/context.js';
import { bodyText, parseJsonBody, ProblemError } from '../json-body.js';
import { PROBLEM_KINDS, PROBLEM_MEDIA_TYPE, problemText, type ProblemEntry, type ProblemKind } from '../problem.js';
import { mapTransportError } from '../transport-errors.js';
import type { AnswerJob, AnswerLog, AnswerReply, ParseJob, ParseReply } from './protocol.js';

const encoder = new TextEncoder();

export async function answer(
  ctx: HandlerContext,
  typeBase: string,
  job: AnswerJob,
  signal: AbortSignal,
): Promise<AnswerReply> {
  const problem = (kind: ProblemKind, errors: readonly ProblemEntry[], log?: AnswerLog): AnswerReply => ({
    kind: 'answer',
    job: job.job,
    status: PROBLEM_KINDS[kind].status,
    contentType: PROBLEM_MEDIA_TYPE,
    bytes: encoder.encode(problemText(kind, errors, { lang: job.lang, url: job.url, typeBase })),
    ...(log ? { log } : {}),
  });
  let outcome: Outcome;
  try {
    const route = ROUTES.find((r) => r.operationId === job.operationId && r.worker === true);
    if (route === undefined) throw new Error(`criteria-http: no route ${job.operationId} for the body workers`);
    const body =
      job.bytes === undefined ? undefined : parseJsonBody(bodyText(asBuffer(job.bytes)), ctx.limits.objectKeys);
    outcome = await route.handle(ctx, {
      ...(body !== undefined ? { body } : {}),
      params: {},
      query: job.query,
      lang: job.lang,
      signal,
    });
  } catch (error) {
    // What Fastify's error handler (problem-answers.ts) answers and logs for the same error.
    const mapped = mapTransportError(error, {
      accepts: JSON_MEDIA,
      contentType: job.contentType,
      bodyLimit: ctx.limits.bodyBytes,
      handlerTimeoutMs: ctx.limits.handlerTimeoutMs,
      requestId: job.requestId,
    });
    const log: AnswerLog = mapped.unexpected
      ? { level: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
      : { level: 'info', problem: mapped.kind, codes: mapped.errors.map((e) => e.code) };
    return problem(mapped.kind, mapped.errors, log);
  }
  if ('problem' in outcome) return problem(outcome.problem, outcome.errors);
  return {
    kind: 'answer',
    job: job.job,
    status: outcome.status,
    contentType: outcome.contentType,
    bytes: encoder.encode(JSON.stringify(outcome.body)),
  };
}

/** A large JSON body of a route served on the HTTP thread: parsed here, its value sent back. */
export function parse(ctx: HandlerContext, job: ParseJob): ParseReply {
  try {
    return { kind: 'parse', job: job.job, value: parseJsonBody(bodyText(asBuffer(job.bytes)), ctx.limits.objectKeys) };
  } catch (error) {
    if (error instanceof ProblemError)
      return { kind: 'parse', job: job.job, problem: { kind: error.kind, errors: error.errors } };
    return {
      kind: 'parse',
      job: job.job,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A body worker (a worker thread): answers the requests of the routes that read an assessment
 * (evaluate, decide, explain, batch: RouteSpec.worker), from the body's bytes to the answer's
 * bytes, and parses the large JSON bodies of the other routes. The decoding, the parse, the key
 * scan, the checks, the evaluation and the serialisation of a 1 MB body cost tens of
 * milliseconds of CPU in one piece and leave megabytes of objects to collect: here they hold this
 * thread, never the HTTP thread's event loop, which goes on answering /healthz and reading
 * sockets. Built as its own file (package.json "workers"); body-pool.ts starts it.
 *
 * One job at a time: the pool gives a worker its next job only when it has answered the last, so
 * a job that must be stopped (given up and not stopping) costs one worker, terminated.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { loadCompiledRuleset, type CompiledRuleset, type GeneratedModule } from '@lcz/criteria-engine';
import type { HandlerContext } from '../handlers/context.js';
import { RulesetRegistry } from '../registry.js';
import { RulesChecker } from '../rules-check/rules-checker.js';
import { answer, parse } from './answer.js';
import type { AnswerReply, ToWorker, WorkerSetup } from './protocol.js';

function workerPort(): MessagePort {
  if (parentPort === null) throw new Error('body-worker.ts runs as a worker thread (body-pool.ts starts it)');
  return parentPort;
}
const port = workerPort();
// cast: body-pool.ts starts every body worker with a WorkerSetup as its workerData
const setup = workerData as WorkerSetup;

/** The HTTP thread's rulesets, loaded from their compiled form: same documents, same hash. */
async function loadRulesets(): Promise<CompiledRuleset[]> {
  const loaded: CompiledRuleset[] = [];
  for (const { compiled, generated } of setup.rulesets) {
    const module: GeneratedModule | undefined = generated !== undefined ? await import(generated) : undefined;
    const result = loadCompiledRuleset(compiled, module !== undefined ? { generated: module } : {});
    // Failing here is the engine's bug: the HTTP thread loaded the same rules.
    if (result.value === undefined)
      throw new Error(
        `a body worker could not load ruleset ${compiled.id}: ${result.diagnostics.map((d) => d.code).join(', ')}`,
      );
    loaded.push(result.value);
  }
  return loaded;
}

function contextOf(rulesets: readonly CompiledRuleset[]): HandlerContext {
  return {
    registry: new RulesetRegistry(rulesets),
    limits: setup.limits,
    allowInlineRules: setup.allowInlineRules,
    basePath: setup.basePath,
    // Neither is used by the routes served here (their handlers never call them).
    openapi: () => {
      throw new Error('criteria-http: the OpenAPI document is served by the HTTP thread');
    },
    rulesChecker: new RulesChecker(setup.limits.rulesCheckMs),
  };
}

/** The job being answered, to stop when the HTTP thread gives it up. */
let running: { readonly job: number; readonly abort: AbortController } | undefined;

/** A failure outside a handler is this package's bug: thrown, it ends the worker, and the pool answers 500. */
function fail(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

function serve(ctx: HandlerContext): void {
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'abort') {
      if (running?.job === message.job) running.abort.abort(new Error('criteria-http: the request was given up'));
      return;
    }
    if (message.kind === 'parse') {
      const reply = parse(ctx, message);
      port.postMessage(reply);
      return;
    }
    const abort = new AbortController();
    running = { job: message.job, abort };
    void answer(ctx, setup.typeBase, message, abort.signal).then((reply: AnswerReply) => {
      running = undefined;
      // The answer's bytes move to the HTTP thread without a copy (the encoder's array is its own).
      const buffer = reply.bytes.buffer;
      port.postMessage(reply, buffer instanceof ArrayBuffer ? [buffer] : []);
    }, fail);
  });
  // Loaded: jobs may come.
  port.postMessage('ready');
}

// No top-level await: the package is also built as CommonJS.
loadRulesets().then((rulesets) => serve(contextOf(rulesets)), fail);

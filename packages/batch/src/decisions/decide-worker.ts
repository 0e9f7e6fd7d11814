/**
 * A decide worker (worker thread): reads blocks of a CSV file's body with the same CsvDecisions
 * the main thread uses, and sends back each block's decided runs and careful records. The
 * protocol and the pool are in decide-workers.ts; this file is the thread's entry point (built as
 * its own file, see package.json "workers").
 *
 * The ruleset comes as a compiled rules file (`compiledRulesOf` in the main thread) and is
 * loaded through the engine's runtime entry: no YAML parser, no schema validation, a few
 * milliseconds. It is the main thread's ruleset (same documents, same hash), so both decide by
 * the same rules.
 */
import { parentPort } from 'node:worker_threads';
import { loadCompiledRuleset, type CompiledRuleset } from '@lcz/criteria-engine/runtime';
import { CsvDecisions, isDecidedRun } from './csv-decision-reader.js';
import type { BlockReply, ToWorker } from './decide-protocol.js';

const port = parentPort;
if (port === null) throw new Error('decide-worker.ts runs as a worker thread (decide-workers.ts starts it)');

/** Rulesets by hash: a pool kept across batches (the tests') loads each one once. */
const rulesets = new Map<string, CompiledRuleset>();
const batches = new Map<number, CsvDecisions>();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'batch') {
    let ruleset = rulesets.get(message.compiled.hash);
    if (ruleset === undefined) {
      const loaded = loadCompiledRuleset(message.compiled);
      // Made by compiledRulesOf from a ruleset that loaded: failing here is the engine's bug.
      if (loaded.value === undefined) {
        throw new Error(
          `a decide worker could not load ruleset ${message.compiled.hash}: ${loaded.diagnostics.map((d) => d.code).join(', ')}`,
        );
      }
      ruleset = loaded.value;
      rulesets.set(message.compiled.hash, ruleset);
    }
    batches.set(
      message.batch,
      CsvDecisions.forBody(ruleset, message.file, message.delimiter, message.lines, message.header),
    );
    return;
  }
  if (message.kind === 'end') {
    batches.delete(message.batch);
    return;
  }
  const decisions = batches.get(message.batch);
  if (decisions === undefined)
    throw new Error(`block ${message.block} of a batch this worker was not given (${message.batch})`);
  decisions.seek(message.row, message.line);
  const error = decisions.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length), true);
  const items = decisions.take();
  const reply: BlockReply = {
    kind: 'block',
    block: message.block,
    items,
    ...decisions.position,
    ...(error ? { error } : {}),
  };
  // The result lines move to the main thread without a copy (each run's bytes are its own buffer).
  port.postMessage(
    reply,
    items.flatMap((item) =>
      isDecidedRun(item) && item.lines.byteLength > 0 ? [item.lines.buffer as ArrayBuffer] : [],
    ),
  );
});

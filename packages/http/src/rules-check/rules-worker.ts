/**
 * The rules worker (a worker thread): parses, validates and compiles the rule texts sent to
 * POST /v1/rules/validate, one at a time. A rule text is the one input whose cost the server
 * cannot bound by its size (a 0.25 MB file once took 19 s to check), so it is checked here,
 * where the HTTP thread can stop it (Worker.terminate) when it runs past limits.rulesCheckMs,
 * and where its memory is capped (resourceLimits), while /healthz and every other request go on.
 * Built as its own file (package.json "workers"); rules-checker.ts starts it.
 */
import { parentPort } from 'node:worker_threads';
import { capDiagnostics, loadRuleset } from '@lcz/criteria-engine';
import { rulesetSummary } from '../handlers/summary.js';
import type { CheckJob, CheckReply } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('rules-worker.ts runs as a worker thread (rules-checker.ts starts it)');

port.on('message', ({ job, text, file }: CheckJob) => {
  const loaded = loadRuleset(text, { file });
  const count = (severity: string) => loaded.diagnostics.filter((d) => d.severity === severity).length;
  const counts = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  const reply: CheckReply = {
    job,
    // Capped here, so 20,000 duplicate ids cross to the HTTP thread as 100 diagnostics and a note.
    diagnostics: capDiagnostics(loaded.diagnostics),
    counts,
    ...(loaded.value !== undefined && counts.errors === 0 ? { summary: rulesetSummary(loaded.value) } : {}),
  };
  port.postMessage(reply);
});

// Loaded: from now on the time limit counts the checking alone, not the start-up.
port.postMessage('ready');

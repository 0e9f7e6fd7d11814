// Cold start of the BUILT engine in a fresh process: import + load (parse, validate, compile) +
// first evaluation (validate the assessment, evaluate it). Files are read before the clock starts.
// Usage: node cold/engine.mjs <ruleset.yaml> <assessment.json>
import { readFileSync } from 'node:fs';

const [rulesFile, sampleFile] = process.argv.slice(2);
const text = readFileSync(rulesFile, 'utf8');
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));

const c0 = process.cpuUsage();
const t0 = performance.now();
const { loadRuleset } = await import('@lcz/criteria-engine');
const t1 = performance.now();
const loaded = loadRuleset(text, { file: rulesFile });
const t2 = performance.now();
if (!loaded.value) throw new Error(`rules did not load: ${JSON.stringify(loaded.diagnostics)}`);
const checked = loaded.value.validateAssessment(sample);
const t3 = performance.now();
if (!checked.value) throw new Error(`assessment invalid: ${JSON.stringify(checked.diagnostics)}`);
const result = loaded.value.evaluate(checked.value);
const t4 = performance.now();
const cpu = process.cpuUsage(c0);

process.stdout.write(
  `${JSON.stringify({
    cpu: (cpu.user + cpu.system) / 1000,
    total: t4 - t0,
    steps: { import: t1 - t0, 'load+validate+compile': t2 - t1, 'validate assessment': t3 - t2, evaluate: t4 - t3 },
    decision: result.decision,
  })}\n`,
);

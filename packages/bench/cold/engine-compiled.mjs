// Cold start of the BUILT runtime entry in a fresh process: import @lcz/criteria-engine/runtime +
// load a compiled rules file (lcz build) + validate the assessment + evaluate it. Files are read
// before the clock starts, as in cold/engine.mjs.
// Usage: node cold/engine-compiled.mjs <ruleset.compiled.json> <assessment.json>
import { readFileSync } from 'node:fs';

const [compiledFile, sampleFile] = process.argv.slice(2);
const text = readFileSync(compiledFile, 'utf8');
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));

const c0 = process.cpuUsage();
const t0 = performance.now();
const { loadCompiledRuleset } = await import('@lcz/criteria-engine/runtime');
const t1 = performance.now();
const loaded = loadCompiledRuleset(text, { file: compiledFile });
const t2 = performance.now();
if (!loaded.value) throw new Error(`compiled rules did not load: ${JSON.stringify(loaded.diagnostics)}`);
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
    steps: { import: t1 - t0, 'load compiled': t2 - t1, 'validate assessment': t3 - t2, evaluate: t4 - t3 },
    decision: result.decision,
  })}\n`,
);

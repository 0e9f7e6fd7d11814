// Cold start of @gorules/zen-engine: import (loads the native addon) + create the decision from
// its JDM JSON + first evaluation (awaited).
// Usage: node cold/zen.mjs <decision.json> <assessment.json>
import { readFileSync } from 'node:fs';

const [graphFile, sampleFile] = process.argv.slice(2);
const text = readFileSync(graphFile, 'utf8');
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));

const c0 = process.cpuUsage();
const t0 = performance.now();
const { ZenEngine } = await import('@gorules/zen-engine');
const t1 = performance.now();
const engine = new ZenEngine();
const decision = engine.createDecision(JSON.parse(text));
const t2 = performance.now();
const response = await decision.evaluate(sample);
const t3 = performance.now();
const cpu = process.cpuUsage(c0);
engine.dispose();

process.stdout.write(
  `${JSON.stringify({
    cpu: (cpu.user + cpu.system) / 1000,
    total: t3 - t0,
    steps: { import: t1 - t0, 'create decision': t2 - t1, evaluate: t3 - t2 },
    decision: response.result?.recognised === true ? 'recognised' : 'not_recognised',
  })}\n`,
);

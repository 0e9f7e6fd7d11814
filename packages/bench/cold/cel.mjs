// Cold start of @marcbachmann/cel-js: import + parse the expression + first evaluation.
// Usage: node cold/cel.mjs <decision.cel> <assessment.json>
import { readFileSync } from 'node:fs';

const [exprFile, sampleFile] = process.argv.slice(2);
const text = readFileSync(exprFile, 'utf8');
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));

const c0 = process.cpuUsage();
const t0 = performance.now();
const { parse } = await import('@marcbachmann/cel-js');
const t1 = performance.now();
const program = parse(text);
const t2 = performance.now();
const recognised = program(sample) === true;
const t3 = performance.now();
const cpu = process.cpuUsage(c0);

process.stdout.write(
  `${JSON.stringify({
    cpu: (cpu.user + cpu.system) / 1000,
    total: t3 - t0,
    steps: { import: t1 - t0, parse: t2 - t1, evaluate: t3 - t2 },
    decision: recognised ? 'recognised' : 'not_recognised',
  })}\n`,
);

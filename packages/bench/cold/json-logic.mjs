// Cold start of json-logic-js: import + parse the rule (JSON) + first evaluation.
// Usage: node cold/json-logic.mjs <rule.json> <assessment.json>
import { readFileSync } from 'node:fs';

const [ruleFile, sampleFile] = process.argv.slice(2);
const text = readFileSync(ruleFile, 'utf8');
const sample = JSON.parse(readFileSync(sampleFile, 'utf8'));

const c0 = process.cpuUsage();
const t0 = performance.now();
const { default: jsonLogic } = await import('json-logic-js');
const t1 = performance.now();
const rule = JSON.parse(text);
const t2 = performance.now();
const recognised = jsonLogic.apply(rule, sample) === true;
const t3 = performance.now();
const cpu = process.cpuUsage(c0);

process.stdout.write(
  `${JSON.stringify({
    cpu: (cpu.user + cpu.system) / 1000,
    total: t3 - t0,
    steps: { import: t1 - t0, 'parse rule': t2 - t1, evaluate: t3 - t2 },
    decision: recognised ? 'recognised' : 'not_recognised',
  })}\n`,
);

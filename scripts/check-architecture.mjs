#!/usr/bin/env node
// The one-way dependency rule of docs/architecture.md, checked: inside packages/criteria-engine/src,
// a stage imports (at run time) only from earlier stages and diagnostics/. Type-only imports may
// point anywhere, since the data model (results, compiled infos) is shared by every stage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../packages/criteria-engine/src');
const ORDER = [
  'diagnostics',
  'parse',
  'validate',
  'compile',
  'evaluate',
  'analyze',
  'explain',
  'conformance',
  'assist',
  'testing',
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const stageOf = (file) => relative(root, file).split('/')[0];
const problems = [];
for (const file of files(root)) {
  const from = stageOf(file);
  const rank = ORDER.indexOf(from);
  if (rank < 0) continue; // entry points and pipeline glue at the root may import anything
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    if (m[2]) continue;
    // JSON data (the schemas in /schemas) is not code: any stage may read it.
    if (m[3].endsWith('.json')) continue;
    const target = resolve(dirname(file), m[3]);
    const to = stageOf(target);
    const toRank = ORDER.indexOf(to);
    if (to !== from && (toRank < 0 || (toRank > rank && to !== 'diagnostics'))) {
      problems.push(`${relative(process.cwd(), file)}: ${from}/ imports ${to}/ (${m[3]})`);
    }
  }
}
if (problems.length) {
  console.error('Pipeline dependency rule broken (a stage may import only earlier stages):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('architecture: every stage imports only earlier stages');

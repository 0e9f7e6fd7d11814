import { loadRulesetOrThrow } from './packages/criteria-engine/src/index.js';
import { checkRuleset } from './packages/criteria-engine/src/tools.js';
const N = Number(process.argv[2]);
const facts: string[] = [];
const groups: string[] = [];
for (let g = 0; g < N / 1000; g++) {
  groups.push(`  - id: "${g + 1}"\n    title: { vi: "Nhóm ${g + 1}", en: "Group ${g + 1}" }\n    criteria:`);
  for (let i = 0; i < 1000; i++) {
    const n = g * 1000 + i;
    facts.push(`  f${n}: { type: integer, min: 0, label: { vi: "D${n}", en: "F${n}" } }`);
    groups.push(`      - { id: "${g + 1}.${i + 1}", text: { vi: "T${n}", en: "C${n}" }, condition: "f${n} >= ${n % 7}" }`);
  }
}
const text = `format: 1\nid: big\nversion: "1"\ntitle: { vi: "Lớn", en: "Big" }\ncontext:\n  unit_kind:\n    type: enum\n    values:\n      - { id: ban, label: { vi: "Bản", en: "Village" } }\n    label: { vi: "Loại", en: "Kind" }\nfacts:\n${facts.join('\n')}\ngroups:\n${groups.join('\n')}\nrecognition:\n  group_requirement: { at_least_percent: 80 }\n`;
console.log('chars', text.length);
let t = Date.now();
const r = loadRulesetOrThrow(text, { file: 'g.yaml' });
console.log('load', Date.now() - t); t = Date.now();
const c = checkRuleset(r);
console.log('check', Date.now() - t, c.diagnostics.length, c.diagnostics.filter(d => d.code === 'check_limit').map(d => JSON.stringify(d.params)));

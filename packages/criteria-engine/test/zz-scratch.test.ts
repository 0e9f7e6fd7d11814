import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { SourceText } from '../src/diagnostics/source.js';
import { formatDiagnostics } from '../src/diagnostics/format.js';
import { parseYaml } from '../src/parse/index.js';
import { validateRulesetDocument } from '../src/validate/validate-ruleset.js';

test('scratch', () => {
  const file = process.env.F ?? 'rules/lai-chau-2020-2025/ruleset.yaml';
  const src = new SourceText(file, readFileSync(file, 'utf8'));
  const p = parseYaml(src);
  console.log(formatDiagnostics(p.diagnostics, 'en'));
  if (p.value) {
    const v = validateRulesetDocument(p.value);
    console.log(formatDiagnostics(v.diagnostics, (process.env.L as 'vi') ?? 'en'));
    console.log('valid:', !!v.value);
  }
});

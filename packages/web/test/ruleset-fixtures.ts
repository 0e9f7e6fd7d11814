/** Rulesets the Node tests load: the made-up fixture, and the real Lai Châu rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, loadRuleset, type CompiledRuleset } from '@lcz/criteria-engine';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPOSITORY = join(here, '../../..');

export function load(text: string, file: string): CompiledRuleset {
  const loaded = loadRuleset(text, { file });
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  return loaded.value;
}

export const shopsAndFarmsText = readFileSync(join(here, 'fixtures/shops-and-farms.yaml'), 'utf8');
export const shopsAndFarms = (): CompiledRuleset => load(shopsAndFarmsText, 'shops-and-farms.yaml');
export const laiChau = (): CompiledRuleset =>
  load(readFileSync(join(REPOSITORY, 'rules/lai-chau-2020-2025/ruleset.yaml'), 'utf8'), 'ruleset.yaml');

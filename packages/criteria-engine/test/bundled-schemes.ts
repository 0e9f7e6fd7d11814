/** Every bundled rule file the engine's properties run over, by absolute path: one list for all. */
import { fileURLToPath } from 'node:url';

export const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const BUNDLED_SCHEMES: readonly string[] = [
  'rules/lai-chau-2020-2025/ruleset.yaml',
  'rules/lai-chau-2026-2030-draft/ruleset.yaml',
  'rules/green-building-illustrative/ruleset.yaml',
  'rules/ntm-commune-2021-2025/ruleset.yaml',
  'examples/school-safety/ruleset.yaml',
];

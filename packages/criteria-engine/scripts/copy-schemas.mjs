/**
 * The package ships the JSON Schemas of what it reads and writes (package.json "files" and the
 * "./schemas/*" export). They are written once, at the repository root (`schemas/`, where rule
 * files and editors find them); the build copies the engine's into the package.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ENGINE_SCHEMAS = ['ruleset', 'result', 'gap', 'diff', 'test-cases'];
const from = new URL('../../../schemas/', import.meta.url);
const to = new URL('../schemas/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ENGINE_SCHEMAS)
  copyFileSync(new URL(`${name}.schema.json`, from), new URL(`${name}.schema.json`, to));
console.log(`copied ${ENGINE_SCHEMAS.length} JSON Schemas to ${fileURLToPath(to)}`);

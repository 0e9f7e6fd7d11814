// Writes the plan script and its V8 code cache (what `lcz build` writes beside a compiled rules
// file) for the bench's `engine-plan-file` row. In a fresh node with no flags, as runNode spawns
// the cold-start scripts: V8 takes a code cache only under the flags it was made with, and the
// bench itself runs under tsx with --expose-gc.
// Usage: node cold/write-plan-script.mjs <compiled.json> <x.compiled.plan-script.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { planScriptOf } from '@lcz/criteria-engine/node';
import { planScriptCachePath } from '@lcz/criteria-engine/runtime';

const [compiledFile, scriptFile] = process.argv.slice(2);
const made = planScriptOf(readFileSync(compiledFile, 'utf8'), scriptFile);
if (!('code' in made)) throw new Error(`no plan script: ${made.refused}`);
writeFileSync(scriptFile, made.code);
writeFileSync(planScriptCachePath(scriptFile), made.cache);
process.stdout.write(`${JSON.stringify({ scriptBytes: made.code.length, cacheBytes: made.cache.length })}\n`);

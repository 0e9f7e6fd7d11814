/**
 * The plan script: the plan module (plan-module-code.ts) and the plan entry's own code (the built
 * `dist/plan.cjs`, which imports nothing) in ONE script, `(function () { … })`, that returns the
 * module's exports and the entry's `loadPlanModule`. `./plan-file` compiles it with `vm.Script`
 * and V8's code cache (plan-file.ts): at a cold start, most of what the plan entry and the plan
 * module cost was V8 compiling their code, on import and on the first evaluate; with the cache
 * made after a warm-up run (plan-script-files.ts) none of it is compiled again.
 *
 * Nothing new is generated here: the module's text is the plan module's, every name and value in
 * it already through literals.ts; its `export` keywords are taken off and its exports returned by
 * name, each name checked against the closed list a plan module exports. The entry's code is the
 * engine's own build.
 */
import { PLAN_SCRIPT_FORMAT, PLAN_SCRIPT_FORMAT_VERSION } from './format.js';
import { indexLiteral, stringLiteral } from './literals.js';

/** What a plan module exports (module-code.ts, plan-module-code.ts), and nothing else. */
const PLAN_MODULE_EXPORTS = new Set([
  'format',
  'formatVersion',
  'engine',
  'hash',
  'createDecide',
  'createEvaluate',
  'planFormat',
  'planFormatVersion',
  'createPlan',
]);

/** An exported declaration at a line's start: the generator indents nothing (plan-module-code.ts). */
const EXPORT = /^export (const|function) ([A-Za-z_$][\w$]*)/;

/**
 * The plan script of a plan module's code, with `runtime` (the built plan entry, CommonJS, no
 * import) inside. Throws when the module's code is not a plan module's (an export outside the list,
 * an import): the generator wrote both, so that is a bug, not an input.
 */
export function planScriptCode(moduleCode: string, runtime: string): string {
  const names: string[] = [];
  const body = moduleCode.split('\n').map((line) => {
    if (line.startsWith('import ') || line.startsWith('import{')) throw new Error('a plan module imports nothing');
    const exported = EXPORT.exec(line);
    if (!exported) return line;
    const name = exported[2] as string;
    if (!PLAN_MODULE_EXPORTS.has(name) || names.includes(name)) throw new Error(`not a plan module's export: ${name}`);
    names.push(name);
    return line.slice('export '.length);
  });
  if (names.length !== PLAN_MODULE_EXPORTS.size) throw new Error('a plan module export is missing');
  // The built entry's own first and last lines: its directive (the script is strict as a whole)
  // and its source map comments (no map is written for the script).
  const entry = runtime.replace(/^'use strict';\n/, '').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  return asciiOnly(
    [
      '(function () {',
      "'use strict';",
      // The CommonJS build assigns its exports to `exports` (plan.cjs imports nothing).
      'const exports = {};',
      entry,
      'const module = (function () {',
      ...body,
      `return { ${names.join(', ')} };`,
      '})();',
      `return { planScriptFormat: ${stringLiteral(PLAN_SCRIPT_FORMAT)}, planScriptFormatVersion: ${indexLiteral(PLAN_SCRIPT_FORMAT_VERSION)}, loadPlanModule: exports.loadPlanModule, module };`,
      '})',
      '',
    ].join('\n'),
  );
}

/**
 * The script with every character outside ASCII written as its `\uXXXX` escape, so the loader
 * reads it one byte a character (no UTF-8 decoding; V8 holds and scans it as one-byte text). The
 * escape means the same code unit in every token such a character is in here: the plan module's
 * string literals (its data's Vietnamese texts) and the entry's string and regular expression
 * literals (`đ` in the cell words' folding); the entry has no `String.raw` or tagged template,
 * whose raw text would differ. A character right after a backslash would change meaning (`\đ`
 * would become `\\u0111`): then the text is kept as it is, and read as UTF-8.
 */
function asciiOnly(code: string): string {
  if (/\\[\u0080-\uffff]/.test(code)) return code;
  return code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

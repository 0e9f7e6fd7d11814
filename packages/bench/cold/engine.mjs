// Cold start of the BUILT engine in a fresh process, from the YAML rule file, from a compiled
// rules file (lcz build), or from a plan module (lcz build's .plan.mjs): import (the full entry;
// the runtime entry; the runtime entry as one file, ./standalone; or the plan entry, ./plan, and
// the plan module itself) + load + validate the assessment + first evaluation. The rule file and
// the assessment are read before the clock starts; a plan module is code, so reading it is part
// of its import, on the clock. `module-decide` is the plan module's path cut to what
// json-logic-js's script does (import + load + the decision alone): no assessment check, no trace.
// `plan-file` is the plan script (lcz build's .plan-script.js) with its V8 code cache beside it,
// loaded by ./plan-file: reading both and compiling (from the cache) are part of its load, on the clock.
// `plan-file-package` is the same through @lcz/criteria-plan-file (the loader as a package
// resolved through "main").
// Usage: node cold/engine.mjs <yaml|compiled|standalone|module|module-decide|plan-file|plan-file-package> <rules file, .plan.mjs or .plan-script.js> <assessment.json>
import { pathToFileURL } from 'node:url';
import { inputs, startClock } from './clock.mjs';

const mode = process.argv[2];
const compiled = mode === 'compiled' || mode === 'standalone';
const { ruleFile, text, sample } = inputs();

const clock = startClock();
let loaded;
if (mode === 'plan-file' || mode === 'plan-file-package') {
  // The same loader through either door: the engine's `exports` map, or the package resolved
  // through "main" (@lcz/criteria-plan-file, which Node resolves without its exports resolver).
  const engine =
    mode === 'plan-file' ? await import('@lcz/criteria-engine/plan-file') : await import('@lcz/criteria-plan-file');
  clock.lap('import');
  loaded = engine.loadPlanFile(ruleFile);
  clock.lap('load plan file');
} else if (mode === 'module' || mode === 'module-decide') {
  const engine = await import('@lcz/criteria-engine/plan');
  clock.lap('import');
  const module = await import(pathToFileURL(ruleFile).href);
  clock.lap('import plan module');
  loaded = engine.loadPlanModule(module, { file: ruleFile });
  clock.lap('load plan module');
} else {
  const engine =
    mode === 'standalone'
      ? await import('@lcz/criteria-engine/standalone')
      : compiled
        ? await import('@lcz/criteria-engine/runtime')
        : await import('@lcz/criteria-engine');
  clock.lap('import');
  loaded = compiled
    ? engine.loadCompiledRuleset(text, { file: ruleFile })
    : engine.loadRuleset(text, { file: ruleFile });
  clock.lap(compiled ? 'load compiled' : 'load+validate+compile');
}
if (!loaded.value) throw new Error(`rules did not load: ${JSON.stringify(loaded.diagnostics)}`);
if (mode === 'module-decide') {
  // The sample is one of the bench's generated assessments, valid as generated (the bench's smoke
  // test checks the generator); decide() still refuses a value of the wrong type.
  const decided = loaded.value.decide(sample);
  clock.lap('decide');
  clock.done(decided.decision);
} else {
  const checked = loaded.value.validateAssessment(sample);
  clock.lap('validate assessment');
  if (!checked.value) throw new Error(`assessment invalid: ${JSON.stringify(checked.diagnostics)}`);
  const result = loaded.value.evaluate(checked.value);
  clock.lap('evaluate');
  clock.done(result.decision);
}

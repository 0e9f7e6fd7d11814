// Cold start of the BUILT engine in a fresh process, from the YAML rule file or from a compiled
// rules file (lcz build): import (the full entry; the runtime entry; or the runtime entry as one
// file, ./standalone) + load + validate the assessment + first evaluation. Files are read before
// the clock starts.
// Usage: node cold/engine.mjs <yaml|compiled|standalone> <rules file> <assessment.json>
import { inputs, startClock } from './clock.mjs';

const mode = process.argv[2];
const compiled = mode === 'compiled' || mode === 'standalone';
const { ruleFile, text, sample } = inputs();

const clock = startClock();
const engine =
  mode === 'standalone'
    ? await import('@lcz/criteria-engine/standalone')
    : compiled
      ? await import('@lcz/criteria-engine/runtime')
      : await import('@lcz/criteria-engine');
clock.lap('import');
const loaded = compiled
  ? engine.loadCompiledRuleset(text, { file: ruleFile })
  : engine.loadRuleset(text, { file: ruleFile });
clock.lap(compiled ? 'load compiled' : 'load+validate+compile');
if (!loaded.value) throw new Error(`rules did not load: ${JSON.stringify(loaded.diagnostics)}`);
const checked = loaded.value.validateAssessment(sample);
clock.lap('validate assessment');
if (!checked.value) throw new Error(`assessment invalid: ${JSON.stringify(checked.diagnostics)}`);
const result = loaded.value.evaluate(checked.value);
clock.lap('evaluate');
clock.done(result.decision);

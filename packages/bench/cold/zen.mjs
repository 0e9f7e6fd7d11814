// Cold start of @gorules/zen-engine: import (loads the native addon) + create the decision from
// its JDM JSON + first evaluation (awaited).
// Usage: node cold/zen.mjs <decision.json> <assessment.json>
import { inputs, startClock } from './clock.mjs';

const { text, sample } = inputs();
const clock = startClock();
const { ZenEngine } = await import('@gorules/zen-engine');
clock.lap('import');
const engine = new ZenEngine();
const decision = engine.createDecision(JSON.parse(text));
clock.lap('create decision');
const response = await decision.evaluate(sample);
clock.lap('evaluate');
engine.dispose();
clock.done(response.result?.recognised === true ? 'recognised' : 'not_recognised');

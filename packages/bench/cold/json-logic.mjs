// Cold start of json-logic-js: import + parse the rule + first evaluation.
// Usage: node cold/json-logic.mjs <rule.json> <assessment.json>
import { inputs, startClock } from './clock.mjs';

const { text, sample } = inputs();
const clock = startClock();
const { default: jsonLogic } = await import('json-logic-js');
clock.lap('import');
const rule = JSON.parse(text);
clock.lap('parse rule');
const recognised = jsonLogic.apply(rule, sample) === true;
clock.lap('evaluate');
clock.done(recognised ? 'recognised' : 'not_recognised');

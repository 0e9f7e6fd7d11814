// Cold start of @marcbachmann/cel-js: import + parse the expression + first evaluation.
// Usage: node cold/cel.mjs <decision.cel> <assessment.json>
import { inputs, startClock } from './clock.mjs';

const { text, sample } = inputs();
const clock = startClock();
const { parse } = await import('@marcbachmann/cel-js');
clock.lap('import');
const program = parse(text);
clock.lap('parse');
const recognised = program(sample) === true;
clock.lap('evaluate');
clock.done(recognised ? 'recognised' : 'not_recognised');

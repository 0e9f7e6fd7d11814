// What every cold-start script shares, written once: its two input files read before the clock
// starts, each step timed in order, and one JSON line out ({cpu, total, steps, decision}) for
// src/main.ts. Imported statically, so loading it is not part of what is measured.
import { readFileSync } from 'node:fs';

/** The rule file's text and the sample assessment, from the last two arguments. */
export function inputs() {
  const [ruleFile, sampleFile] = process.argv.slice(-2);
  return { ruleFile, text: readFileSync(ruleFile, 'utf8'), sample: JSON.parse(readFileSync(sampleFile, 'utf8')) };
}

/** Starts the clock; `lap(name)` ends a step, `done(decision)` prints the line. */
export function startClock() {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let last = t0;
  let cpu;
  const steps = {};
  return {
    lap(name) {
      const now = performance.now();
      steps[name] = now - last;
      last = now;
      cpu = process.cpuUsage(c0);
    },
    done(decision) {
      process.stdout.write(
        `${JSON.stringify({ cpu: (cpu.user + cpu.system) / 1000, total: last - t0, steps, decision })}\n`,
      );
    },
  };
}

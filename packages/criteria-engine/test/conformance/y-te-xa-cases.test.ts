/**
 * A sixth scheme written from the documentation alone (test/fixtures/y-te-xa: an illustrative
 * "xã đạt tiêu chí y tế", not an official document): rates per 10,000 and per 1,000 inhabitants as
 * derived quantities (one `if_zero: unknown`, one `if_zero: 0`, so a commune of 0 inhabitants is
 * undetermined on one and fails the other), shares of two counts, a minimum by three regions whose
 * values change on dates inside 2026–2030 (one in mid-year), a minimum by year with a decimal
 * cell (93.5%), a criterion only for stations with observation beds, a mandatory criterion, a
 * step table of points and two levels by total points, a disqualifier, counts of 2^53 − 1 and
 * dates on the first and last day of the period and of each change. Every YAML case (worked out
 * by hand) passes, the generated decide agrees with the closures on each case's input, and the
 * cases cover everything `lcz test --coverage` asks for.
 */
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { docsSchemeTests } from './docs-scheme-cases.js';

const DIR = fileURLToPath(new URL('../fixtures/y-te-xa', import.meta.url));

describe('the y tế xã scheme written from the docs', () => {
  docsSchemeTests(DIR, 72);
});

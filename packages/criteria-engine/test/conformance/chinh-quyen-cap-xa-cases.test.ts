/**
 * A fifth scheme written from the documentation alone (test/fixtures/chinh-quyen-cap-xa: an
 * illustrative "đánh giá, xếp loại chất lượng chính quyền cấp xã", not an official document): a
 * scored classification in half-points (the format has integer points only), four bands by total
 * points as levels, a cap (a failed 1.1 or a disqualifier with `from_level` keeps a unit at Fair at
 * most), variants for three kinds of unit, a share of 12.75%, a two-thirds threshold, counts of
 * 2^53 − 1, tables by region (one beside a derived ratio with `if_zero: unknown`, one against a
 * share), a date deadline, empty wholes both ways and unknown facts that can and cannot change the
 * level. Every YAML case (worked out by hand, most at a threshold, one below or a band edge)
 * passes, the generated decide agrees with the closures on each case's input, and the cases cover
 * everything `lcz test --coverage` asks for.
 */
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { docsSchemeTests } from './docs-scheme-cases.js';

const DIR = fileURLToPath(new URL('../fixtures/chinh-quyen-cap-xa/2025', import.meta.url));

describe('the chính quyền cấp xã scheme written from the docs', () => {
  docsSchemeTests(DIR, 64, ' (2.3, with no_variant: fail, is never not applicable)');
});

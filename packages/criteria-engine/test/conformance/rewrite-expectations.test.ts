/**
 * rewriteExpectations: values are written at their exact ranges, in flow style, quoted where YAML
 * would read them otherwise; a block list keeps the line break before the next key; comments and
 * every other byte stay; a change it cannot place is refused whole.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { rewriteExpectations } from '../../src/conformance/rewrite-expectations.js';
import type { TestMismatch } from '../../src/conformance/result.js';

const TEXT = `cases:
  - name: a # the first case
    expect:
      decision: recognised   # was recognised in 2024
      criteria: { "1.3": pass, D1: clear }
      missing:
        - households
        - poor_households
      needed: []
`;

/** The change for the value at `at`, with its range as the engine's parser gives it. */
function change(at: (string | number)[], actual: TestMismatch['actual']): TestMismatch {
  const node = parseDocument(TEXT).getIn(at, true) as { range: [number, number] };
  return { path: at.join('.'), expected: null, actual, line: 0, column: 0, range: [node.range[0], node.range[1]], at };
}

describe('rewriteExpectations', () => {
  it('writes each value in place and keeps comments and layout', () => {
    const out = rewriteExpectations(TEXT, [
      change(['cases', 0, 'expect', 'decision'], 'not_recognised'),
      change(['cases', 0, 'expect', 'criteria', '1.3'], 'fail'),
      change(['cases', 0, 'expect', 'missing'], ['households', 'no']),
      change(['cases', 0, 'expect', 'needed'], ['1.3']),
    ]);
    if (!('text' in out)) throw new Error(`refused: ${out.failed}`);
    expect(out.text).toBe(`cases:
  - name: a # the first case
    expect:
      decision: not_recognised   # was recognised in 2024
      criteria: { "1.3": fail, D1: clear }
      missing:
        [households, "no"]
      needed: ["1.3"]
`);
    const doc = parseDocument(out.text).toJS() as { cases: { expect: { missing: unknown; needed: unknown } }[] };
    expect(doc.cases[0]?.expect.missing).toEqual(['households', 'no']);
    expect(doc.cases[0]?.expect.needed).toEqual(['1.3']);
  });

  it('writes null and numbers as YAML reads them back', () => {
    const out = rewriteExpectations(TEXT, [change(['cases', 0, 'expect', 'criteria', 'D1'], null)]);
    expect(out).toEqual({ text: TEXT.replace('D1: clear', 'D1: null') });
  });

  it('refuses a change without a place, and writes nothing', () => {
    const { range: _range, ...placeless } = change(['cases', 0, 'expect', 'decision'], 'undetermined');
    expect(rewriteExpectations(TEXT, [placeless])).toEqual({ failed: 'cases.0.expect.decision' });
  });

  it('refuses a change whose range is not the value it names', () => {
    const wrong = { ...change(['cases', 0, 'expect', 'decision'], 'undetermined'), at: ['cases', 0, 'name'] };
    expect(rewriteExpectations(TEXT, [wrong])).toEqual({ failed: 'cases.0.expect.decision' });
  });
});

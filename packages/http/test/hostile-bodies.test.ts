/**
 * Bodies built to cost the server: repeated keys, reserved names written with escapes, and
 * objects with more keys than any assessment needs. Each is refused before a handler runs, as a
 * located problem in Vietnamese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_MEDIA_TYPE } from '../src/index.js';
import { type Answer, call, RULESET_ID, start, type Running } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: a problem+json body, checked field by field.
function expectProblem(answer: Answer, status: number, slug: string): { errors: Record<string, any>[] } {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.type).toBe(PROBLEM_MEDIA_TYPE);
  expect(answer.body.type).toBe(`urn:lcz:problem:${slug}`);
  expect(answer.text).not.toMatch(/\n\s+at /);
  return answer.body;
}

let server: Running;
beforeAll(async () => {
  server = await start({ limits: { objectKeys: 500 } });
});
afterAll(() => server.close());

const post = (body: string) => call(server.url, 'POST', '/v1/evaluate', { body, type: 'application/json' });

describe('hostile JSON bodies', () => {
  it('refuses a repeated key as the CLI does, at its line and column (400)', async () => {
    const answer = await post(
      `{"ruleset": "${RULESET_ID}",\n "assessment": {"context": {}, "facts": {"households": 1,\n  "households": 2}}}`,
    );
    const problem = expectProblem(answer, 400, 'malformed-json');
    expect(problem.errors).toMatchObject([{ code: 'json_duplicate_key', line: 3, column: 3 }]);
    expect(problem.errors[0]?.['message_en']).toContain('"households"');
    expect(problem.errors[0]?.['message_vi']).toContain('dòng 2');
  });

  it('names an escaped __proto__ for what it is, not "not JSON"', async () => {
    const answer = await post('{"\\u005f_proto__": {"x": 1}}');
    const problem = expectProblem(answer, 400, 'malformed-json');
    expect(problem.errors).toMatchObject([{ code: 'json_unsafe_key', line: 1, column: 2 }]);
    expect(problem.errors[0]?.['message_en']).toContain('"__proto__"');
  });

  it('refuses an object with more keys than limits.objectKeys (413), without echoing them', async () => {
    const facts = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknown_fact_${i}`, i]));
    const answer = await post(JSON.stringify({ ruleset: RULESET_ID, assessment: { context: {}, facts } }));
    const problem = expectProblem(answer, 413, 'payload-too-large');
    expect(problem.errors).toMatchObject([{ code: 'json_too_many_keys' }]);
    expect(answer.text.length).toBeLessThan(4000);
    expect(answer.text).not.toContain('unknown_fact_1');
  });
});

describe('limits.facts: facts in one assessment', () => {
  const facts = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`unknown_fact_${i}`, i]));

  it('an assessment with more facts than the limit (200) is refused before validation, at its facts (413)', async () => {
    const answer = await post(JSON.stringify({ ruleset: RULESET_ID, assessment: { context: {}, facts: facts(201) } }));
    const problem = expectProblem(answer, 413, 'payload-too-large');
    expect(problem.errors).toMatchObject([{ code: 'too_many_facts', pointer: '/assessment/facts' }]);
    expect(problem.errors[0]?.['message_en']).toContain('201 facts; at most 200');
    expect(problem.errors[0]?.['message_vi']).toContain('201 dữ kiện');
    expect(problem.errors[0]?.['hint_en']).toContain(`/v1/rulesets/${RULESET_ID}/schema`);
    expect(answer.text).not.toContain('unknown_fact_1');
  });

  it('at the limit the facts are validated as usual (422, each unknown fact named)', async () => {
    const answer = await post(JSON.stringify({ ruleset: RULESET_ID, assessment: { context: {}, facts: facts(200) } }));
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.errors.some((e) => e['code'] === 'input_unknown_fact')).toBe(true);
  });

  it('in a batch, the assessment over the limit is named by its index', async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate/batch', {
      json: {
        ruleset: RULESET_ID,
        assessments: [
          { context: {}, facts: {} },
          { context: {}, facts: facts(250) },
        ],
      },
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    const tooMany = problem.errors.filter((e) => e['code'] === 'too_many_facts');
    expect(tooMany).toMatchObject([{ pointer: '/assessments/1/facts' }]);
  });
});

describe('undeclared facts', () => {
  it('the first 10 are named at their pointer, the other 50 are one problem at the 11th', async () => {
    const facts = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`householdz_${i}`, i]));
    const answer = await post(JSON.stringify({ ruleset: RULESET_ID, assessment: { context: {}, facts } }));
    const problem = expectProblem(answer, 422, 'invalid-request');
    const unknown = problem.errors.filter((e) => e['code'] === 'input_unknown_fact');
    const names = Object.keys(facts);
    expect(unknown.map((e) => e['pointer'])).toEqual(names.slice(0, 10).map((k) => `/assessment/facts/${k}`));
    for (const e of unknown) expect(e['message_en']).toContain(e['pointer'].split('/').pop());
    // An assessment written for other rules reads as one problem, not 50 (input_unknown_facts).
    const rest = problem.errors.filter((e) => e['code'] === 'input_unknown_facts');
    expect(rest.map((e) => e['pointer'])).toEqual([`/assessment/facts/${names[10]}`]);
    expect(rest[0]?.['message_en']).toContain('50');
    expect(rest[0]?.['message_vi']).toContain('50');
  });
});

describe('problems in one answer', () => {
  it('a batch of 150 broken assessments lists the first 100 problems and counts the rest', async () => {
    // A complete context: a missing attribute would be a third problem, reported with the others.
    const item = {
      context: { unit_kind: 'to_dan_pho', parent_kind: 'phuong' },
      facts: { households: -1, made_up_fact: 1 },
    };
    const answer = await call(server.url, 'POST', '/v1/evaluate/batch', {
      json: { ruleset: RULESET_ID, assessments: Array.from({ length: 150 }, () => item) },
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    const omitted = problem.errors.filter((e) => e['code'] === 'problems_omitted');
    expect(omitted).toHaveLength(1);
    expect(problem.errors.length).toBe(101);
    const count = Number(/… and (\d+) more/.exec(omitted[0]?.['message_en'])?.[1]);
    // Each assessment has two problems: a value out of range and an undeclared fact.
    expect(count + 100).toBe(150 * 2);
    expect(omitted[0]?.['message_vi']).toContain(`còn ${count} vấn đề`);
    expect(answer.text.length).toBeLessThan(200_000);
  });
});

describe('diagnostics in answers', () => {
  it('a rule text with 3,000 duplicate ids answers 100 entries and one "… and N more", with full counts', async () => {
    const criteria = Array.from(
      { length: 3000 },
      () => '      - { id: "1.1", text: { vi: a, en: a }, condition: "x" }',
    );
    const rules = [
      'format: 1',
      'id: t',
      'version: "1"',
      'title: { vi: t, en: t }',
      'context: { k: { type: boolean, label: { vi: k, en: k } } }',
      'facts:',
      '  x: { type: boolean, label: { vi: x, en: x } }',
      'groups:',
      '  - id: "1"',
      '    title: { vi: g, en: g }',
      '    criteria:',
      ...criteria,
      'recognition: { group_requirement: { at_least_percent: 80 } }',
    ].join('\n');
    const answer = await call(server.url, 'POST', '/v1/rules/validate', {
      body: JSON.stringify({ rules }),
      type: 'application/json',
    });
    expect(answer.status, answer.text.slice(0, 500)).toBe(200);
    expect(answer.body.counts.errors).toBeGreaterThan(2000);
    expect(answer.body.diagnostics.length).toBeLessThanOrEqual(101);
    const omitted = answer.body.diagnostics.filter((d: { code: string }) => d.code === 'diagnostics_omitted');
    expect(omitted).toHaveLength(1);
    expect(omitted[0].message_en).toMatch(/… and [\d,]+ more in this file/);
  });
});

describe('invisible characters in answers', () => {
  // biome-ignore lint/complexity/useRegexLiterals: a literal would spell out control characters (noControlCharactersInRegex)
  const RAW = new RegExp('[\\u0000-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFD]');

  it('a fact name with U+202E and a BOM is quoted escaped in errors and detail, never raw', async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate', {
      json: { ruleset: RULESET_ID, assessment: { context: {}, facts: { '\u202Ehouseholds': 1 } } },
      headers: { 'accept-language': 'en' },
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    const unknown = problem.errors.find((e) => e['code'] === 'input_unknown_fact');
    expect(unknown?.['message_en']).toContain('\\u202Ehouseholds');
    expect(unknown?.['message_vi']).toContain('\\u202Ehouseholds');
    // The pointer stays the exact key (a client must find it); messages never carry it raw.
    const { errors, ...rest } = answer.body;
    expect(JSON.stringify(rest)).not.toMatch(RAW);
    for (const e of errors)
      expect([e.message_en, e.message_vi, e.hint_en ?? '', e.hint_vi ?? ''].join(' ')).not.toMatch(RAW);
  });

  it("the API's own messages (an unknown ruleset id with U+200B and U+2066) and detail", async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate', {
      json: { ruleset: `${RULESET_ID}\u200B\u2066`, assessment: { context: {}, facts: {} } },
      headers: { 'accept-language': 'vi' },
    });
    const problem = expectProblem(answer, 404, 'unknown-ruleset');
    expect(problem.errors[0]?.['message_en']).toContain(`${RULESET_ID}\\u200B\\u2066`);
    expect(answer.body.detail).toContain('\\u200B\\u2066');
    expect(answer.text).not.toMatch(RAW);
  });

  it('a path parameter with U+202E and U+FFFD (GET /v1/rulesets/{id})', async () => {
    const answer = await call(server.url, 'GET', `/v1/rulesets/${encodeURIComponent('x\u202Ey\uFFFD')}`);
    expectProblem(answer, 404, 'unknown-ruleset');
    expect(answer.body.detail).toContain('x\\u202Ey\\uFFFD');
    expect(answer.text).not.toMatch(RAW);
  });
});

describe('numbers JSON.parse would round', () => {
  const facts = (households: string) =>
    `{"ruleset": "${RULESET_ID}",\n "assessment": {"context": {}, "facts": {"households": ${households}}}}`;

  it('refuses 212.0000000000000001 (read as 212), quoted as written, at its pointer and line:column (422)', async () => {
    const problem = expectProblem(await post(facts('212.0000000000000001')), 422, 'invalid-request');
    expect(problem.errors).toMatchObject([
      { code: 'json_number_inexact', pointer: '/assessment/facts/households', line: 2, column: 56 },
    ]);
    expect(problem.errors[0]?.['message_en']).toContain('The number 212.0000000000000001 at line 2, column 56');
    expect(problem.errors[0]?.['message_en']).toContain('read as 212.');
    expect(problem.errors[0]?.['message_vi']).toContain('Số 212.0000000000000001 ở dòng 2');
  });

  it('quotes 9007199254740993 as written, not as the …992 it reads as; 1e400 reads as infinity', async () => {
    const big = expectProblem(await post(facts('9007199254740993')), 422, 'invalid-request');
    expect(big.errors[0]?.['message_en']).toMatch(/^The number 9007199254740993 at .* read as 9007199254740992\.$/);
    const huge = expectProblem(await post(facts('-1e400')), 422, 'invalid-request');
    expect(huge.errors[0]?.['message_en']).toContain('-1e400');
    expect(huge.errors[0]?.['message_en']).toContain('read as -infinity');
    expect(huge.errors[0]?.['message_vi']).toContain('-vô cực');
  });

  it('finds them in arrays, under escaped keys, on the decide path too (pointer as RFC 6901)', async () => {
    const body = `{"ruleset": "${RULESET_ID}", "assessment": {"context": {}, "facts": {"a/b~\\u0063": [1, 0.12345678901234567]}}}`;
    const answer = await call(server.url, 'POST', '/v1/decide', { body, type: 'application/json' });
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.errors).toMatchObject([{ code: 'json_number_inexact', pointer: '/assessment/facts/a~1b~0c/1' }]);
  });

  it('lets long digit runs in strings and numbers that read exactly through', async () => {
    const body = `{"ruleset": "${RULESET_ID}", "assessment": {"area": {"code": "12345678901234567890"}, "context": {}, "facts": {"households": 100.000000000000000000, "x": 1e100, "y": 0.1}}}`;
    const answer = await post(body);
    expect(answer.text).not.toContain('json_number_inexact');
  });
});

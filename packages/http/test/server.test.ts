/**
 * The API end to end over loopback HTTP: every endpoint, and every way a request can be wrong.
 * Answers are checked against the library (same results as calling the engine directly) and
 * against the OpenAPI document's schemas (what is served is what is documented).
 */
import assert from 'node:assert';
import { readFile } from 'node:fs/promises';
import {
  assessmentJsonSchema,
  explainGap,
  gapAnalysis,
  loadRulesetOrThrow,
  type CompiledRuleset,
} from '@lcz/criteria-engine';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_MEDIA_TYPE } from '../src/index.js';
import {
  call,
  componentValidator,
  examples,
  nth,
  RULESET_ID,
  RULES_FILE,
  SCHOOL_RULES,
  start,
  type Answer,
  type Example,
  type Running,
} from './helpers.js';

let server: Running;
let rules: CompiledRuleset;
let rulesText: string;
let all: Example[];
let conforms: (component: string, value: unknown) => string[];

beforeAll(async () => {
  server = await start();
  rulesText = await readFile(RULES_FILE, 'utf8');
  rules = loadRulesetOrThrow(rulesText, { file: RULES_FILE });
  all = await examples();
  conforms = componentValidator((await call(server.url, 'GET', '/v1/openapi.json')).body);
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => call(server.url, 'GET', path, { headers });
const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
  call(server.url, 'POST', path, { json, headers });

/** A problem answer: the status, the problem type, RFC 9457 members, and a valid Problem document. */
function expectProblem(answer: Answer, status: number, slug: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.type).toBe(PROBLEM_MEDIA_TYPE);
  expect(answer.body.type).toBe(`urn:lcz:problem:${slug}`);
  expect(answer.body.status).toBe(status);
  expect(typeof answer.body.title).toBe('string');
  expect(answer.body.detail.length).toBeGreaterThan(10);
  expect(typeof answer.body.instance).toBe('string');
  expect(answer.body.errors.length).toBeGreaterThan(0);
  for (const e of answer.body.errors) {
    expect(e.message_vi.length).toBeGreaterThan(5);
    expect(e.message_en.length).toBeGreaterThan(5);
    expect(e.message_vi).not.toBe(e.message_en);
  }
  expect(answer.text).not.toMatch(/\n\s+at /); // never a stack trace
  expect(conforms('Problem', answer.body)).toEqual([]);
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields of its own problem and asserts them
  return answer.body as { errors: Array<Record<string, any>>; detail: string; title: string; instance: string };
}

describe('GET /v1/rulesets', () => {
  it('lists the loaded ruleset with its id, version, hash, title, effective period and links', async () => {
    const answer = await get('/v1/rulesets');
    expect(answer.status).toBe(200);
    expect(conforms('RulesetList', answer.body)).toEqual([]);
    expect(answer.body.rulesets).toEqual([
      {
        id: rules.id,
        version: rules.version,
        hash: rules.hash,
        title: rules.title,
        effective: rules.effective,
        counts: { standards: 6, criteria: 41, disqualifiers: 4, facts: rules.facts.length },
        links: {
          self: `/v1/rulesets/${rules.id}?version=${rules.version}`,
          schema: `/v1/rulesets/${rules.id}/schema?version=${rules.version}`,
        },
      },
    ]);
  });

  it('refuses a query parameter it does not use', async () => {
    const problem = expectProblem(await get('/v1/rulesets?lang=en'), 422, 'invalid-request');
    expect(problem.errors).toMatchObject([{ parameter: 'lang', code: 'query_unknown' }]);
  });
});

describe('GET /v1/rulesets/{id}', () => {
  it('describes the ruleset: facts with labels, standards with their criteria, disqualifiers', async () => {
    const answer = await get(`/v1/rulesets/${RULESET_ID}`);
    expect(answer.status).toBe(200);
    expect(conforms('RulesetDetail', answer.body)).toEqual([]);
    expect(answer.body.groups.flatMap((g: { criteria: unknown[] }) => g.criteria)).toHaveLength(41);
    expect(answer.body.facts.find((f: { id: string }) => f.id === 'households')).toMatchObject({
      type: 'integer',
      min: 0,
    });
    expect(answer.body.mandatory).toEqual(rules.mandatory);
  });

  it('answers 404 for an unknown id, naming the ids there are', async () => {
    const problem = expectProblem(await get('/v1/rulesets/lai-chau-2030'), 404, 'unknown-ruleset');
    expect(problem.errors).toMatchObject([{ parameter: 'id', code: 'ruleset_unknown' }]);
    expect(problem.errors[0]?.['hint_en']).toContain(RULESET_ID);
  });

  it('answers 404 for an unknown version, naming the versions there are', async () => {
    const problem = expectProblem(await get(`/v1/rulesets/${RULESET_ID}?version=2030`), 404, 'unknown-ruleset');
    expect(problem.errors).toMatchObject([{ parameter: 'version', code: 'ruleset_version_unknown' }]);
    expect(problem.errors[0]?.['hint_en']).toContain(rules.version);
  });
});

describe('GET /v1/rulesets/{id}/schema', () => {
  it('is the JSON Schema of the zod schema the engine validates with', async () => {
    const answer = await get(`/v1/rulesets/${RULESET_ID}/schema`);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/schema+json');
    expect(answer.body).toEqual(assessmentJsonSchema(rules));
    // Each fact carries its label, in both languages.
    expect(answer.body.properties.facts.properties.households.description).toBe(
      'Tổng số hộ gia đình trong khu dân cư / Total households in the residential area',
    );
  });

  it('lets a client check a form: the examples pass, a quoted number and an unknown fact do not', async () => {
    const schema = (await get(`/v1/rulesets/${RULESET_ID}/schema`)).body;
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    for (const example of all) expect(validate(example.value), example.file).toBe(true);
    const wrong = { context: { unit_kind: 'ban' }, facts: { households: '120', housholds: 3 } };
    expect(validate(wrong)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/facts/households', '/facts']),
    );
  });
});

describe('POST /v1/evaluate', () => {
  it('evaluates each example as the library does, with the decision its file name announces', async () => {
    for (const example of all) {
      const answer = await post('/v1/evaluate', { ruleset: RULESET_ID, assessment: example.value });
      expect(answer.status, answer.text).toBe(200);
      expect(conforms('EvaluationResult', answer.body)).toEqual([]);
      const checked = rules.validateAssessment(example.value);
      assert(checked.value, example.file);
      expect(answer.body).toEqual(JSON.parse(JSON.stringify(rules.evaluate(checked.value))));
      expect(answer.body.decision, example.file).toBe(example.announced);
    }
  });

  it('takes the ruleset from the assessment when the request does not name one', async () => {
    const example = nth(all, 0);
    expect(example.value['ruleset']).toBe(RULESET_ID);
    const answer = await post('/v1/evaluate', { assessment: example.value });
    expect(answer.status).toBe(200);
    expect(answer.body.ruleset.hash).toBe(rules.hash);
  });

  it('keeps missing facts unknown: a nearly empty assessment is undetermined, with the facts needed', async () => {
    const answer = await post('/v1/evaluate', {
      ruleset: RULESET_ID,
      assessment: { context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true }, facts: { households: 120 } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.decision).toBe('undetermined');
    expect(answer.body.needed.length).toBeGreaterThan(10);
  });

  it('lists every problem of an invalid request at once (422), each with its pointer, in both languages', async () => {
    const answer = await post(
      '/v1/evaluate',
      {
        ruleset: RULESET_ID,
        assessment: {
          context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
          facts: {
            households: 90,
            households_law_abiding: 95,
            housholds: 3,
            key_titles: -1,
            self_management_group_active: 'yes',
          },
        },
        lang: 'en',
      },
      { 'accept-language': 'en' },
    );
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.title).toBe('The request has problems');
    expect(problem.detail).toMatch(/5 problem/);
    const byPointer = Object.fromEntries(problem.errors.map((e) => [e['pointer'], e['code']]));
    expect(byPointer).toEqual({
      '/lang': 'field_unknown',
      '/assessment/facts/households_law_abiding': 'input_part_exceeds_whole',
      '/assessment/facts/housholds': 'input_unknown_fact',
      '/assessment/facts/key_titles': 'input_range',
      '/assessment/facts/self_management_group_active': 'input_type',
    });
    const misspelt = problem.errors.find((e) => e['pointer'] === '/assessment/facts/housholds');
    expect(misspelt?.['hint_en']).toContain('households');
    expect(misspelt?.['hint_vi']).toContain('households');
  });

  it('says what is missing when the assessment is absent and the ruleset unknown, together', async () => {
    const problem = expectProblem(await post('/v1/evaluate', { ruleset: 'nope' }), 422, 'invalid-request');
    expect(problem.errors.map((e) => [e['pointer'], e['code']])).toEqual([
      ['/assessment', 'field_missing'],
      ['/ruleset', 'ruleset_unknown'],
    ]);
  });

  it('answers 404 for an unknown ruleset alone', async () => {
    const problem = expectProblem(
      await post('/v1/evaluate', { ruleset: 'lai-chau-2030', assessment: nth(all, 0).value }),
      404,
      'unknown-ruleset',
    );
    expect(problem.errors).toMatchObject([{ pointer: '/ruleset', code: 'ruleset_unknown' }]);
  });

  it('uses its only ruleset when neither the request nor the assessment names one', async () => {
    const { ruleset: _named, ...unnamed } = nth(all, 0).value as Record<string, unknown>;
    const answer = await post('/v1/evaluate', { assessment: unnamed });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.ruleset.id).toBe(RULESET_ID);
  });

  it('with several rulesets, asks for one when neither the request nor the assessment names one', async () => {
    const several = await start({ rules: [RULES_FILE, SCHOOL_RULES] });
    try {
      const problem = expectProblem(
        await call(several.url, 'POST', '/v1/evaluate', { json: { assessment: { context: {}, facts: {} } } }),
        422,
        'invalid-request',
      );
      expect(problem.errors).toMatchObject([{ pointer: '/ruleset', code: 'ruleset_missing' }]);
      expect(problem.errors[0]?.['message_en']).toContain(`"illustrative-school-safety" or "${RULESET_ID}"`);
    } finally {
      await several.close();
    }
  });

  it('refuses rules sent in the request by default (403) and keeps serving only its own', async () => {
    const problem = expectProblem(
      await post('/v1/evaluate', { rules: rulesText, assessment: nth(all, 0).value }),
      403,
      'inline-rules-disabled',
    );
    expect(problem.errors).toMatchObject([{ pointer: '/rules', code: 'inline_rules_disabled' }]);
    expect(problem.errors[0]?.['hint_en']).toContain('/v1/rules/validate');
  });
});

describe('malformed requests', () => {
  it('locates broken JSON by line and column (400)', async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate', {
      body: '{"ruleset": "x",\n  "assessment" {}}',
      type: 'application/json',
    });
    const problem = expectProblem(answer, 400, 'malformed-json');
    expect(problem.errors).toMatchObject([{ code: 'json_syntax', line: 2, column: 16 }]);
    expect(problem.errors[0]?.['message_en']).toContain('colon');
    expect(problem.errors[0]?.['message_vi']).toContain('dòng 2, cột 16');
  });

  it('refuses an empty JSON body and a prototype-poisoning key (400)', async () => {
    expectProblem(
      await call(server.url, 'POST', '/v1/evaluate', { body: ' ', type: 'application/json' }),
      400,
      'malformed-json',
    );
    const poisoned = await call(server.url, 'POST', '/v1/evaluate', {
      body: '{"__proto__": {"x": 1}}',
      type: 'application/json',
    });
    expect(expectProblem(poisoned, 400, 'malformed-json').errors).toMatchObject([{ code: 'json_unsafe_key' }]);
  });

  it('refuses a content type the endpoint does not take (415), naming the ones it does', async () => {
    const plain = await call(server.url, 'POST', '/v1/evaluate', { body: '{}', type: 'text/plain' });
    expect(expectProblem(plain, 415, 'unsupported-media-type').errors[0]?.['hint_en']).toContain('"application/json"');
    // YAML is parsed for /v1/rules/validate, but /v1/evaluate still refuses it.
    const yaml = await call(server.url, 'POST', '/v1/evaluate', { body: 'a: 1', type: 'application/yaml' });
    expectProblem(yaml, 415, 'unsupported-media-type');
  });

  it('asks for a Content-Type when a body comes without one (415)', async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate', { body: new Blob(['{}']) });
    expect(expectProblem(answer, 415, 'unsupported-media-type').errors).toMatchObject([{ code: 'media_type_missing' }]);
  });

  it('says the body is missing when a POST has none (422)', async () => {
    const answer = await call(server.url, 'POST', '/v1/evaluate');
    expect(expectProblem(answer, 422, 'invalid-request').errors).toMatchObject([{ pointer: '', code: 'body_missing' }]);
  });

  it('answers unknown endpoints under /v1 with a problem (404)', async () => {
    const problem = expectProblem(await get('/v1/evaluations'), 404, 'not-found');
    expect(problem.errors[0]?.['hint_en']).toContain('/v1/openapi.json');
    expectProblem(await call(server.url, 'DELETE', '/v1/rulesets'), 404, 'not-found');
  });

  it('words titles and details in the language asked (Vietnamese by default)', async () => {
    const vi = await get('/v1/nope');
    const en = await get('/v1/nope', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(vi.body.title).toBe('Không có điểm truy cập này');
    expect(en.body.title).toBe('No such endpoint');
    expect(vi.body.errors).toEqual(en.body.errors);
  });
});

describe('POST /v1/evaluate/batch', () => {
  it('evaluates every assessment, in order, as single requests do', async () => {
    const answer = await post('/v1/evaluate/batch', { ruleset: RULESET_ID, assessments: all.map((e) => e.value) });
    expect(answer.status).toBe(200);
    expect(conforms('BatchResults', answer.body)).toEqual([]);
    expect(answer.body.results.map((r: { decision: string }) => r.decision)).toEqual(all.map((e) => e.announced));
    const single = await post('/v1/evaluate', { ruleset: RULESET_ID, assessment: nth(all, 1).value });
    expect(answer.body.results[1]).toEqual(single.body);
  });

  it('evaluates nothing when one assessment is invalid, and lists the problems of each by index', async () => {
    const answer = await post('/v1/evaluate/batch', {
      ruleset: RULESET_ID,
      assessments: [
        nth(all, 0).value,
        7,
        { ...nth(all, 1).value, facts: { households: 2.5 } },
        { context: {}, facts: {}, extra: true },
      ],
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.errors.map((e) => e['pointer'])).toEqual([
      '/assessments/1',
      '/assessments/2/facts/households',
      '/assessments/3/extra',
    ]);
    expect(problem.errors[0]?.['message_en']).toContain('assessments[1]');
  });
});

describe('POST /v1/explain', () => {
  const example = () =>
    nth(
      all.filter((e) => e.announced === 'not_recognised'),
      0,
    );

  it('explains in the language of Accept-Language, Vietnamese by default, with the full result', async () => {
    const vi = await post('/v1/explain', { ruleset: RULESET_ID, assessment: example().value });
    expect(vi.status).toBe(200);
    expect(conforms('Explanation', vi.body)).toEqual([]);
    expect(vi.body).toMatchObject({ decision: 'not_recognised', lang: 'vi' });
    expect(vi.body.text).toContain('KHÔNG ĐƯỢC CÔNG NHẬN');
    const en = await post(
      '/v1/explain',
      { ruleset: RULESET_ID, assessment: example().value },
      { 'accept-language': 'en' },
    );
    expect(en.body.lang).toBe('en');
    expect(en.body.text).toContain('NOT RECOGNISED');
    expect(en.body.result).toEqual(vi.body.result);
  });

  it('adds the gap analysis of the engine, as JSON and in words', async () => {
    const answer = await post('/v1/explain', { ruleset: RULESET_ID, assessment: example().value, lang: 'en' });
    const checked = rules.validateAssessment(example().value);
    assert(checked.value);
    const result = rules.evaluate(checked.value);
    expect(answer.body.gap).toEqual(JSON.parse(JSON.stringify(gapAnalysis(result, rules))));
    expect(answer.body.gap_text).toBe(explainGap(gapAnalysis(result, rules), rules, { lang: 'en' }));
    expect(answer.body.gap_text.length).toBeGreaterThan(50);
  });

  it('takes lang from the body over the header', async () => {
    const answer = await post(
      '/v1/explain',
      { ruleset: RULESET_ID, assessment: example().value, lang: 'vi' },
      { 'accept-language': 'en' },
    );
    expect(answer.body.lang).toBe('vi');
    const wrong = expectProblem(
      await post('/v1/explain', { ruleset: RULESET_ID, assessment: example().value, lang: 'fr' }),
      422,
      'invalid-request',
    );
    expect(wrong.errors).toMatchObject([{ pointer: '/lang', code: 'field_value' }]);
  });
});

describe('POST /v1/rules/validate', () => {
  /** The bundled rules with `from` replaced by `to` at its first occurrence after `after`. */
  function broken(after: string, from: string, to: string) {
    const at = rulesText.indexOf(from, rulesText.indexOf(after));
    expect(at).toBeGreaterThan(0);
    const text = rulesText.slice(0, at) + to + rulesText.slice(at + from.length);
    const before = text.slice(0, at);
    return { text, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
  }

  it('lists every error of a broken rule file with its line and column, in both languages (YAML body)', async () => {
    const bad = broken('percent: { part: households_law_abiding, whole: ', 'households }', 'housholds }');
    const answer = await call(server.url, 'POST', '/v1/rules/validate?file=mine.yaml', {
      body: bad.text,
      type: 'application/yaml',
    });
    expect(answer.status).toBe(200);
    expect(conforms('ValidationReport', answer.body)).toEqual([]);
    expect(answer.body.valid).toBe(false);
    expect(answer.body.ruleset).toBeUndefined();
    expect(answer.body.counts.errors).toBeGreaterThan(0);
    const error = answer.body.diagnostics.find((d: { line?: number }) => d.line === bad.line);
    expect(error).toMatchObject({ file: 'mine.yaml', line: bad.line, column: bad.column, severity: 'error' });
    expect(error.hint_en).toContain('households');
    expect(error.hint_vi).toContain('households');
  });

  it('reports a YAML syntax error located too', async () => {
    const answer = await call(server.url, 'POST', '/v1/rules/validate', {
      body: 'format: 1\nid: [unclosed\n',
      type: 'text/yaml',
    });
    expect(answer.body.valid).toBe(false);
    expect(answer.body.diagnostics[0]).toMatchObject({ file: 'ruleset.yaml', severity: 'error' });
    expect(answer.body.diagnostics[0].line).toBeGreaterThan(0);
  });

  it('validates a good file without keeping or running it', async () => {
    const copy = rulesText.replace(/^id: .*$/m, 'id: uploaded-copy');
    const answer = await post('/v1/rules/validate', { rules: copy, file: 'copy.yaml' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      valid: true,
      counts: { errors: 0 },
      ruleset: { id: 'uploaded-copy', version: rules.version },
    });
    expect(answer.body.ruleset.links).toBeUndefined();
    for (const d of answer.body.diagnostics) expect(d).toMatchObject({ pointer: '/rules', file: 'copy.yaml' });
    // Not kept: the server still serves only its own ruleset, and the uploaded id is unknown.
    expect((await get('/v1/rulesets')).body.rulesets.map((r: { id: string }) => r.id)).toEqual([RULESET_ID]);
    const evaluate = await post('/v1/evaluate', { ruleset: 'uploaded-copy', assessment: nth(all, 0).value });
    expectProblem(evaluate, 404, 'unknown-ruleset');
  });

  it('refuses a body that is neither YAML nor the JSON form', async () => {
    const plain = await call(server.url, 'POST', '/v1/rules/validate', { body: 'format: 1', type: 'text/plain' });
    const problem = expectProblem(plain, 415, 'unsupported-media-type');
    expect(problem.errors[0]?.['hint_en']).toContain('"application/yaml"');
    const json = expectProblem(await post('/v1/rules/validate', { text: 'format: 1' }), 422, 'invalid-request');
    expect(json.errors.map((e) => e['code']).sort()).toEqual(['field_missing', 'field_unknown']);
  });
});

describe('health and readiness', () => {
  it('answers /healthz and /readyz with the rulesets loaded', async () => {
    expect((await get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      rulesets: [{ id: rules.id, version: rules.version, hash: rules.hash }],
    });
  });

  it('is not ready (503) with no ruleset loaded, and then knows no ruleset', async () => {
    const empty = await start({ rules: [] });
    try {
      expectProblem(await call(empty.url, 'GET', '/readyz'), 503, 'not-ready');
      expect((await call(empty.url, 'GET', '/healthz')).status).toBe(200);
      const answer = await call(empty.url, 'POST', '/v1/evaluate', { json: { assessment: nth(all, 0).value } });
      expect(answer.status).toBe(404);
    } finally {
      await empty.close();
    }
  });
});

describe('limits', () => {
  let small: Running;
  beforeAll(async () => {
    small = await start({ limits: { bodyBytes: 4096, batchLength: 3 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('refuses a body over the limit (413), saying the limit', async () => {
    const answer = await call(small.url, 'POST', '/v1/evaluate', {
      json: { ruleset: RULESET_ID, assessment: nth(all, 0).value, pad: 'x'.repeat(5000) },
    });
    const problem = expectProblem(answer, 413, 'payload-too-large');
    expect(problem.errors[0]?.['message_en']).toContain('4096 bytes');
  });

  it('refuses a batch over the limit (422) without looking at its items', async () => {
    const answer = await call(small.url, 'POST', '/v1/evaluate/batch', {
      json: { ruleset: RULESET_ID, assessments: [{}, {}, {}, {}] },
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.errors).toMatchObject([{ pointer: '/assessments', code: 'batch_too_long' }]);
    expect(problem.errors[0]?.['message_en']).toBe(
      'The batch has 4 assessments; at most 3 are allowed in one request.',
    );
  });

  it('stops a request over the time limit with a timeout problem (503)', async () => {
    // 1 ms is far below what 200 evaluations take on any machine, so this does not race.
    const slow = await start({ limits: { handlerTimeoutMs: 1 } });
    try {
      const assessments = Array.from({ length: 200 }, (_, i) => nth(all, i % all.length).value);
      const answer = await call(slow.url, 'POST', '/v1/evaluate/batch', { json: { ruleset: RULESET_ID, assessments } });
      const problem = expectProblem(answer, 503, 'timeout');
      expect(problem.errors[0]?.['message_en']).toBe('The request took longer than 1 ms and was stopped.');
    } finally {
      await slow.close();
    }
  });

  it('documents the limits in the OpenAPI document', async () => {
    const doc = (await call(small.url, 'GET', '/v1/openapi.json')).body;
    expect(doc.components.schemas.BatchRequest.properties.assessments.maxItems).toBe(3);
    expect(doc.info.description).toContain('body 4096 bytes');
  });
});

describe('rules sent with the request, when the operator allows them', () => {
  let open: Running;
  beforeAll(async () => {
    open = await start({ allowUploadedRulesetEvaluation: true });
  });
  afterAll(async () => {
    await open?.close();
  });

  it('evaluates with the inline rules: the same result as the loaded ruleset', async () => {
    const example = nth(all, 0);
    const inline = await call(open.url, 'POST', '/v1/evaluate', {
      json: { rules: rulesText, assessment: example.value },
    });
    const loaded = await call(open.url, 'POST', '/v1/evaluate', {
      json: { ruleset: RULESET_ID, assessment: example.value },
    });
    expect(inline.status).toBe(200);
    expect(inline.body).toEqual(loaded.body);
  });

  it('reports broken inline rules located in the rule text, and evaluates nothing', async () => {
    const text = rulesText.replace(/^format: 1$/m, 'format: 2');
    const answer = await call(open.url, 'POST', '/v1/evaluate/batch', {
      json: { rules: text, assessments: [nth(all, 0).value, nth(all, 1).value] },
    });
    const problem = expectProblem(answer, 422, 'invalid-request');
    expect(problem.errors[0]).toMatchObject({ pointer: '/rules', code: 'inline_rules_invalid' });
    const located = problem.errors.filter((e) => e['line'] !== undefined);
    expect(located.length).toBeGreaterThan(0);
    expect(located[0]).toMatchObject({ pointer: '/rules', file: 'rules', severity: 'error' });
    // Told once for the batch, not once per assessment.
    expect(problem.errors.filter((e) => e['code'] === 'inline_rules_invalid')).toHaveLength(1);
  });

  it('refuses both a loaded ruleset and inline rules in one request', async () => {
    const answer = await call(open.url, 'POST', '/v1/evaluate', {
      json: { ruleset: RULESET_ID, rules: rulesText, assessment: nth(all, 0).value },
    });
    expect(expectProblem(answer, 422, 'invalid-request').errors).toMatchObject([
      { pointer: '/ruleset', code: 'ruleset_and_rules' },
    ]);
  });
});

/**
 * The pure parts, without a server: handlers with a signal, the transport-error mapping, options,
 * the registry, language negotiation and JSON error positions.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CriteriaEngineError, loadRulesetOrThrow } from '@lcz/criteria-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../src/handlers/context.js';
import { evaluateBatch } from '../src/handlers/evaluate.js';
import { lineColumn } from '../src/json-body.js';
import { negotiateLang } from '../src/lang.js';
import { CriteriaHttpOptionsError, DEFAULT_LIMITS, resolveLimits } from '../src/options.js';
import { loadRegistry, RulesetRegistry } from '../src/registry.js';
import { RulesChecker } from '../src/rules-check/rules-checker.js';
import { mapTransportError } from '../src/transport-errors.js';
import { examples, nth, RULES_FILE, RULESET_ID } from './helpers.js';

let text: string;
let temp: string;

beforeAll(async () => {
  text = await readFile(RULES_FILE, 'utf8');
  temp = await mkdtemp(join(tmpdir(), 'lcz-http-'));
});

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

const context = (registry: RulesetRegistry): HandlerContext => ({
  registry,
  limits: DEFAULT_LIMITS,
  allowInlineRules: false,
  basePath: '/v1',
  openapi: () => ({}),
  rulesChecker: new RulesChecker(DEFAULT_LIMITS.rulesCheckMs),
});

describe('evaluateBatch', () => {
  it('stops between slices when the request is given up, with the reason it was given up', async () => {
    const registry = new RulesetRegistry([loadRulesetOrThrow(text)]);
    const one = nth(await examples(), 0).value;
    const controller = new AbortController();
    const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    controller.abort(reason);
    const input = {
      body: { ruleset: RULESET_ID, assessments: Array.from({ length: 60 }, () => one) },
      params: {},
      query: {},
      lang: 'vi' as const,
    };
    await expect(evaluateBatch(context(registry), { ...input, signal: controller.signal })).rejects.toBe(reason);
    const done = await evaluateBatch(context(registry), input);
    expect('status' in done && (done.body as { results: unknown[] }).results).toHaveLength(60);
  });
});

describe('mapTransportError', () => {
  const transport = {
    accepts: ['application/json'],
    contentType: 'application/json',
    bodyLimit: 10,
    handlerTimeoutMs: 250,
    requestId: 'req-7',
  };

  it('turns a bug into internal-error with the request id, never its message or stack', () => {
    const mapped = mapTransportError(new TypeError('secret detail at /srv/app.js:1'), transport);
    expect(mapped).toMatchObject({ kind: 'internal-error', unexpected: true });
    expect(mapped.errors[0]?.hint_en).toContain('req-7');
    expect(JSON.stringify(mapped)).not.toContain('secret');
  });

  it('turns the time limit into timeout, naming it', () => {
    const mapped = mapTransportError(
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      transport,
    );
    expect(mapped).toMatchObject({ kind: 'timeout', unexpected: false });
    expect(mapped.errors[0]?.message_en).toContain('250 ms');
  });

  it('words other client errors of the transport as bad-request', () => {
    const mapped = mapTransportError(
      Object.assign(new Error('Request body size did not match Content-Length'), { statusCode: 400 }),
      transport,
    );
    expect(mapped.kind).toBe('bad-request');
    expect(mapped.errors[0]?.message_en).toContain('Content-Length');
  });
});

describe('resolveLimits', () => {
  it('takes the defaults and overrides', () => {
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ batchLength: 5 })).toEqual({ ...DEFAULT_LIMITS, batchLength: 5 });
  });

  it('refuses every wrong limit at once, in both languages', () => {
    const wrong = {
      bodyBytes: 0,
      batchLength: 1.5,
      handlerTimeoutMs: '10' as unknown as number,
      batchSize: 3,
    } as never;
    expect(() => resolveLimits(wrong)).toThrow(CriteriaHttpOptionsError);
    try {
      resolveLimits(wrong);
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(4);
      expect(lines.join('\n')).toMatch(/limits\.batchSize is not a limit/);
      expect(lines.join('\n')).toMatch(/phải là số nguyên/);
    }
  });
});

describe('RulesetRegistry', () => {
  const version = (v: string) => loadRulesetOrThrow(text.replace(/^version: .*$/m, `version: "${v}"`));

  it('asks for the version when several are loaded, and finds each by version', () => {
    const registry = new RulesetRegistry([version('2026-2030'), version('2020-2025')]);
    expect(registry.list().map((r) => r.version)).toEqual(['2020-2025', '2026-2030']);
    expect(registry.find(RULESET_ID, undefined)).toEqual({
      problem: 'version_required',
      versions: ['2020-2025', '2026-2030'],
    });
    expect(registry.find(RULESET_ID, '2026-2030')).toMatchObject({ ruleset: { version: '2026-2030' } });
    expect(registry.find('other', undefined)).toEqual({ problem: 'unknown_id', available: [RULESET_ID] });
  });

  it('refuses the same id and version twice', () => {
    expect(() => new RulesetRegistry([version('a'), version('a')])).toThrow(
      /given twice: lai-chau-khu-dan-cu-tu-quan a/,
    );
  });

  it('loads paths, reporting the errors of every broken file together', async () => {
    const first = join(temp, 'first.yaml');
    const second = join(temp, 'second.yaml');
    await writeFile(first, text.replace(/^format: 1$/m, 'format: 9'));
    await writeFile(second, 'format: 1\nid: [\n');
    const error = await loadRegistry([first, second, join(temp, 'missing')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CriteriaEngineError);
    const files = new Set((error as CriteriaEngineError).diagnostics.map((d) => d.file));
    expect(files).toEqual(new Set([first, second, join(temp, 'missing')]));
  });
});

describe('negotiateLang', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr, en;q=0.5', 'en'],
    ['vi-VN, en;q=0.8', 'vi'],
    ['de', 'vi'],
    ['*', 'vi'],
  ])('%s → %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

/**
 * A real server on the loopback interface, called with Node's fetch: what a client sees, headers
 * and all. Also the bundled example assessments and the OpenAPI document's schemas as validators.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { createServer, type ServerOptions } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RULES_DIR = join(ROOT, 'rules/lai-chau-2020-2025');
export const RULES_FILE = join(RULES_DIR, 'ruleset.yaml');
const EXAMPLES_DIR = join(ROOT, 'examples/assessments');
export const RULESET_ID = 'lai-chau-khu-dan-cu-tu-quan';
/** The illustrative English-only scheme: a second ruleset for servers that hold several. */
export const SCHOOL_RULES = join(ROOT, 'examples/school-safety/ruleset.yaml');

export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

export async function start(options: Partial<ServerOptions> = {}): Promise<Running> {
  const app = await createServer({ rules: RULES_DIR, logger: false, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

export interface Answer {
  readonly status: number;
  /** The media type, without parameters. */
  readonly type: string;
  readonly text: string;
  /** The body parsed as JSON when it is JSON (any +json type). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes field by field, and each read is asserted
  readonly body: any;
}

export async function call(
  base: string,
  method: string,
  path: string,
  init: { json?: unknown; body?: string | Blob; type?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | Blob | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] = 'application/json';
  }
  if (init.type !== undefined) headers['content-type'] = init.type;
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  return { status: res.status, type, text, body: /json$/.test(type) ? JSON.parse(text) : undefined };
}

export interface Example {
  readonly file: string;
  readonly value: Record<string, unknown>;
  /** The decision the file name announces. */
  readonly announced: 'recognised' | 'not_recognised' | 'undetermined';
}

/** The item at `i`, or a failure that says none is there (so tests need no `!` under noUncheckedIndexedAccess). */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`expected an item at index ${i} of ${items.length}`);
  return item;
}

export async function examples(): Promise<Example[]> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      value: parse(await readFile(join(EXAMPLES_DIR, file), 'utf8')) as Record<string, unknown>,
      announced: /^(not-recognised|disqualified)/.test(file)
        ? 'not_recognised'
        : /^recognised/.test(file)
          ? 'recognised'
          : 'undetermined',
    })),
  );
}

/** A validator for a component of the OpenAPI document (its `#/components/schemas/…` refs resolved). */
export function componentValidator(openapi: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(openapi, 'openapi');
  return (component: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${component}`);
    if (!validate) throw new Error(`no component ${component}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}

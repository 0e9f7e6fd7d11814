/**
 * `lcz lsp` driven as an editor drives it: a real child process, JSON-RPC messages framed by hand
 * (Content-Length headers) over its standard input and output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const RULES = join(ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml');
const DRAFT = join(ROOT, 'rules/lai-chau-2026-2030-draft/ruleset.yaml');
const SHARED = join(ROOT, 'rules/shared/self-management-contents.yaml');

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

class LspClient {
  readonly child: ChildProcess;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #pending = new Map<number, (m: Message) => void>();
  readonly #notifications: Message[] = [];
  #waiters: (() => void)[] = [];
  stderr = '';

  constructor(env: Record<string, string>, args: string[] = []) {
    this.child = spawn(
      process.execPath,
      ['--conditions=@lcz/source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'lsp', '--stdio', ...args],
      { cwd: ROOT, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.#read(chunk));
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const body = this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as Message;
      if (message.id !== undefined && message.method === undefined) this.#pending.get(message.id)?.(message);
      else if (message.method !== undefined && message.id !== undefined) this.#write({ id: message.id, result: null });
      else {
        this.#notifications.push(message);
        for (const wake of this.#waiters) wake();
        this.#waiters = [];
      }
    }
  }

  #write(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin?.write(body);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.#nextId++;
    return new Promise((done, fail) => {
      this.#pending.set(id, (m) => (m.error ? fail(new Error(m.error.message)) : done(m.result as T)));
      this.#write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#write({ method, params });
  }

  /** The first notification (received or to come) that `match` accepts; earlier ones are dropped. */
  async notification(match: (m: Message) => boolean): Promise<Message> {
    for (;;) {
      const i = this.#notifications.findIndex(match);
      if (i >= 0) return this.#notifications.splice(0, i + 1)[i] as Message;
      await new Promise<void>((wake) => this.#waiters.push(wake));
    }
  }
}

interface PublishedDiagnostics {
  uri: string;
  diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[];
}

const diagnosticsFor = (uri: string) => (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as PublishedDiagnostics).uri === uri;

async function initialized(
  client: LspClient,
  initializationOptions?: object,
): Promise<{ capabilities: Record<string, unknown> }> {
  const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: null,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: {},
    ...(initializationOptions ? { initializationOptions } : {}),
  });
  client.notify('initialized', {});
  return result;
}

function open(client: LspClient, uri: string, text: string): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
}

/** The LSP position (0-based) of the first `needle` in `text`, `shift` characters into it. */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset + shift);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('lcz lsp over stdio (English from initializationOptions)', () => {
  let client: LspClient;
  const original = readFileSync(RULES, 'utf8');
  // Two typos at once: a misspelt rating and a misspelt fact, on different lines.
  const broken = original
    .replace(
      '{ fact: party_cell_rating, at_least: hoan_thanh_tot_nhiem_vu }',
      '{ fact: party_cell_rating, at_least: hoan_thanh_tot }',
    )
    .replace(
      'percent: { part: households_law_abiding, whole: households }',
      'percent: { part: households_law_abiding, whole: housholds }',
    );
  // A copy under rules/ (not on disk: the server reads the editor's text), so its root is rules/.
  const uri = pathToFileURL(join(ROOT, 'rules/lai-chau-2020-2025/editing.yaml')).href;

  beforeAll(async () => {
    client = new LspClient({ LANG: 'vi_VN.UTF-8' });
  });
  afterAll(() => {
    client.child.kill();
  });

  it('answers initialize with completion, hover and definition', async () => {
    const { capabilities } = await initialized(client, { lang: 'en' });
    expect(capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true });
    expect(capabilities['completionProvider']).toBeDefined();
  });

  it('publishes every problem of the file at once, located, in English', async () => {
    expect(broken).not.toBe(original);
    open(client, uri, broken);
    const published = (await client.notification(diagnosticsFor(uri))).params as PublishedDiagnostics;
    const codes = published.diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['expr_enum_value', 'expr_unknown_name']);
    const rating = published.diagnostics.find((d) => d.code === 'expr_enum_value');
    expect(rating?.range.start).toEqual(positionOf(broken, 'hoan_thanh_tot }'));
    expect(rating?.message).toContain('is not a value of party_cell_rating');
    const fact = published.diagnostics.find((d) => d.code === 'expr_unknown_name');
    expect(fact?.range.start).toEqual(positionOf(broken, 'housholds'));
    expect(fact?.message).toContain('Did you mean "households"?');
  });

  it('completes fact names inside a flow mapping and value ids beside an ordinal', async () => {
    const where = positionOf(broken, '{ fact: front_committee_rating', '{ fact: '.length);
    const names = await client.request<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: where,
    });
    expect(names.map((i) => i.label)).toEqual(expect.arrayContaining(['households', 'party_cell_rating', 'unit_kind']));
    const values = await client.request<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(broken, 'at_least: hoan_thanh_tot }', 'at_least: '.length),
    });
    expect(values.map((i) => i.label)).toEqual([
      'khong_hoan_thanh_nhiem_vu',
      'hoan_thanh_nhiem_vu',
      'hoan_thanh_tot_nhiem_vu',
      'hoan_thanh_xuat_sac_nhiem_vu',
    ]);
  });

  it('hovers a fact and a criterion with their texts in both languages', async () => {
    const fact = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(broken, 'part: households_law_abiding', 'part: h'.length),
    });
    expect(fact.contents.value).toContain('*vi*: Số hộ nghiêm chỉnh thực hiện');
    expect(fact.contents.value).toContain('*en*: Households strictly following');
    const criterion = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(broken, 'id: "1.3"', 'id: "1'.length),
    });
    expect(criterion.contents.value).toContain('*vi*: 98% trở lên các hộ');
    // The thresholds as the file states them (here with the typo it has).
    expect(criterion.contents.value).toContain('`households_law_abiding / housholds ≥ 98% (housholds = 0: fail)`');
  });

  it('goes from a use to the declaration, across include:', async () => {
    const draft = readFileSync(DRAFT, 'utf8');
    const draftUri = pathToFileURL(DRAFT).href;
    open(client, draftUri, draft);
    const location = await client.request<{ uri: string; range: { start: { line: number } } }>(
      'textDocument/definition',
      { textDocument: { uri: draftUri }, position: positionOf(draft, 'condition: self_management_done_well', 12) },
    );
    expect(location.uri).toBe(pathToFileURL(SHARED).href);
    expect(location.range.start).toEqual(positionOf(readFileSync(SHARED, 'utf8'), 'self_management_done_well:'));
    const local = await client.request<{ uri: string; range: { start: unknown } }>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(broken, 'whole: housholds }', -8),
    });
    expect(local.uri).toBe(uri);
    expect(local.range.start).toEqual(positionOf(broken, '  households_law_abiding:', 2));
  });

  it('clears the problems once the file is fixed, and exits cleanly', async () => {
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: original }],
    });
    const published = (await client.notification(diagnosticsFor(uri))).params as PublishedDiagnostics;
    expect(published.diagnostics.filter((d) => !d.code.startsWith('variant_'))).toEqual([]);
    await client.request('shutdown', null);
    const code = new Promise((done) => client.child.once('exit', done));
    client.notify('exit', null);
    expect(await code).toBe(0);
    expect(client.stderr).toBe('');
  });
});

describe('lcz lsp: the language from LANG', () => {
  it('words the problems in Vietnamese for LANG=vi_VN', async () => {
    const client = new LspClient({ LANG: 'vi_VN.UTF-8' });
    try {
      await initialized(client);
      const uri = pathToFileURL(join(ROOT, 'rules/lai-chau-2020-2025/editing.yaml')).href;
      open(client, uri, readFileSync(RULES, 'utf8').replace('whole: households }', 'whole: housholds }'));
      const published = (await client.notification(diagnosticsFor(uri))).params as PublishedDiagnostics;
      expect(published.diagnostics.map((d) => d.message)).toContainEqual(
        expect.stringContaining('không phải là dữ kiện, thuộc tính bối cảnh hay tham số'),
      );
    } finally {
      client.child.kill();
    }
  });
});

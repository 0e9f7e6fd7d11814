/**
 * A small client of the criteria HTTP API (docs/http.md): it posts the bundled example
 * assessments and prints each decision, then explains one of them.
 *
 *   npx tsx --conditions=@lcz/source examples/http-client/client.ts                 # starts a server in-process
 *   npx tsx --conditions=@lcz/source examples/http-client/client.ts --url http://127.0.0.1:8080   # uses `lcz serve`
 *
 * Only fetch talks to the server; `yaml` reads the example files, which are YAML.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples/assessments');
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');

/** The parts of the API's answers this client reads (docs/http.md has them in full). */
interface RulesetsAnswer {
  readonly rulesets: ReadonlyArray<{ id: string; version: string; title: { en: string } }>;
}
interface EvaluateAnswer {
  readonly decision: string;
  readonly standards: ReadonlyArray<{ id: string; passed: number; applicable: number }>;
  readonly needed: readonly unknown[];
}
interface ProblemAnswer {
  readonly errors: ReadonlyArray<{ pointer?: string; message_en: string; hint_en?: string }>;
}
interface ExplainAnswer {
  readonly text: string;
}

export interface ClientRun {
  /** Example file → decision, in file order. */
  readonly decisions: Record<string, string>;
  readonly exitCode: number;
}

/** Talk to the API at `url`, or to a server started in-process when `url` is not given. */
export async function main(options: { url?: string; print?: (line: string) => void } = {}): Promise<ClientRun> {
  const print = options.print ?? ((line: string) => console.log(line));
  let url = options.url;
  let stop = async () => {};
  if (url === undefined) {
    const { createServer } = await import('@lcz/criteria-http');
    const app = await createServer({ rules: RULES, logger: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    stop = () => app.close();
  }
  try {
    return await talk(url, print);
  } finally {
    await stop();
  }
}

async function talk(url: string, print: (line: string) => void): Promise<ClientRun> {
  const { rulesets } = await getJson<RulesetsAnswer>(`${url}/v1/rulesets`);
  const ruleset = rulesets[0];
  if (ruleset === undefined) throw new Error(`${url}/v1/rulesets lists no ruleset`);
  print(`${ruleset.id} ${ruleset.version}: ${ruleset.title.en}`);

  const files = (await readdir(EXAMPLES)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const decisions: Record<string, string> = {};
  let exitCode = 0;
  for (const file of files) {
    const assessment = parse(await readFile(join(EXAMPLES, file), 'utf8'));
    const res = await postJson(`${url}/v1/evaluate`, { ruleset: ruleset.id, version: ruleset.version, assessment });
    if (res.status !== 200) {
      // A problem+json: every problem, where it is and how to fix it.
      const problem = res.body as ProblemAnswer;
      for (const e of problem.errors) print(`${file}: ${e.pointer ?? ''} ${e.message_en} ${e.hint_en ?? ''}`);
      exitCode = 1;
      continue;
    }
    const answer = res.body as EvaluateAnswer;
    decisions[file] = answer.decision;
    const standards = answer.standards.map((s) => `${s.id}:${s.passed}/${s.applicable}`);
    print(
      `${file}: ${answer.decision}  [${standards.join(' ')}]${answer.needed.length ? `  needs ${answer.needed.length} facts` : ''}`,
    );
  }

  const first = files.find((f) => decisions[f] === 'not_recognised');
  if (first !== undefined) {
    const assessment = parse(await readFile(join(EXAMPLES, first), 'utf8'));
    const res = await postJson(`${url}/v1/explain`, { ruleset: ruleset.id, assessment, lang: 'en' });
    print(`\nWhy ${first} is not recognised:`);
    print((res.body as ExplainAnswer).text.split('\n').slice(0, 12).join('\n'));
  }
  return { decisions, exitCode };
}

/** The JSON answer, typed by the caller: this example trusts its own server rather than checking each field. */
async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--url');
  const url = at >= 0 ? process.argv[at + 1] : undefined;
  main(url !== undefined ? { url } : {}).then(
    (run) => (process.exitCode = run.exitCode),
    (error: unknown) => {
      console.error(`http-client: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

/**
 * The packages as a stranger installs them: every public package is packed (`pnpm pack`, which
 * turns `workspace:*` into versions), the tarballs are installed together into an empty folder
 * with plain npm (one `npm install`, so the packages' dependencies on each other resolve to the
 * tarballs), and the engine README's example runs there from an ES module and from CommonJS and
 * type-checks with `tsc --strict` under moduleResolution node10, node16 and bundler, without
 * skipLibCheck (so the published declarations are checked too).
 *
 * Needs the built packages (`pnpm test` builds first) and the npm registry, for the packages'
 * own dependencies.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const PUBLIC = ['criteria-engine', 'batch', 'report', 'http', 'records', 'cli', 'web', 'plan-file'];
const tsc = join(repo, 'node_modules/typescript/bin/tsc');

const block = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(
  readFileSync(join(repo, 'packages/criteria-engine/README.md'), 'utf8'),
)?.[1];
/** The example as CommonJS: its `import { … } from '…'` lines become `require` calls. */
const asCommonJs = (esm: string) =>
  esm.replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
    return `const {${names.replace(/\btype \w+,?/g, '')}} = require('${from}');`;
  });

let dir = '';
const tarballs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lcz-pack-'));
  const packs = join(dir, 'tarballs');
  const app = join(dir, 'app');
  for (const name of PUBLIC) {
    if (!existsSync(join(repo, 'packages', name, 'dist')))
      throw new Error(`packages/${name} is not built: run \`pnpm build\` (pnpm test builds first)`);
  }
  // pnpm as the repository pins it (package.json packageManager), fetched by npx like the README's commands.
  await Promise.all(
    PUBLIC.map((name) =>
      run('npx', ['--yes', 'pnpm@12.4.2', 'pack', '--pack-destination', packs], { cwd: join(repo, 'packages', name) }),
    ),
  );
  tarballs.push(...readdirSync(packs).map((f) => join(packs, f)));
  cpSync(join(repo, 'rules/lai-chau-2020-2025'), join(app, 'rules/lai-chau-2020-2025'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'stranger', private: true }));
  // A registry connection that stalls is given up after 60 s and tried again (npm's default waits
  // 5 minutes per try: one stalled fetch outlasted this hook's 10 minutes in a CI run).
  const fetchLimits = ['--fetch-timeout=60000', '--fetch-retries=5', '--fetch-retry-maxtimeout=20000'];
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...fetchLimits, ...tarballs],
    { cwd: app },
  );
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const app = () => join(dir, 'app');
const node = (file: string) => execFileSync(process.execPath, [file], { cwd: app(), encoding: 'utf8' });

describe('the packed tarballs', () => {
  it('each holds its README, LICENSE, dist and no sources; the engine its JSON Schemas', () => {
    expect(tarballs).toHaveLength(PUBLIC.length);
    for (const tarball of tarballs) {
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
      expect(files, tarball).toContain('package/README.md');
      expect(files, tarball).toContain('package/LICENSE');
      expect(files, tarball).toContain('package/package.json');
      expect(files.some((f) => f.startsWith('package/dist/'))).toBe(true);
      expect(files.filter((f) => f.startsWith('package/src/'))).toEqual([]);
    }
    const engine = tarballs.find((t) => /lcz-criteria-engine-/.test(t)) as string;
    const files = execFileSync('tar', ['-tzf', engine], { encoding: 'utf8' });
    for (const schema of ['ruleset', 'result', 'gap', 'diff', 'test-cases'])
      expect(files).toContain(`package/schemas/${schema}.schema.json`);
  });

  it('workspace dependencies became versions, and nothing is listed the dist never imports', () => {
    const manifest = JSON.parse(
      readFileSync(join(app(), 'node_modules/@lcz/cli/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@lcz/criteria-engine']).toMatch(/^\d+\.\d+\.\d+$/);
    const engine = JSON.parse(
      readFileSync(join(app(), 'node_modules/@lcz/criteria-engine/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(Object.keys(engine.dependencies).sort()).toEqual(['@noble/hashes', 'diff', 'yaml']);
    // fast-check, the peer dependency of ./testing, is not optional: npm installs it beside the engine.
    expect(existsSync(join(app(), 'node_modules/fast-check/package.json'))).toBe(true);
  });
});

describe('the README example, installed with npm', () => {
  it('runs as an ES module', () => {
    writeFileSync(join(app(), 'example.mjs'), block as string);
    const [first, second] = node('example.mjs').split('\n');
    expect(first).toBe('not_recognised 0');
    expect(second).toMatch(/^not_recognised( \d+){6}$/);
  });

  it('runs as CommonJS', () => {
    writeFileSync(join(app(), 'example.cjs'), asCommonJs(block as string));
    const out = node('example.cjs');
    expect(out.split('\n')[0]).toBe('not_recognised 0');
    expect(out).toContain('NOT RECOGNISED');
  });

  it('the JSON Schemas are reachable by their documented path', () => {
    writeFileSync(
      join(app(), 'schema.cjs'),
      "console.log(require('@lcz/criteria-engine/schemas/result.schema.json').$schema)",
    );
    expect(node('schema.cjs')).toContain('json-schema.org');
  });

  it.each([
    ['node10', 'commonjs', 'example.ts'],
    ['node16', 'node16', 'example.mts'],
    ['node16', 'node16', 'example.cts'],
    ['bundler', 'esnext', 'example.ts'],
  ])('type-checks with tsc --strict, moduleResolution %s (module %s, %s)', (resolution, module, file) => {
    // The example, and every subpath entry point (node10 finds them through typesVersions).
    const entries = [
      "import { loadRulesetFile, readAssessmentFile } from '@lcz/criteria-engine/node';",
      "import { diffRulesets, checkRuleset, runTestCases } from '@lcz/criteria-engine/tools';",
      "import { loadCompiledRuleset } from '@lcz/criteria-engine/runtime';",
      "import { loadCompiledRuleset as loadStandalone } from '@lcz/criteria-engine/standalone';",
      "import { formatDiagnostics as format } from '@lcz/criteria-engine/messages';",
      'export const entries = [loadRulesetFile, readAssessmentFile, diffRulesets, checkRuleset, runTestCases, loadCompiledRuleset, loadStandalone, format];',
    ].join('\n');
    // The plan-file package is an ES module with no `exports` (resolved through "main" and
    // "types"): an ES module program (.mts, a bundler) imports it; CommonJS uses the engine's ./plan-file.
    const esm = file === 'example.mts' || resolution === 'bundler';
    const planFile = esm
      ? "\nimport { loadPlanFile as loadPlanFileMain, type PlanRuleset } from '@lcz/criteria-plan-file';\nexport const planFile: (path: string) => PlanRuleset | undefined = (path) => loadPlanFileMain(path)?.value;"
      : '';
    const folder = join(app(), `types-${resolution}-${file.replace('.', '-')}`);
    cpSync(join(app(), 'package.json'), join(folder, 'package.json'));
    writeFileSync(join(folder, file), `${block as string}\n${entries}${planFile}\n`);
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module,
          moduleResolution: resolution,
          types: ['node'],
          typeRoots: [join(repo, 'node_modules/@types')],
          skipLibCheck: false,
        },
        files: [file],
      }),
    );
    const result = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', folder], { cwd: folder, encoding: 'utf8' });
      } catch (e) {
        return (e as { stdout: string }).stdout;
      }
    })();
    expect(result).toBe('');
    // tsc takes a few seconds alone and minutes on a loaded two-core machine.
  }, 300_000);

  it('the `lcz` command runs from the installed package', () => {
    const out = execFileSync(join(app(), 'node_modules/.bin/lcz'), ['validate', 'rules/lai-chau-2020-2025'], {
      cwd: app(),
      encoding: 'utf8',
    });
    expect(out).toContain('Hợp lệ rules/lai-chau-2020-2025');
  });

  it('@lcz/criteria-plan-file loads what the installed `lcz build` wrote, as the engine\'s ./plan-file does', () => {
    mkdirSync(join(app(), 'built'), { recursive: true });
    execFileSync(
      join(app(), 'node_modules/.bin/lcz'),
      ['build', '--out', 'built/lai-chau.compiled.json', 'rules/lai-chau-2020-2025'],
      { cwd: app(), encoding: 'utf8' },
    );
    expect(existsSync(join(app(), 'built/lai-chau.compiled.plan-script.v8cache'))).toBe(true);
    const run = (load: string) => `${load}
const input = { context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true }, facts: { households: 120, households_law_abiding: 116, drug_or_prostitution_spot_present: false } };
const rules = loadPlanFile('built/lai-chau.compiled.plan-script.js').value;
const checked = rules.validateAssessment(input);
console.log(rules.evaluate(checked.value).decision, rules.decide(checked.value).decision);`;
    writeFileSync(join(app(), 'plan-main.mjs'), run("import { loadPlanFile } from '@lcz/criteria-plan-file';"));
    writeFileSync(join(app(), 'plan-exports.mjs'), run("import { loadPlanFile } from '@lcz/criteria-engine/plan-file';"));
    expect(node('plan-main.mjs').trim()).toBe('not_recognised not_recognised');
    expect(node('plan-main.mjs')).toBe(node('plan-exports.mjs'));
    // It holds the loader alone: importing it never resolves the engine, nor anything (node:fs and
    // node:vm come from process.getBuiltinModule).
    const dist = readFileSync(join(app(), 'node_modules/@lcz/criteria-plan-file/dist/index.js'), 'utf8');
    expect([...dist.matchAll(/(?:from |import\(|require\()['"]([^'"]+)['"]/g)].map((m) => m[1])).toEqual([]);
    expect(dist).toContain('getBuiltinModule');
  });

  it('./testing runs a property against the installed engine, from ESM and CommonJS', () => {
    const property = (load: string) => `${load}
const { loadRulesetOrThrow } = engine;
const rules = loadRulesetOrThrow(require('node:fs').readFileSync('rules/lai-chau-2020-2025/ruleset.yaml', 'utf8'));
fc.assert(testing.fastPathAgrees(rules), { seed: 1, numRuns: 20 });
console.log('agreed');`;
    writeFileSync(
      join(app(), 'property.mjs'),
      property(
        "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\nimport fc from 'fast-check'; import * as engine from '@lcz/criteria-engine'; import * as testing from '@lcz/criteria-engine/testing';",
      ),
    );
    writeFileSync(
      join(app(), 'property.cjs'),
      property(
        "const fc = require('fast-check'); const engine = require('@lcz/criteria-engine'); const testing = require('@lcz/criteria-engine/testing');",
      ),
    );
    expect(node('property.mjs').trim()).toBe('agreed');
    expect(node('property.cjs').trim()).toBe('agreed');
  });
});

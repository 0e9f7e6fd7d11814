#!/usr/bin/env node
// The dependency rules of docs/architecture.md, checked (run by `pnpm test`):
//
// 1. Inside packages/criteria-engine/src, a stage imports (at run time) only from earlier stages and
//    diagnostics/; no stage imports the pipeline glue or the entry points at the root of src/.
// 2. The root files of the engine's src/ each have a role: an entry point imports stages and glue but
//    never another entry (a name has one home); glue imports stages and glue, never an entry. The
//    browser-safe entries reach no `node:` module through their run-time imports.
// 3. Every package's src/ imports only packages its package.json declares (run-time imports from
//    `dependencies` or `peerDependencies`, or `devDependencies` for a private package), other
//    @lcz packages only where the table below allows and only through their public entries (the
//    `exports` map: no deep imports), and nothing outside its own folder but the repository's
//    JSON Schemas in schemas/ (data, bundled at build).
// 4. The map matches the territory: every package, every folder and root file of the engine's src/
//    and every root file of the repository is named in docs/architecture.md.
//
// Type-only imports may point anywhere a run-time import may within the engine (the data model is
// shared by every stage), but across packages they too must be declared.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const engineSrc = join(repo, 'packages/criteria-engine/src');
const problems = [];
const problem = (file, text) => problems.push(`${relative(repo, file)}: ${text}`);

/** Which @lcz packages each package's src may import: the one-way graph between packages. */
const ALLOWED_PACKAGES = {
  '@lcz/criteria-engine': [],
  '@lcz/criteria-batch': ['@lcz/criteria-engine'],
  '@lcz/criteria-records': ['@lcz/criteria-engine', '@lcz/criteria-batch'],
  '@lcz/criteria-report': ['@lcz/criteria-engine', '@lcz/criteria-batch'],
  '@lcz/criteria-http': ['@lcz/criteria-engine', '@lcz/criteria-records'],
  '@lcz/criteria-web': ['@lcz/criteria-engine'],
  '@lcz/cli': [
    '@lcz/criteria-engine',
    '@lcz/criteria-batch',
    '@lcz/criteria-http',
    '@lcz/criteria-records',
    '@lcz/criteria-report',
  ],
  '@lcz/criteria-plan-file': ['@lcz/criteria-engine'],
  '@lcz/bench': ['@lcz/criteria-engine', '@lcz/criteria-batch'],
};

/**
 * Imports the rules would refuse, each allowed for a reason: `file` (from the repository root) may
 * import `spec`.
 */
const EXCEPTIONS = [
  {
    file: 'packages/bench/src/generate.ts',
    spec: '../../criteria-engine/src/testing/seeded-random.js',
    why: 'the private bench takes the one seeded generator from its module: the ./testing entry loads fast-check, which the memory child must not carry',
  },
];
const excepted = (file, spec) => EXCEPTIONS.some((e) => e.file === relative(repo, file) && e.spec === spec);

const STAGES = [
  'diagnostics',
  'parse',
  'validate',
  'compile',
  'evaluate',
  'generate',
  'analyze',
  'explain',
  'conformance',
  'assist',
  'testing',
];
const ENTRIES = ['index', 'node', 'tools', 'runtime', 'explain', 'messages', 'testing'];
const BROWSER_SAFE = ['index', 'tools', 'runtime', 'explain', 'messages', 'testing'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [p] : [];
  });
}

/** Every import of a file: its specifier, and whether it is type-only. Comments are not code. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
    out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/^([^`\n]*?)\bimport\(\s*'([^']+)'\s*\)/gm)) out.push({ spec: m[2], typeOnly: false });
  return out;
}

// --- 1 and 2: the engine's stages and root files ---------------------------------------------------
const topOf = (file) => relative(engineSrc, file).split(sep)[0];
const rootName = (file) => relative(engineSrc, file).replace(/\.ts$/, '');
const isRoot = (file) => !relative(engineSrc, file).includes(sep);
const engineFiles = files(engineSrc);
const localTarget = (file, spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts'));

for (const file of engineFiles) {
  for (const { spec, typeOnly } of importsOf(file)) {
    if (typeOnly || !spec.startsWith('.') || spec.endsWith('.json')) continue; // JSON data is not code
    const target = localTarget(file, spec);
    if (isRoot(file)) {
      const from = rootName(file);
      if (!isRoot(target)) continue;
      const to = rootName(target);
      if (ENTRIES.includes(to) && to !== from) {
        problem(
          file,
          `imports the entry point ${to}.ts (${spec}): entries do not import one another, glue never imports an entry`,
        );
      }
      continue;
    }
    const from = topOf(file);
    const rank = STAGES.indexOf(from);
    if (rank < 0) {
      problem(file, `${from}/ is not a stage listed in scripts/check-architecture.mjs and docs/architecture.md`);
      break;
    }
    if (isRoot(target)) {
      problem(
        file,
        `${from}/ imports the root file ${rootName(target)}.ts (${spec}): stages never import the pipeline glue or an entry`,
      );
      continue;
    }
    const to = topOf(target);
    const toRank = STAGES.indexOf(to);
    if (to !== from && (toRank < 0 || (toRank > rank && to !== 'diagnostics'))) {
      problem(file, `${from}/ imports ${to}/ (${spec}): a stage imports only earlier stages and diagnostics/`);
    }
  }
}

// The browser-safe entries reach no node: module at run time.
for (const entry of BROWSER_SAFE) {
  const seen = new Set();
  const stack = [{ file: join(engineSrc, `${entry}.ts`), via: [] }];
  while (stack.length > 0) {
    const { file, via } = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (spec.startsWith('node:')) {
        problem(
          file,
          `the browser-safe entry ${entry}.ts reaches ${spec} (through ${[...via, relative(engineSrc, file)].join(' → ')})`,
        );
      } else if (spec.startsWith('.') && !spec.endsWith('.json')) {
        stack.push({ file: localTarget(file, spec), via: [...via, relative(engineSrc, file)] });
      }
    }
  }
}

// --- 3: every package -------------------------------------------------------------------------------
const packagesDir = join(repo, 'packages');
const manifests = new Map();
for (const dir of readdirSync(packagesDir)) {
  const path = join(packagesDir, dir, 'package.json');
  if (existsSync(path)) manifests.set(dir, JSON.parse(readFileSync(path, 'utf8')));
}
const byName = new Map([...manifests].map(([dir, m]) => [m.name, { dir, manifest: m }]));
const builtins = new Set(builtinModules);
const packageOf = (spec) => {
  const parts = spec.split('/');
  return spec.startsWith('@')
    ? { name: parts.slice(0, 2).join('/'), sub: parts.slice(2).join('/') }
    : { name: parts[0], sub: parts.slice(1).join('/') };
};

/** The src files a package's published entries reach through run-time relative imports. */
function reachableFromEntries(packageDir, manifest) {
  const starts = [];
  const walk = (v) => {
    if (typeof v === 'string') {
      if (v.startsWith('./src/')) starts.push(join(packageDir, v));
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(manifest.exports ?? {});
  const seen = new Set();
  while (starts.length > 0) {
    const file = starts.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (!typeOnly && spec.startsWith('.') && !spec.endsWith('.json')) starts.push(localTarget(file, spec));
    }
  }
  return seen;
}

for (const [dir, manifest] of manifests) {
  const src = join(packagesDir, dir, 'src');
  if (!existsSync(src)) continue;
  const allowed = ALLOWED_PACKAGES[manifest.name];
  if (!allowed) {
    problem(
      join(packagesDir, dir, 'package.json'),
      `${manifest.name} has no row in ALLOWED_PACKAGES (scripts/check-architecture.mjs): say which @lcz packages it may import, and describe it in docs/architecture.md`,
    );
    continue;
  }
  // Bundled into the build ("inlineDependencies", read by tsup.config.ts): a dev dependency at run time.
  const runtime = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...(manifest.inlineDependencies ?? []),
    ...(manifest.private ? Object.keys(manifest.devDependencies ?? {}) : []),
  ]);
  const declared = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {})]);
  const shipped = reachableFromEntries(join(packagesDir, dir), manifest);
  for (const file of files(src)) {
    for (const { spec, typeOnly } of importsOf(file)) {
      if (excepted(file, spec)) continue;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const inside = !relative(join(packagesDir, dir), target).startsWith('..');
        const schema = !relative(join(repo, 'schemas'), target).startsWith('..') && spec.endsWith('.json');
        if (!inside && !schema)
          problem(file, `reaches outside its package (${spec}): import another package by its name and public entry`);
        continue;
      }
      if (spec.startsWith('node:') || builtins.has(spec)) continue;
      const { name, sub } = packageOf(spec);
      if (name === manifest.name) {
        problem(file, `imports its own package by name (${spec}): use a relative import`);
        continue;
      }
      if (!declared.has(name) && !(typeOnly && declared.has(`@types/${name}`))) {
        problem(file, `imports ${name}, which ${dir}/package.json does not declare`);
      } else if (!typeOnly && !runtime.has(name) && (manifest.private || shipped.has(file))) {
        // Only what an entry reaches is shipped: build tooling beside it (web's src/tooling) may use dev dependencies.
        problem(file, `imports ${name} at run time, but ${dir}/package.json has it only in devDependencies`);
      }
      const other = byName.get(name);
      if (!other) continue;
      if (!allowed.includes(name))
        problem(file, `${manifest.name} may not import ${name} (ALLOWED_PACKAGES in scripts/check-architecture.mjs)`);
      const exportsMap = other.manifest.exports ?? {};
      const key = sub === '' ? '.' : `./${sub}`;
      const listed = Object.keys(exportsMap).some(
        (k) => k === key || (k.endsWith('*') && key.startsWith(k.slice(0, -1))),
      );
      if (!listed) problem(file, `deep import ${spec}: ${name} exports only ${Object.keys(exportsMap).join(', ')}`);
    }
  }
}

// --- 4: the map names the territory -----------------------------------------------------------------
const doc = readFileSync(join(repo, 'docs/architecture.md'), 'utf8');
const named = (word) => doc.includes(`\`${word}`) || doc.includes(`${word}\``) || doc.includes(`(${word}`);
for (const [dir, manifest] of manifests) {
  if (!doc.includes(`packages/${dir}`) && !doc.includes(manifest.name)) {
    problem(join(repo, 'docs/architecture.md'), `does not describe packages/${dir} (${manifest.name})`);
  }
}
for (const name of readdirSync(engineSrc)) {
  const word = name.endsWith('.ts') ? name : `${name}/`;
  if (!named(word)) problem(join(repo, 'docs/architecture.md'), `does not describe the engine's src/${word}`);
}
// What the repository holds: the tracked files' top-level names (git ls-files), so what tests and
// tools leave behind in ignored folders (.tmp/, coverage) is not asked to be described.
const tracked = new Set(
  execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .map((path) => path.split('/')[0]),
);
for (const name of [...tracked].sort()) {
  const word = statSync(join(repo, name)).isDirectory() ? `${name}/` : name;
  if (!named(word)) problem(join(repo, 'docs/architecture.md'), `does not describe the repository's ${word}`);
}

if (problems.length) {
  console.error('Architecture rules broken (docs/architecture.md, scripts/check-architecture.mjs):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `architecture: ${STAGES.length} engine stages and ${manifests.size} packages import only what the rules allow; docs/architecture.md names every package, folder and root file`,
);

/**
 * Starting one of this package's worker threads (the rules worker, the body workers). Built, a
 * worker's entry is dist/<name>.js beside the code that starts it (package.json "workers"). Run
 * from the TypeScript source (the tests, `pnpm lcz serve`), it is the .ts file, loaded through
 * tsx, the repository's TypeScript runner (a dev dependency only; the published package never
 * takes this branch). As in @lcz/criteria-batch's decide workers.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `source`: the entry's path under src/, e.g. `body-work/body-worker.ts`. */
export function startWorker(source: string, options: Pick<WorkerOptions, 'resourceLimits' | 'workerData'>): Worker {
  const here = import.meta.url;
  const name = source.replace(/^.*\//, '').replace(/\.ts$/, '.js');
  // A worker inherits the process's flags, and `--input-type` (a server started with `node -e`)
  // makes Node refuse to load the worker's file.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}`, here), { ...options, execArgv });
  const entry = new URL(`./${source}`, here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { ...options, eval: true, execArgv: ['--conditions=@lcz/source'] });
}

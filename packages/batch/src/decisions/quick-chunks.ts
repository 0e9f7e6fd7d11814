/**
 * The decisions-only CSV path as evaluateBatch runs it: opens the input, reads it with
 * csvDecisionChunks, and decides whether decide workers read the body: the ones the caller gave
 * (tests), as many as asked (`threads`), or, by default, as many as help (worker-count.ts),
 * chosen once this thread has read for SAMPLE_MS and the free cores have been measured meanwhile.
 *
 * When the load average already says the cores are free, the workers are started at once, so
 * they load their code while the free cores are measured (they take 50–150 ms to start, time a
 * quiet machine would otherwise lose); the measurement counts their start as this process's own
 * use, and if it finds the cores busy after all, they are stopped unused.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { compiledRulesOf, generatedModuleUrl, type CompiledRulesFile } from '@lcz/criteria-engine/tools';
import { READ_BYTES } from '../formats/byte-count.js';
import { openInput, type BatchSource, type ReadBatchOptions } from '../read-batch.js';
import { reusedReads } from './reused-reads.js';
import { csvDecisionChunks, type ChooseWorkers, type DecisionItem, type WorkersOption } from './csv-decisions.js';
import { DecideWorkers } from './decide-workers.js';
import { chooseWorkers, CpuSample, SAMPLE_MS, THREADS_FROM_BYTES, thisMachine } from './worker-count.js';

/**
 * Read size of the decisions-only CSV path, which keeps nothing per row. Measured on a million
 * rows with a file stream (a new buffer per read): 64 KiB beat 16 KiB; 256 KiB and 1 MiB were no
 * faster and took more memory. A file is now read into one buffer (reused-reads.ts), so a larger
 * read costs no memory per read; text in memory is still cut into pieces of this size.
 */
const QUICK_READ_BYTES = 64 * 1024;
/** Read size of a file: fewer reads and fewer chunks to hand on, in a buffer made once. */
const FILE_READ_BYTES = 256 * 1024;

/** Bytes sent to a decide worker at a time (about 500 rows of the Lai Châu rules). */
const BLOCK_BYTES = 256 * 1024;

/** What the quick path needs to read a CSV file's decisions, here or on decide workers. */
export interface QuickRead {
  readonly source: BatchSource;
  readonly file: string;
  /** The input's size, when known. */
  readonly bytes: number | undefined;
  readonly ruleset: CompiledRuleset;
  readonly readOptions: ReadBatchOptions;
  /** Whether result lines are written. */
  readonly lines: boolean;
  /** EvaluateBatchOptions.threads: undefined to choose. */
  readonly threads: number | undefined;
  /** A pool to use whatever the size (tests), and the test-only switches of BatchPaths. */
  readonly workers?: DecideWorkers;
  readonly quickReadBytes?: number;
  readonly blockBytes?: number;
  readonly maxUncutBytes?: number;
  readonly queuedPerWorker?: number;
}

/**
 * The quick path's chunks; opened as the loop over them starts (inside its try, so the outputs
 * are closed whatever happens). `used` is set to the pool's size once workers have decided rows.
 */
export async function* quickChunks(q: QuickRead, used: { threads: number }): AsyncGenerator<readonly DecisionItem[]> {
  const pools = new Pools(q);
  // A file into one reused buffer; text in memory in pieces, as the careful path reads it.
  const input =
    typeof q.source === 'string'
      ? reusedReads(q.source, q.quickReadBytes ?? FILE_READ_BYTES, q.readOptions.onBytes)
      : await openInput(q.source, q.readOptions, q.quickReadBytes ?? (pools.started ? BLOCK_BYTES : QUICK_READ_BYTES));
  try {
    yield* csvDecisionChunks(input, q.file, q.ruleset, {
      lines: q.lines,
      // The careful path sniffs the separator in its first chunk: 16 KiB of a file, or the text in memory.
      sniffBytes: typeof q.source === 'string' ? READ_BYTES : 65536,
      ...pools.option(),
    });
  } finally {
    used.threads = pools.usedThreads();
    await pools.close();
  }
}

/** The decide workers of one read: given, started at once, chosen later, or none. */
class Pools {
  /** Whether workers may read the body (by default: once chosen). */
  private readonly likely: boolean;
  private readonly given: DecideWorkers | undefined;
  /** Started here (and closed here). */
  private own: DecideWorkers | undefined;
  /** Workers started ahead of the choice and then not chosen: stopping. */
  private stopping: Promise<void> | undefined;
  /** Undefined for a ruleset the engine did not make: then this thread reads it all. */
  private readonly compiled: CompiledRulesFile | undefined;
  private readonly decidedBefore: number;

  constructor(private readonly q: QuickRead) {
    this.given = q.workers;
    this.decidedBefore = q.workers?.decided ?? 0;
    const mayUse = q.workers !== undefined || (q.threads ?? 1) > 0;
    this.compiled = mayUse ? compiledRulesOf(q.ruleset) : undefined;
    const sized = q.threads !== undefined || (q.bytes !== undefined && q.bytes >= THREADS_FROM_BYTES);
    this.likely = q.workers === undefined && this.compiled !== undefined && (q.threads ?? 1) > 0 && sized;
    // Asked for: started first, so they load their code while this thread reads the header.
    if (q.workers === undefined && this.compiled !== undefined && q.threads !== undefined && q.threads > 0)
      this.own = DecideWorkers.start(q.threads);
    else if (this.likely && q.threads === undefined) {
      // Ahead of the choice, when the load average says they will probably be chosen.
      const guess = chooseWorkers(q.bytes, thisMachine());
      if (guess.workers > 0) this.own = DecideWorkers.start(guess.workers);
    }
  }

  /** Whether workers were started before the read (asked for, or ahead of the choice). */
  get started(): boolean {
    return this.own !== undefined;
  }

  /** The `workers` option of csvDecisionChunks. */
  option(): { workers?: WorkersOption | ChooseWorkers } {
    const compiled = this.compiled;
    if (compiled === undefined) return {};
    if (this.given !== undefined) return { workers: this.workersOption(this.given, compiled) };
    if (this.q.threads !== undefined)
      return this.own !== undefined ? { workers: this.workersOption(this.own, compiled) } : {};
    return this.likely ? { workers: this.chooser(compiled) } : {};
  }

  /** Chooses once SAMPLE_MS have passed, on the free cores measured meanwhile (worker-count.ts). */
  private chooser(compiled: CompiledRulesFile): ChooseWorkers {
    const sample = new CpuSample();
    return () => {
      if (sample.elapsedMs < SAMPLE_MS) return 'later';
      const plan = chooseWorkers(this.q.bytes, thisMachine(sample.free()));
      const early = this.own;
      if (early !== undefined && early.size === plan.workers) return this.workersOption(early, compiled);
      if (early !== undefined) {
        this.own = undefined;
        // Never used: a failure to stop them changes no result (they exit with the process).
        this.stopping = early.close().catch(() => undefined);
      }
      if (plan.workers === 0) return undefined;
      this.own = DecideWorkers.start(plan.workers);
      return this.workersOption(this.own, compiled);
    };
  }

  private workersOption(pool: DecideWorkers, compiled: CompiledRulesFile): WorkersOption {
    const generated = generatedModuleUrl(this.q.ruleset);
    return {
      pool,
      compiled,
      ...(generated !== undefined ? { generated } : {}),
      blockBytes: this.q.blockBytes ?? BLOCK_BYTES,
      ...(this.q.maxUncutBytes !== undefined ? { maxUncutBytes: this.q.maxUncutBytes } : {}),
      ...(this.q.queuedPerWorker !== undefined ? { queuedPerWorker: this.q.queuedPerWorker } : {}),
    };
  }

  /** The pool's size when its workers decided rows of this read, else 0. */
  usedThreads(): number {
    const pool = this.given ?? this.own;
    return pool !== undefined && pool.decided > (pool === this.given ? this.decidedBefore : 0) ? pool.size : 0;
  }

  async close(): Promise<void> {
    await this.stopping;
    await this.own?.close();
  }
}

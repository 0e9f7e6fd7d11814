/**
 * Decide workers: worker threads that read and decide blocks of a CSV file's body
 * (decide-worker.ts), so the decisions-only path uses every core. The main thread reads the file,
 * cuts it into blocks of whole records (block-cutter.ts), hands each block to the least busy
 * worker, and yields the results in file order; it writes nothing itself but the results.
 *
 * Why threads and not processes: a block goes over as one transferable byte array and its result
 * lines come back the same way, without copies or serialising.
 */
import { Worker } from 'node:worker_threads';
import type { BatchSetup, BlockReply, ToWorker } from './decide-protocol.js';
import { ownBuffer } from './own-buffer.js';

interface Pending {
  readonly resolve: (reply: BlockReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Blocks sent and not answered, by block number. */
  readonly pending: Map<number, Pending>;
  /** Set once the worker has failed or exited: every later block to it fails with this. */
  failure?: Error;
}

/**
 * A smaller young generation than V8's default: a worker's garbage is per row and dies young, and
 * on a million rows the peak RSS was 10–20 MB lower with 6 MB, at the same speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 } as const;

/**
 * The worker's entry point. Built, it is dist/decide-worker.js beside the code that starts it.
 * Run from the TypeScript source (the tests, `pnpm lcz`), it is the .ts file, which Node cannot
 * run by itself: it is loaded through tsx, the repository's TypeScript runner (a dev dependency
 * only; the published package never takes this branch).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./decide-worker.js', here), { resourceLimits: WORKER_LIMITS });
  const entry = new URL('./decide-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, execArgv: ['--conditions=@lcz/source'], resourceLimits: WORKER_LIMITS });
}

export class DecideWorkers {
  /** Blocks the workers have answered: whether they read any rows (the summary's `threads`). */
  get decided(): number {
    return this.answered;
  }
  /** Of those, the blocks decided with a generated decide module (BatchSetup.generated). */
  get decidedByGenerated(): number {
    return this.answeredGenerated;
  }
  private answered = 0;
  private answeredGenerated = 0;
  private nextBatch = 1;
  private nextBlock = 1;
  private closed = false;
  /** Result lines' memory written out and not moved back to a worker yet (DecideBatch.giveBack). */
  private readonly spare: ArrayBuffer[] = [];

  private constructor(private readonly slots: readonly Slot[]) {}

  /** Starts `count` workers (they load their code while the main thread reads the header). */
  static start(count: number): DecideWorkers {
    const slots: Slot[] = [];
    const pool = new DecideWorkers(slots);
    for (let i = 0; i < count; i++) {
      const slot: Slot = { worker: startWorker(), pending: new Map() };
      const fail = (error: Error): void => {
        slot.failure ??= error;
        for (const p of slot.pending.values()) p.reject(slot.failure);
        slot.pending.clear();
      };
      slot.worker.on('message', (reply: BlockReply) => {
        const p = slot.pending.get(reply.block);
        slot.pending.delete(reply.block);
        pool.answered++;
        if (reply.generatedDecide) pool.answeredGenerated++;
        p?.resolve(reply);
      });
      slot.worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
      slot.worker.on('exit', (code) => fail(new Error(`a decide worker stopped (exit code ${code})`)));
      slots.push(slot);
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Blocks sent to the workers and not answered yet, all workers together. */
  get pending(): number {
    let pending = 0;
    for (const slot of this.slots) pending += slot.pending.size;
    return pending;
  }

  /** Sends a batch's setup to every worker; its blocks then go through the returned function. */
  batch(setup: BatchSetup): DecideBatch {
    const batch = this.nextBatch++;
    for (const slot of this.slots) this.post(slot, { kind: 'batch', batch, ...setup });
    return {
      decide: (bytes, row, line) => {
        const slot = leastBusy(this.slots);
        const block = this.nextBlock++;
        return new Promise<BlockReply>((resolve, reject) => {
          if (slot.failure) return reject(slot.failure);
          slot.pending.set(block, { resolve, reject });
          // The memory the worker's earlier lines came in, moved back with the block.
          const spare = this.spare.splice(0, SPARE_PER_BLOCK);
          this.post(slot, { kind: 'block', batch, block, bytes, row, line, ...(spare.length > 0 ? { spare } : {}) }, [
            ownBuffer(bytes),
            ...spare,
          ]);
        });
      },
      giveBack: (memory) => {
        if (this.spare.length < MAX_SPARE && memory.byteLength > 0) this.spare.push(memory);
      },
      end: () => {
        for (const slot of this.slots) if (!slot.failure) this.post(slot, { kind: 'end', batch });
      },
    };
  }

  /** Stops the workers; blocks still out are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private post(slot: Slot, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (slot.failure) return;
    slot.worker.postMessage(message, transfer);
  }
}

/** Result lines' memory kept to move back to the workers, and how much goes with each block. */
const MAX_SPARE = 16;
const SPARE_PER_BLOCK = 2;

/** The slot with the fewest blocks pending (the first of equals): blocks are about the same size. */
function leastBusy(slots: readonly Slot[]): Slot {
  const [first, ...rest] = slots;
  if (first === undefined) throw new Error('a pool of no decide workers was given a block');
  let slot = first;
  for (const s of rest) if (s.pending.size < slot.pending.size) slot = s;
  return slot;
}

export interface DecideBatch {
  /**
   * Decides a block of whole records (its bytes are moved to the worker: `bytes` must own its
   * buffer), which follows row `row` and starts on line `line`.
   */
  decide(bytes: Uint8Array, row: number, line: number): Promise<BlockReply>;
  /** The memory of a worker's result lines (BlockReply.items), written out: for the workers to use again. */
  giveBack(memory: ArrayBuffer): void;
  /** No more blocks: the workers forget the batch. */
  end(): void;
}

import { Worker } from 'node:worker_threads';
import type { PipelineOptions } from './order.js';
import type { Done, Task } from './process.js';

/** Why a worker gave no result for a document: the code recorded in the document's report. */
export class WorkerLost extends Error {
  constructor(
    readonly code: 'pipeline/timeout' | 'pipeline/out-of-memory' | 'pipeline/worker-crash',
    message: string,
  ) {
    super(message);
  }
}

/** What bounds one document in a worker. */
export interface Budget {
  /** Wall-clock seconds one document may take before its worker is stopped. */
  seconds: number;
  /** Heap a worker may use, in MB, so one document cannot take the machine's memory. */
  heapMb: number;
}

/**
 * A fixed set of worker threads, each with its own model. Tasks go to whichever worker is free;
 * results come back by id, so output never depends on which worker took which document. A worker
 * that exceeds the budget, crashes or exits is replaced: one poisonous document costs one document.
 */
export class Pool {
  private idle: Worker[] = [];
  private waiting: Array<() => void> = [];
  private all: Worker[] = [];

  constructor(
    private size: number,
    private opts: PipelineOptions,
    private budget: Budget,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.opts, resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb } });
    // An idle worker that dies (out of memory while collecting, say) is replaced before it is handed a task.
    w.once('exit', () => {
      if (this.idle.includes(w)) this.replace(w);
    });
    this.all.push(w);
    this.idle.push(w);
    return w;
  }

  private replace(w: Worker): void {
    this.all = this.all.filter((x) => x !== w);
    this.idle = this.idle.filter((x) => x !== w);
    void w.terminate();
    if (!this.closing) this.spawn();
    this.waiting.shift()?.();
  }

  private closing = false;

  async run(task: Task): Promise<Done> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    const w = this.idle.pop()!;
    try {
      return await new Promise<Done>((resolve, reject) => {
        const fail = (err: WorkerLost) => {
          cleanup();
          reject(err);
        };
        const onMessage = (d: Done) => {
          cleanup();
          resolve(d);
        };
        const onError = (err: Error & { code?: string }) =>
          fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new WorkerLost('pipeline/out-of-memory', `the document needed more than the worker's ${this.budget.heapMb} MB heap`)
            : new WorkerLost('pipeline/worker-crash', `the worker processing this document died: ${err.message}`));
        const onExit = (code: number) => fail(new WorkerLost('pipeline/worker-crash', `the worker processing this document exited (code ${code})`));
        const timer = setTimeout(
          () => fail(new WorkerLost('pipeline/timeout', `the document took longer than the ${this.budget.seconds} s budget per document and was stopped (raise it with --timeout)`)),
          this.budget.seconds * 1000,
        );
        const cleanup = () => {
          clearTimeout(timer);
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.postMessage(task);
      });
    } catch (err) {
      this.replace(w);
      throw err;
    } finally {
      if (this.all.includes(w)) {
        this.idle.push(w);
        this.waiting.shift()?.();
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

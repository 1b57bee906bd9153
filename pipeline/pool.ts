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

/** One document handed to the pool, until its result or its failure. */
interface Job {
  task: Task;
  resolve: (d: Done) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs posted to this worker, in the order it takes them: the first is the one running. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
}

// Each worker holds the next document while it works on one, so it never waits for the main
// thread (busy feeding the corpus products) to hand it work. Only the running one can fail.
const DEPTH = 2;

/**
 * A fixed set of worker threads, each with its own model. Jobs go to the worker with the shortest
 * queue; results come back by id, so output never depends on which worker took which document. A
 * worker that exceeds the budget, crashes or exits is replaced: the document it was running fails
 * with the reason, the one queued behind it is handed on. One poisonous document costs one document.
 */
export class Pool {
  private slots: Slot[] = [];
  private pending: Job[] = [];
  private closing = false;

  constructor(
    private size: number,
    private opts: PipelineOptions,
    private budget: Budget,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.opts, resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb } });
    const slot: Slot = { worker, jobs: [], timer: null };
    worker.on('message', (d: Done) => {
      const job = slot.jobs.shift();
      this.stopTimer(slot);
      this.startTimer(slot);
      job?.resolve(d);
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) =>
      this.lose(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new WorkerLost('pipeline/out-of-memory', `the document needed more than the worker's ${this.budget.heapMb} MB heap`)
        : new WorkerLost('pipeline/worker-crash', `the worker processing this document died: ${err.message}`)),
    );
    worker.on('exit', (code) => this.lose(slot, new WorkerLost('pipeline/worker-crash', `the worker processing this document exited (code ${code})`)));
    return slot;
  }

  private startTimer(slot: Slot): void {
    if (!slot.jobs.length || slot.timer) return;
    slot.timer = setTimeout(
      () => this.lose(slot, new WorkerLost('pipeline/timeout', `the document took longer than the ${this.budget.seconds} s budget per document and was stopped (raise it with --timeout)`)),
      this.budget.seconds * 1000,
    );
  }

  private stopTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** The worker is gone or must go: its running document fails, the rest of its queue goes back in front. */
  private lose(slot: Slot, why: WorkerLost): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return; // already replaced (an error is followed by an exit)
    this.stopTimer(slot);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {}); // a late error of a terminated worker is no one's
    const stopped = slot.worker.terminate();
    const [running, ...queued] = slot.jobs;
    this.pending.unshift(...queued);
    if (this.closing) this.slots.splice(at, 1);
    else this.slots[at] = this.spawn();
    // The document fails only once its worker has stopped: a worker writes its own reports, and
    // the failure's report must not be overwritten by one it was finishing.
    void stopped.finally(() => running?.reject(why));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.pending.length) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.jobs.length < DEPTH && (!best || s.jobs.length < best.jobs.length)) best = s;
      if (!best) return;
      const job = this.pending.shift()!;
      best.jobs.push(job);
      best.worker.postMessage(job.task);
      this.startTimer(best);
    }
  }

  run(task: Task): Promise<Done> {
    return new Promise<Done>((resolve, reject) => {
      this.pending.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) {
      this.stopTimer(s);
      s.worker.removeAllListeners();
      for (const j of s.jobs) j.reject(new WorkerLost('pipeline/worker-crash', 'the run was closed before this document finished'));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

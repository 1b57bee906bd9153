import { Worker } from 'node:worker_threads';
import type { PipelineOptions } from './order.js';
import type { Done, Task } from './process.js';

/**
 * A fixed set of worker threads, each with its own model. Tasks go to whichever worker is free;
 * results come back by id, so output never depends on which worker took which document.
 */
export class Pool {
  private idle: Worker[] = [];
  private waiting: Array<() => void> = [];
  private all: Worker[] = [];

  constructor(
    private size: number,
    private opts: PipelineOptions,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.opts });
    this.all.push(w);
    this.idle.push(w);
    return w;
  }

  async run(task: Task): Promise<Done> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    const w = this.idle.pop()!;
    try {
      return await new Promise<Done>((resolve, reject) => {
        const onMessage = (d: Done) => {
          cleanup();
          resolve(d);
        };
        const onError = (err: Error) => {
          cleanup();
          reject(err);
        };
        const cleanup = () => {
          w.off('message', onMessage);
          w.off('error', onError);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        w.postMessage(task);
      });
    } catch (err) {
      // A crashed worker is replaced, so one poisonous document costs one document, not the batch.
      this.all = this.all.filter((x) => x !== w);
      void w.terminate();
      this.spawn();
      this.waiting.shift()?.();
      throw err;
    } finally {
      if (this.all.includes(w)) {
        this.idle.push(w);
        this.waiting.shift()?.();
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

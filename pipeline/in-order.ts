/**
 * Hands items to `consume` in position order 0, 1, 2, … whatever order they are `put` in, one at a
 * time. Items that arrive early wait; the number waiting is bounded by how far the fastest work
 * runs ahead of the slowest, which the per-document time budget bounds.
 */
export class InOrder<T> {
  private next = 0;
  private waiting = new Map<number, T>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private consume: (item: T) => Promise<void>) {}

  /** Resolves when this item and every item before it have been consumed. */
  put(position: number, item: T): Promise<void> {
    this.waiting.set(position, item);
    this.chain = this.chain.then(() => this.drain());
    return this.chain;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const item = this.waiting.get(this.next);
      if (item === undefined) return;
      this.waiting.delete(this.next);
      this.next++;
      await this.consume(item);
    }
  }
}

import type { Schema } from '@nrm/api-client';

type CheckpointPage = Schema<'CheckpointPage'>;
/** One page of the node's list: at least `fromSize`, at most `limit`, ascending by size. */
export type FetchCheckpoints = (fromSize: number, limit: number) => Promise<CheckpointPage>;

export const CHECKPOINT_PAGE_SIZE = 50;
/** The most checkpoints the node answers at once. */
const NODE_LIMIT = 1000;

/**
 * Numbered pages over a list the node pages by size, not by offset. Sizes jump (one checkpoint per
 * append, and an append may hold several events), so where page n starts is only learnt by reading
 * the pages before it: each start found is remembered (the list only grows at its end, so a start
 * never moves), and the pages skipped are read up to 1000 checkpoints a request.
 */
export class CheckpointPages {
  private readonly starts = new Map<number, number>([[1, 0]]);

  constructor(
    private readonly fetch: FetchCheckpoints,
    private readonly pageSize = CHECKPOINT_PAGE_SIZE,
  ) {}

  async page(page: number): Promise<CheckpointPage> {
    let known = Math.max(...[...this.starts.keys()].filter((start) => start <= page));
    let from = this.starts.get(known) ?? 0;
    const stride = Math.max(1, Math.floor(NODE_LIMIT / this.pageSize));
    while (known < page) {
      const pages = Math.min(page - known, stride);
      const answer = await this.fetch(from, pages * this.pageSize);
      for (let i = 1; i < pages; i += 1) {
        const first = answer.items[i * this.pageSize];
        if (first) this.starts.set(known + i, first.size);
      }
      const last = answer.items.at(-1);
      // Fewer than asked: the page wanted lies past the end of the list.
      if (!last || answer.items.length < pages * this.pageSize) return { ...answer, items: [] };
      known += pages;
      from = last.size + 1;
      this.starts.set(known, from);
    }
    return this.fetch(from, this.pageSize);
  }
}

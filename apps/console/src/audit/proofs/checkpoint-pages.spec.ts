import type { Schema } from '@nrm/api-client';
import { CheckpointPages } from './checkpoint-pages';

type Checkpoint = Schema<'SignedCheckpoint'>;
const checkpoint = (size: number): Checkpoint => ({
  size,
  root: size.toString(16).padStart(64, '0'),
  origin: 'md-node',
  keyId: '0123456789abcdef',
  signature: 'c2lnbmF0dXJl',
});

/** A node whose sizes jump (appends of one, two or three events), answering like GET /api/audit/checkpoints. */
function node(count: number) {
  const sizes: number[] = [];
  for (let size = 0; sizes.length < count;) sizes.push((size += 1 + (sizes.length % 3)));
  const requests: [number, number][] = [];
  const fetch = async (fromSize: number, limit: number) => {
    requests.push([fromSize, limit]);
    const items = sizes.filter((size) => size >= fromSize).slice(0, Math.min(limit, 1000));
    return { items: items.map(checkpoint), total: sizes.length, publicKey: 'PEM', publicKeyId: 'id' };
  };
  return { sizes, requests, fetch };
}

describe('numbered pages over checkpoints the node pages by size', () => {
  it('shows each page the checkpoints an offset would, though sizes jump', async () => {
    const { sizes, fetch } = node(130);
    const pages = new CheckpointPages(fetch, 50);
    for (const page of [1, 3, 2]) {
      const answer = await pages.page(page);
      expect(answer.items.map((item) => item.size)).toEqual(sizes.slice((page - 1) * 50, page * 50));
      expect(answer.total).toBe(130);
    }
  });

  it('reaches a far page in few requests, and a page it has seen in one', async () => {
    const { sizes, requests, fetch } = node(2600);
    const pages = new CheckpointPages(fetch, 50);
    const last = await pages.page(52);
    expect(last.items.map((item) => item.size)).toEqual(sizes.slice(2550));
    // 20 pages skipped per request (1000 checkpoints), twice, then one more skip of 11 and the page.
    expect(requests).toHaveLength(4);
    requests.length = 0;
    const middle = await pages.page(30);
    expect(middle.items.map((item) => item.size)).toEqual(sizes.slice(1450, 1500));
    expect(requests.length).toBeLessThanOrEqual(2);
    requests.length = 0;
    await pages.page(52);
    expect(requests).toHaveLength(1);
  });

  it('answers no checkpoints for a page past the end', async () => {
    const { fetch } = node(60);
    const answer = await new CheckpointPages(fetch, 50).page(5);
    expect(answer.items).toEqual([]);
    expect(answer.total).toBe(60);
  });
});

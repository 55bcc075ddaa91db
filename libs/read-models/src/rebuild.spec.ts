import { rebuildProjections } from './rebuild';
import { appendInterleavedWalks, record } from './testing/case-fixtures';
import { Harness, openHarness } from './testing/harness';

const T0 = '2025-01-06T09:00:00.000Z';

// Rebuild equals incremental projection, and drops what the log does not explain: see the
// ReadModelStore contract (testing/read-model-store.contract.ts), run for every adapter.
describe('rebuildProjections', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(() => h.close());

  const populate = () =>
    appendInterleavedWalks(T0, (caseId, steps) => record(h.eventStore, h.cipher, caseId, steps));

  it('reports progress page by page up to the total', async () => {
    await populate();
    const head = await h.eventStore.headPosition();
    const calls: [number, number][] = [];
    await rebuildProjections(h.eventStore, h.readModels, {
      pageSize: 50,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls[0]).toEqual([0, head]);
    expect(calls.at(-1)).toEqual([head, head]);
    expect(calls).toHaveLength(1 + Math.ceil(head / 50));
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
  });

  it('handles an empty log', async () => {
    const calls: [number, number][] = [];
    expect(
      await rebuildProjections(h.eventStore, h.readModels, { onProgress: (d, t) => calls.push([d, t]) }),
    ).toEqual({ events: 0, position: 0 });
    expect(calls).toEqual([[0, 0]]);
  });

  it('stops before the first event the caller names, without reading further pages', async () => {
    await populate();
    const head = await h.eventStore.headPosition();
    const until = Math.floor(head / 2);
    const calls: [number, number][] = [];
    const result = await rebuildProjections(h.eventStore, h.readModels, {
      pageSize: 7,
      stopBefore: (event) => event.position > until,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(result).toEqual({ events: until, position: until });
    expect(calls.at(-1)).toEqual([until, until]);
    for (const projection of h.readModels.projections()) expect(await projection.checkpoint()).toBe(until);
  });
});

import { randomUUID } from 'node:crypto';
import type { ReadModelStore } from './port/read-model-store.port';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections } from './rebuild';
import {
  day,
  record,
  registration,
  Step,
  walkFromHandoverToClosure,
  walkToHandover,
} from './testing/case-fixtures';
import { Harness, openHarness } from './testing/harness';

const T0 = '2025-01-06T09:00:00.000Z';

/** Everything the read side answers, for every case. */
async function snapshot(readModels: ReadModelStore, caseIds: string[], now: string) {
  const list = await readModels.listCases({ page: 1, pageSize: 500, now });
  const cases = await Promise.all(
    caseIds.map(async (id) => ({
      detail: await readModels.getCase(id),
      history: await readModels.getHistory(id),
    })),
  );
  return { list, cases };
}

describe('rebuildProjections', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(() => h.close());

  /** Cases at different points of their walk, their events interleaved in the log. */
  async function populate(): Promise<string[]> {
    const walks: [string, Step[]][] = [];
    for (let i = 0; i < 12; i++) {
      const caseId = randomUUID();
      const t0 = day(T0, i);
      const full = [...walkToHandover(caseId, t0), ...walkFromHandoverToClosure(t0)];
      walks.push([caseId, i % 3 === 0 ? registration({ caseId, at: t0 }) : full.slice(0, 5 + i * 2)]);
    }
    for (let step = 0; walks.some(([, steps]) => step < steps.length); step++) {
      for (const [caseId, steps] of walks) {
        if (step < steps.length) await record(h.eventStore, h.cipher, caseId, [steps[step]]);
      }
    }
    return walks.map(([caseId]) => caseId);
  }

  it('produces exactly the read models that incremental projection built', async () => {
    const caseIds = await populate();
    const runner = new ProjectionRunner(h.eventStore, h.readModels);
    await runner.start();
    await runner.waitForPosition(await h.eventStore.headPosition(), 10_000);
    await runner.stop();
    const now = day(T0, 40);
    const incremental = await snapshot(h.readModels, caseIds, now);
    expect(incremental.list.total).toBe(12);
    expect(new Set(incremental.list.items.map((i) => i.stage)).size).toBeGreaterThan(4);

    const result = await rebuildProjections(h.eventStore, h.readModels, { pageSize: 7 });

    expect(result).toEqual({
      events: await h.eventStore.headPosition(),
      position: await h.eventStore.headPosition(),
    });
    expect(await snapshot(h.readModels, caseIds, now)).toEqual(incremental);
  });

  it('drops what the read models held before, even rows the log does not explain', async () => {
    const caseIds = await populate();
    await h.project();
    const expected = await snapshot(h.readModels, caseIds, T0);
    // A row written by a buggy projection version: a rebuild must not keep it.
    const stray = randomUUID();
    await h.readModels.projections()[0].handle([
      {
        ...(await h.eventStore.readAll({ limit: 1 }))[0],
        streamId: `case-${stray}`,
        position: (await h.eventStore.headPosition()) + 1,
      },
    ]);
    expect(await h.readModels.getCase(stray)).toBeDefined();

    await rebuildProjections(h.eventStore, h.readModels);

    expect(await h.readModels.getCase(stray)).toBeUndefined();
    expect(await snapshot(h.readModels, caseIds, T0)).toEqual(expected);
    for (const projection of h.readModels.projections()) {
      expect(await projection.checkpoint()).toBe(await h.eventStore.headPosition());
    }
  });

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
});

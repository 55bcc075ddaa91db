import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@nrm/event-store/port';
import type { Projection } from './port/read-model-store.port';
import { ProjectionRunner, ProjectionTimeoutError } from './projection-runner';
import { day, record, registration, walkToHandover } from './testing/case-fixtures';
import { Harness, openHarness } from './testing/harness';

const T0 = '2025-01-06T09:00:00.000Z';

describe('ProjectionRunner', () => {
  let h: Harness;
  let runner: ProjectionRunner;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(async () => {
    await runner?.stop();
    await h.close();
  });

  it('lets a caller read its own write: waitForPosition resolves once every projection holds it', async () => {
    runner = new ProjectionRunner(h.eventStore, h.readModels);
    await runner.start();
    const caseId = randomUUID();
    const { position } = await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));

    await runner.waitForPosition(position, 10_000);

    expect(runner.position).toBeGreaterThanOrEqual(position);
    expect((await h.readModels.getCase(caseId))?.stage).toBe('handover_proposed');
    expect(await h.readModels.getHistory(caseId)).toHaveLength(17);
    await expect(runner.waitForPosition(position, 10)).resolves.toBeUndefined(); // already there
  });

  it('rejects waitForPosition with a timeout error when the position is not reached', async () => {
    runner = new ProjectionRunner(h.eventStore, h.readModels);
    // never started: nothing is projected
    const caseId = randomUUID();
    const { position } = await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    await expect(runner.waitForPosition(position, 20)).rejects.toBeInstanceOf(ProjectionTimeoutError);
  });

  it('continues from its checkpoint after a restart, without applying anything twice', async () => {
    const caseId = randomUUID();
    const steps = walkToHandover(caseId, T0);
    runner = new ProjectionRunner(h.eventStore, h.readModels);
    await runner.start();
    const first = await record(h.eventStore, h.cipher, caseId, steps.slice(0, 8));
    await runner.waitForPosition(first.position, 10_000);
    await runner.stop();

    const second = await record(h.eventStore, h.cipher, caseId, steps.slice(8));
    runner = new ProjectionRunner(h.eventStore, h.readModels);
    await runner.start();
    await runner.waitForPosition(second.position, 10_000);

    const history = await h.readModels.getHistory(caseId);
    expect(history.map((e) => e.revision)).toEqual(steps.map((_, i) => i));
    expect((await h.readModels.getCase(caseId))?.assessments.risks).toHaveLength(1);
  });

  it('projects what the log holds at once in one batch per projection, in order, not one per event', async () => {
    const caseIds = [randomUUID(), randomUUID(), randomUUID()];
    let head = 0;
    for (const caseId of caseIds)
      head = (await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0))).position;
    const batches: number[][] = [];
    const counting = h.readModels.projections().map((projection): Projection => ({
      name: projection.name,
      checkpoint: () => projection.checkpoint(),
      handle: (events) => {
        if (projection.name === h.readModels.projections()[0].name)
          batches.push(events.map((e) => e.position));
        return projection.handle(events);
      },
    }));
    runner = new ProjectionRunner(h.eventStore, h.readModels, { projections: counting });
    await runner.start();
    await runner.waitForPosition(head, 10_000);

    expect(batches.flat()).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(batches.length).toBeLessThan(head / 10);
    for (const caseId of caseIds)
      expect((await h.readModels.getCase(caseId))?.stage).toBe('handover_proposed');
  });

  it('reports a failure and retries from the checkpoint until the projection succeeds', async () => {
    const [cases, history] = h.readModels.projections();
    let failuresLeft = 2;
    const flaky: Projection = {
      name: cases.name,
      checkpoint: () => cases.checkpoint(),
      handle: async (events: readonly StoredEvent[]) => {
        if (events.some((e) => e.type === 'IdentificationConcluded') && failuresLeft-- > 0) {
          throw new Error('disk hiccup');
        }
        return cases.handle(events);
      },
    };
    const errors: string[] = [];
    runner = new ProjectionRunner(h.eventStore, h.readModels, {
      projections: [flaky, history],
      retryDelayMs: 5,
      onError: (e) => errors.push(e.message),
    });
    await runner.start();
    const caseId = randomUUID();
    const { position } = await record(h.eventStore, h.cipher, caseId, walkToHandover(caseId, T0));

    await runner.waitForPosition(position, 10_000);

    expect(errors).toEqual(['disk hiccup', 'disk hiccup']);
    expect((await h.readModels.getHistory(caseId)).map((e) => e.revision)).toEqual([...Array(17).keys()]);
    expect((await h.readModels.getCase(caseId))?.identification.status).toBe('identified');
    expect((await h.readModels.getCase(caseId))?.assessments.risks).toHaveLength(1);
  });

  it('catches up a projection that lags behind the others', async () => {
    const caseId = randomUUID();
    await record(h.eventStore, h.cipher, caseId, registration({ caseId, at: T0 }));
    const [cases] = h.readModels.projections();
    await cases.handle(await h.eventStore.readAll()); // history has seen nothing yet
    const { position } = await record(h.eventStore, h.cipher, caseId, [
      { type: 'AgeAssessed', at: day(T0, 1), data: { presumedMinor: true, method: 'interview' } },
    ]);

    runner = new ProjectionRunner(h.eventStore, h.readModels);
    await runner.start();
    await runner.waitForPosition(position, 10_000);

    expect(await h.readModels.getHistory(caseId)).toHaveLength(3);
    expect((await h.readModels.getCase(caseId))?.ageAssessments).toHaveLength(1);
  });
});

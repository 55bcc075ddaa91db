import { runShutdownSteps, type ShutdownReporter } from './bounded-shutdown';

function recorder(): ShutdownReporter & { said: string[] } {
  const said: string[] = [];
  return {
    said,
    late: (step, ms) => said.push(`late: ${step} (${ms} ms)`),
    failed: (step, error) => said.push(`failed: ${step} (${(error as Error).message})`),
  };
}

describe('runShutdownSteps', () => {
  it('runs the steps in order, each after the one before has finished, and reports nothing when all end in time', async () => {
    const ran: string[] = [];
    const report = recorder();
    await runShutdownSteps(
      ['relay', 'projections', 'stores'].map((name) => ({
        name,
        run: async () => {
          ran.push(`${name} started`);
          await new Promise((resolve) => setImmediate(resolve));
          ran.push(`${name} done`);
        },
      })),
      1_000,
      report,
    );
    expect(ran).toEqual([
      'relay started',
      'relay done',
      'projections started',
      'projections done',
      'stores started',
      'stores done',
    ]);
    expect(report.said).toEqual([]);
  });

  it('goes on past a step that never finishes (a server that never answers), reports it, and still closes the rest', async () => {
    const report = recorder();
    let storesClosed = false;
    await runShutdownSteps(
      [
        { name: 'the projections', run: () => new Promise<void>(() => undefined) },
        { name: 'the stores', run: async () => void (storesClosed = true) },
      ],
      50,
      report,
    );
    expect(report.said).toEqual(['late: the projections (50 ms)']);
    expect(storesClosed).toBe(true);
  });

  it('goes on past a step that fails, and reports why', async () => {
    const report = recorder();
    let storesClosed = false;
    await runShutdownSteps(
      [
        { name: 'the relay', run: () => Promise.reject(new Error('broker gone')) },
        { name: 'the stores', run: async () => void (storesClosed = true) },
      ],
      1_000,
      report,
    );
    expect(report.said).toEqual(['failed: the relay (broker gone)']);
    expect(storesClosed).toBe(true);
  });

  it('a late step that fails afterwards is not an unhandled rejection', async () => {
    const report = recorder();
    let fail!: (error: Error) => void;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await runShutdownSteps(
        [{ name: 'the projections', run: () => new Promise<void>((_, reject) => (fail = reject)) }],
        20,
        report,
      );
      fail(new Error('socket closed'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect(report.said).toEqual(['late: the projections (20 ms)']);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

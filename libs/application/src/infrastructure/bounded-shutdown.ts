/** One stage of stopping a node: stopping the relay, the projections, closing the stores. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/** What a stop reports: a stage that failed or did not finish in time, and the stop went on. */
export interface ShutdownReporter {
  late(step: string, timeoutMs: number): void;
  failed(step: string, error: unknown): void;
}

/**
 * Runs the steps in order, each given at most `timeoutMs`. A stage that hangs (a server that never
 * answers an operation in flight) or fails is reported and the next one runs anyway: an operator's
 * stop must end, and nothing acknowledged depends on it (every answered command is already durable in
 * the log, and the read models and the relay resume from their checkpoints).
 */
export async function runShutdownSteps(
  steps: readonly ShutdownStep[],
  timeoutMs: number,
  report: ShutdownReporter,
): Promise<void> {
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([step.run().then(() => 'done' as const), late]);
      if (outcome === 'late') report.late(step.name, timeoutMs);
    } catch (error) {
      report.failed(step.name, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

import { randomUUID } from 'node:crypto';
import { NewEvent } from '../port';

/** A well-formed event with a fresh id; override what the test is about. */
export function sampleEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'Test.SomethingHappened',
    schemaVersion: 1,
    occurredAt: '2025-03-01T10:00:00.000Z',
    nodeId: 'node-test',
    actor: { userId: 'user-1', role: 'case-worker', agency: 'ngo-1' },
    correlationId: randomUUID(),
    data: { note: 'sample' },
    ...overrides,
  };
}

export function sampleEvents(
  count: number,
  overrides: (i: number) => Partial<NewEvent> = () => ({}),
): NewEvent[] {
  return Array.from({ length: count }, (_, i) => sampleEvent({ data: { n: i }, ...overrides(i) }));
}

/** Resolves once `condition` holds; fails with `what` instead of hanging the suite. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

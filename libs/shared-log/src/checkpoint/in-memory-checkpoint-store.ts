import type { CheckpointStore } from '../port/checkpoint-store.port';

/** Positions kept for the life of the process: for consumers that rebuild at every start, and tests. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async save(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
  }

  async close(): Promise<void> {}
}

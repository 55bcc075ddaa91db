/**
 * Durable positions by name: the relay's checkpoint (last global position acknowledged by the log)
 * and the embedded consumer's committed offsets.
 */
export interface CheckpointStore {
  /** undefined when nothing was saved under that name. */
  load(name: string): Promise<number | undefined>;
  save(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}

/** The relay's checkpoint store: the same port, named for the relay issue's vocabulary. */
export type RelayCheckpointStore = CheckpointStore;

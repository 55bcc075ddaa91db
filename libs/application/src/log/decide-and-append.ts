import { RevisionConflictError } from '@nrm/domain';
import { AppendResult, ExpectedRevision, WrongExpectedRevisionError } from '@nrm/event-store/port';

/** One stream's state as loaded for a decision. */
export interface Loaded<S> {
  state: S;
  /** The stream's revision; -1 when it does not exist. */
  revision: number;
}

export interface DecisionSteps<S, E> {
  load(): Promise<Loaded<S>>;
  /** Pure: the events to append (none when there is nothing to do), or a typed refusal thrown. */
  decide(loaded: Loaded<S>): E[];
  /** Appends at exactly the revision loaded ('no_stream' when the stream did not exist yet). */
  append(events: E[], expected: ExpectedRevision): Promise<AppendResult>;
}

export interface Decided<S, E> extends Loaded<S> {
  events: E[];
  /** Absent when the decision appended nothing. */
  appended?: AppendResult;
}

const MAX_ATTEMPTS = 3;

/** The store's expected revision for a stream loaded at `revision`. */
const expectedAt = (revision: number): number | 'no_stream' => (revision < 0 ? 'no_stream' : revision);

/**
 * Load, decide, append, for any event-sourced stream of the node (cases, the partner registry,
 * erasure). Someone else appending in between makes the append fail on its expected revision: the
 * decision is then taken again on the fresh state, up to three times, unless the caller pinned the
 * revision it decided on (If-Match), which must then fail as a conflict.
 */
export async function decideAndAppend<S, E>(
  steps: DecisionSteps<S, E>,
  options: { pinned?: boolean } = {},
): Promise<Decided<S, E>> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await steps.load();
    const events = steps.decide(loaded);
    if (events.length === 0) return { ...loaded, events };
    try {
      const appended = await steps.append(events, expectedAt(loaded.revision));
      return { ...loaded, events, appended };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (!options.pinned && attempt < MAX_ATTEMPTS) continue;
      throw new RevisionConflictError('The stream changed while the command was decided', error.actual);
    }
  }
}

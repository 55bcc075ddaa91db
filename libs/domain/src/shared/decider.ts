/**
 * The decider pattern: pure functions, no framework, no I/O.
 * `decide` turns a command and the current state into new events (or throws RuleViolation);
 * `evolve` folds one event into the state. Personal data rides in `personal`, which `evolve`
 * never reads: rules are decided on non-personal facts only, and events loaded without
 * decrypting (or after erasure) fold to the same state.
 */
export interface DomainEvent<TType extends string = string, TData = object, TPersonal = object> {
  type: TType;
  data: TData;
  personal?: TPersonal;
}

export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  readonly initialState: TState;
  decide(command: TCommand, state: TState): TEvent[];
  evolve(state: TState, event: TEvent): TState;
}

/** Fold a history into a state. Events of types a decider does not know leave the state unchanged. */
export function fold<TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<unknown, TState, TEvent>, 'initialState' | 'evolve'>,
  events: readonly DomainEvent[],
): TState {
  return events.reduce<TState>(
    (state, event) => decider.evolve(state, event as TEvent),
    decider.initialState,
  );
}

/** given(history).when(command).then(events) / .thenRefuses(rule): the shape of every decider spec. */
import { decideForCase, type CaseCommand } from '../case-commands';
import type { DomainEvent } from '../shared/decider';
import { RuleViolation, type RuleId } from '../shared/rule-violation';

export interface Outcome {
  /** The decided events equal `expected` exactly (data and personal). */
  then(expected: readonly DomainEvent[]): void;
  /** The command is refused with this rule (and, if given, a message matching `message`). */
  thenRefuses(rule: RuleId, message?: RegExp): void;
  /** The decided events, for assertions of their own. */
  events(): DomainEvent[];
}

export function given(history: readonly DomainEvent[] = []) {
  return {
    when(command: CaseCommand): Outcome {
      const run = () => decideForCase(command, history);
      return {
        then: (expected) => expect(run()).toEqual(expected),
        thenRefuses: (rule, message) => {
          let outcome: unknown;
          try {
            outcome = run();
          } catch (error) {
            outcome = error;
          }
          expect(outcome).toBeInstanceOf(RuleViolation);
          expect((outcome as RuleViolation).rule).toBe(rule);
          if (message) expect((outcome as RuleViolation).message).toMatch(message);
        },
        events: run,
      };
    },
  };
}

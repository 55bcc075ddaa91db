import type { BoundedContext, CaseEvent } from '@nrm/contracts';
import { ASSISTANCE_COMMAND_TYPES, type AssistanceCommand } from './assistance/commands';
import { assistanceDecider } from './assistance/decider';
import { IDENTIFICATION_COMMAND_TYPES, type IdentificationCommand } from './identification/commands';
import { identificationDecider } from './identification/decider';
import {
  PROSECUTION_LIAISON_COMMAND_TYPES,
  type ProsecutionLiaisonCommand,
} from './prosecution-liaison/commands';
import { prosecutionLiaisonDecider } from './prosecution-liaison/decider';
import {
  RETURN_REINTEGRATION_COMMAND_TYPES,
  type ReturnReintegrationCommand,
} from './return-reintegration/commands';
import { returnReintegrationDecider } from './return-reintegration/decider';
import { assertKindAllows, caseKindOf } from './shared/case-kind';
import { fold, type Decider, type DomainEvent } from './shared/decider';
import {
  FAMILY_ASSISTANCE_COMMAND_TYPES,
  FAMILY_COMMAND_TYPES,
  FAMILY_RETURN_COMMAND_TYPES,
  type FamilyCommand,
} from './family/commands';
import { familyDecider, requireLinkedMembers } from './family/decider';

export type CaseCommand =
  | IdentificationCommand
  | AssistanceCommand
  | ReturnReintegrationCommand
  | ProsecutionLiaisonCommand
  | FamilyCommand;
export type CaseCommandType = CaseCommand['type'];

const owners = (context: BoundedContext, types: readonly string[]) =>
  types.map((type) => [type, context] as const);

/** Which context owns (decides) each command. */
export const COMMAND_OWNERS = Object.fromEntries([
  ...owners('identification', IDENTIFICATION_COMMAND_TYPES),
  ...owners('assistance', ASSISTANCE_COMMAND_TYPES),
  ...owners('return-reintegration', RETURN_REINTEGRATION_COMMAND_TYPES),
  ...owners('prosecution-liaison', PROSECUTION_LIAISON_COMMAND_TYPES),
  ...owners('assistance', FAMILY_ASSISTANCE_COMMAND_TYPES),
  ...owners('return-reintegration', FAMILY_RETURN_COMMAND_TYPES),
]) as Readonly<Record<CaseCommandType, BoundedContext>>;

function decideWith<TCommand, TState>(
  decider: Decider<TCommand, TState, CaseEvent>,
  command: TCommand,
  history: readonly DomainEvent[],
): CaseEvent[] {
  return decider.decide(command, fold(decider, history));
}

/**
 * Decides a command against the case's whole history: the owning context folds every event of the
 * stream (its own and the others' public events) and decides. Throws RuleViolation on refusal.
 */
export function decideForCase(command: CaseCommand, history: readonly DomainEvent[]): CaseEvent[] {
  // The family's commands (owned by assistance or return) are decided by the family's own decider; the
  // members a plan's services name must be linked to the case, whichever context adopts the plan.
  if (FAMILY_COMMAND_TYPES.includes(command.type))
    return decideWith(familyDecider, command as FamilyCommand, history);
  if (command.type === 'AdoptAssistancePlan' || command.type === 'AdoptReintegrationPlan')
    requireLinkedMembers(command.services, history);
  const owner = COMMAND_OWNERS[command.type];
  // A person at risk's case allows no presumed-victim step until it is converted (every context).
  assertKindAllows(caseKindOf(history), command.type);
  switch (owner) {
    case 'identification':
      return decideWith(identificationDecider, command as IdentificationCommand, history);
    case 'assistance':
      return decideWith(assistanceDecider, command as AssistanceCommand, history);
    case 'return-reintegration':
      return decideWith(returnReintegrationDecider, command as ReturnReintegrationCommand, history);
    case 'prosecution-liaison':
      return decideWith(prosecutionLiaisonDecider, command as ProsecutionLiaisonCommand, history);
    default:
      throw new Error(`Unknown command type "${(command as { type: string }).type}"`);
  }
}

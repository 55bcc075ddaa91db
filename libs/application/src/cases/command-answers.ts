import { CommandResult } from './command-metadata';

/** What a plan route answers: the command's answer plus the ids it created, in the request's order. */
export function planAnswer(
  result: CommandResult,
  plan: { planId: string; services: { serviceId: string }[] },
) {
  return { ...commandAnswer(result), planId: plan.planId, serviceIds: plan.services.map((s) => s.serviceId) };
}

/** The answer every command route gives: the case and its revision (also in ETag). */
export function commandAnswer(result: CommandResult) {
  return { caseId: result.caseId, revision: result.revision };
}

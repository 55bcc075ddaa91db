import type { Schema } from '@nrm/api-client';

type Prosecution = Schema<'CaseView'>['prosecution'];

/** A step with an outcome the victim has a right to be told of, and whether they were. */
export interface OutcomeStep {
  key: string;
  step: 'hearing_outcome' | 'verdict' | 'compensation_awarded' | 'compensation_refused' | 'compensation_paid';
  relatesTo: string;
  /** When the outcome was recorded. */
  at: string;
  notified: boolean;
}

/** Every outcome recorded in the case's proceedings and claims, oldest first, with its notified flag. */
export function outcomeSteps(prosecution: Prosecution): OutcomeStep[] {
  const steps: OutcomeStep[] = [];
  for (const hearing of prosecution.hearings) {
    if (hearing.outcome)
      steps.push({
        key: `h-${hearing.hearingId}`,
        step: 'hearing_outcome',
        relatesTo: hearing.hearingId,
        at: hearing.outcome.at,
        notified: hearing.outcome.victimNotified,
      });
  }
  for (const proceeding of prosecution.proceedings) {
    proceeding.verdicts.forEach((verdict, index) =>
      steps.push({
        key: `v-${proceeding.proceedingId}-${index}`,
        step: 'verdict',
        relatesTo: proceeding.proceedingId,
        at: verdict.at,
        notified: verdict.victimNotified,
      }),
    );
  }
  for (const claim of prosecution.compensationClaims) {
    if (claim.award)
      steps.push({
        key: `a-${claim.claimId}`,
        step: 'compensation_awarded',
        relatesTo: claim.claimId,
        at: claim.award.at,
        notified: claim.award.victimNotified,
      });
    if (claim.refusal)
      steps.push({
        key: `r-${claim.claimId}`,
        step: 'compensation_refused',
        relatesTo: claim.claimId,
        at: claim.refusal.at,
        notified: claim.refusal.victimNotified,
      });
    claim.payments.forEach((payment, index) =>
      steps.push({
        key: `p-${claim.claimId}-${index}`,
        step: 'compensation_paid',
        relatesTo: claim.claimId,
        at: payment.at,
        notified: payment.victimNotified,
      }),
    );
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

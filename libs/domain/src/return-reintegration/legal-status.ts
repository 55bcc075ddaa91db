/**
 * Legal status in the country of destination: residence permits for victims (CoE Convention art. 14;
 * Directive 2004/81/EC) and removal orders, which are never carried out before the identification is
 * concluded (art. 10(2)).
 */
import type {
  CaseEvent,
  RemovalOrderOutcome,
  ResidencePermitBasis,
  ResidencePermitDecision,
  ReturnReintegrationEvent,
} from '@nrm/contracts';
import type { CommandBase } from '../shared/command';
import { requireTransition } from '../shared/lifecycle';
import { RuleViolation } from '../shared/rule-violation';

export interface ApplyForResidencePermit extends CommandBase<'ApplyForResidencePermit'> {
  permitId: string;
  basis: ResidencePermitBasis;
  /** Defaults to `at`. */
  appliedAt?: string;
}
export interface DecideResidencePermit extends CommandBase<'DecideResidencePermit'> {
  permitId: string;
  decision: ResidencePermitDecision;
  /** YYYY-MM-DD, the last day of validity: required when granted, absent when refused. */
  validUntil?: string;
}
export interface RenewResidencePermit extends CommandBase<'RenewResidencePermit'> {
  permitId: string;
  /** YYYY-MM-DD, after the permit's current expiry. */
  validUntil: string;
}
export interface RecordRemovalOrder extends CommandBase<'RecordRemovalOrder'> {
  orderId: string;
  /** Defaults to `at`. */
  notifiedAt?: string;
}
export interface LiftRemovalOrder extends CommandBase<'LiftRemovalOrder'> {
  orderId: string;
  outcome: RemovalOrderOutcome;
}
export interface EnforceRemovalOrder extends CommandBase<'EnforceRemovalOrder'> {
  orderId: string;
  /** Defaults to `at`. */
  removedAt?: string;
}

export type LegalStatusCommand =
  | ApplyForResidencePermit
  | DecideResidencePermit
  | RenewResidencePermit
  | RecordRemovalOrder
  | LiftRemovalOrder
  | EnforceRemovalOrder;

export const LEGAL_STATUS_COMMAND_TYPES = [
  'ApplyForResidencePermit',
  'DecideResidencePermit',
  'RenewResidencePermit',
  'RecordRemovalOrder',
  'LiftRemovalOrder',
  'EnforceRemovalOrder',
] as const satisfies readonly LegalStatusCommand['type'][];

export type PermitStatus = 'applied' | 'granted' | 'refused';
export type RemovalOrderStatus = 'notified' | RemovalOrderOutcome | 'enforced';

export interface LegalStatusState {
  /** presumed until the identification is concluded (the case's own decision, not a partner's). */
  identification: 'presumed' | 'identified' | 'not_identified';
  permits: Readonly<Record<string, { status: PermitStatus; validUntil?: string }>>;
  removalOrders: Readonly<Record<string, RemovalOrderStatus>>;
}

export const INITIAL_LEGAL_STATUS: LegalStatusState = {
  identification: 'presumed',
  permits: {},
  removalOrders: {},
};

/** The end of a calendar date's last day (UTC): a document or permit "valid until" it is valid before this. */
export const endOfDay = (date: string): number => Date.parse(`${date}T00:00:00.000Z`) + 86_400_000;

function permitIn(legal: LegalStatusState, permitId: string, expected: readonly PermitStatus[]) {
  const permit = legal.permits[permitId];
  requireTransition(permit, `no residence permit ${permitId} in this case`);
  requireTransition(
    expected.includes(permit.status),
    `residence permit ${permitId} is ${permit.status}, expected ${expected.join(' or ')}`,
  );
  return permit;
}

function orderIn(legal: LegalStatusState, orderId: string): void {
  const status = legal.removalOrders[orderId];
  requireTransition(status, `no removal order ${orderId} in this case`);
  requireTransition(status === 'notified', `removal order ${orderId} is already ${status}`);
}

function requireValidUntilAfter(validUntil: string, moment: number, what: string): void {
  if (endOfDay(validUntil) <= moment)
    throw new RuleViolation('invalid-request', `validUntil (${validUntil}) must be after ${what}`);
}

export function decideLegalStatus(
  command: LegalStatusCommand,
  legal: LegalStatusState,
): ReturnReintegrationEvent[] {
  switch (command.type) {
    case 'ApplyForResidencePermit':
      requireTransition(!legal.permits[command.permitId], `residence permit ${command.permitId} exists`);
      return [
        {
          type: 'ResidencePermitApplied',
          data: {
            permitId: command.permitId,
            basis: command.basis,
            appliedAt: command.appliedAt ?? command.at,
          },
        },
      ];
    case 'DecideResidencePermit': {
      permitIn(legal, command.permitId, ['applied']);
      const { permitId, validUntil } = command;
      if (command.decision === 'refused') {
        if (validUntil !== undefined)
          throw new RuleViolation('invalid-request', 'a refused permit has no validUntil');
        return [{ type: 'ResidencePermitRefused', data: { permitId } }];
      }
      if (validUntil === undefined)
        throw new RuleViolation('invalid-request', 'a granted permit needs its validUntil');
      requireValidUntilAfter(validUntil, Date.parse(command.at), 'the decision');
      return [{ type: 'ResidencePermitGranted', data: { permitId, validUntil } }];
    }
    case 'RenewResidencePermit': {
      const permit = permitIn(legal, command.permitId, ['granted']);
      if (permit.validUntil)
        requireValidUntilAfter(command.validUntil, endOfDay(permit.validUntil), 'its expiry');
      return [
        {
          type: 'ResidencePermitRenewed',
          data: { permitId: command.permitId, validUntil: command.validUntil },
        },
      ];
    }
    case 'RecordRemovalOrder':
      requireTransition(!legal.removalOrders[command.orderId], `removal order ${command.orderId} exists`);
      return [
        {
          type: 'RemovalOrderNotified',
          data: { orderId: command.orderId, notifiedAt: command.notifiedAt ?? command.at },
        },
      ];
    case 'LiftRemovalOrder':
      orderIn(legal, command.orderId);
      return [{ type: 'RemovalOrderLifted', data: { orderId: command.orderId, outcome: command.outcome } }];
    case 'EnforceRemovalOrder':
      orderIn(legal, command.orderId);
      if (legal.identification === 'presumed') {
        throw new RuleViolation(
          'no-removal-before-identification',
          'the identification is not concluded: a presumed victim is not removed (CoE Convention art. 10(2))',
        );
      }
      return [
        {
          type: 'RemovalEnforced',
          data: { orderId: command.orderId, removedAt: command.removedAt ?? command.at },
        },
      ];
  }
}

export function evolveLegalStatus(legal: LegalStatusState, event: CaseEvent): LegalStatusState {
  switch (event.type) {
    case 'IdentificationConcluded':
    case 'IdentificationReviewDecided':
      return { ...legal, identification: event.data.status };
    case 'ResidencePermitApplied':
      return { ...legal, permits: { ...legal.permits, [event.data.permitId]: { status: 'applied' } } };
    case 'ResidencePermitGranted':
    case 'ResidencePermitRenewed':
      return {
        ...legal,
        permits: {
          ...legal.permits,
          [event.data.permitId]: { status: 'granted', validUntil: event.data.validUntil },
        },
      };
    case 'ResidencePermitRefused':
      return { ...legal, permits: { ...legal.permits, [event.data.permitId]: { status: 'refused' } } };
    case 'RemovalOrderNotified':
      return { ...legal, removalOrders: { ...legal.removalOrders, [event.data.orderId]: 'notified' } };
    case 'RemovalOrderLifted':
      return {
        ...legal,
        removalOrders: { ...legal.removalOrders, [event.data.orderId]: event.data.outcome },
      };
    case 'RemovalEnforced':
      return { ...legal, removalOrders: { ...legal.removalOrders, [event.data.orderId]: 'enforced' } };
    default:
      return legal;
  }
}

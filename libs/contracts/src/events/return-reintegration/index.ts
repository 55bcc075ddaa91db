import type { AsylumApplicationClosed, AsylumApplicationRecorded } from './asylum';
import type { FamilyReturnEvent } from './family-tracing';
import type { HandoverAccepted, HandoverDeclined, HandoverProposed } from './handover';
import type { HandoverRequestReceived, ProcessingRestrictionRequested } from './handover-received';
import type {
  IdentityDocumentIssued,
  IdentityDocumentRecorded,
  IdentityDocumentRecovered,
  IdentityDocumentReplacementRequested,
} from './identity-documents';
import type {
  RemovalEnforced,
  RemovalOrderLifted,
  RemovalOrderNotified,
  ResidencePermitApplied,
  ResidencePermitGranted,
  ResidencePermitRefused,
  ResidencePermitRenewed,
} from './legal-status';
import type { ReintegrationPlanAdopted, ReintegrationProgressRecorded } from './reintegration';
import type { ArrivalConfirmed, ReceptionConfirmed, ReturnTravelStarted } from './return-journey';
import type { ReturnRequested, ReturnRiskAssessed } from './return-request';
import type { UrgentAlertRaised } from './urgent-alert';

export * from './asylum';
export * from './family-tracing';
export * from './handover';
export * from './handover-received';
export * from './identity-documents';
export * from './legal-status';
export * from './reintegration';
export * from './return-journey';
export * from './return-request';
export * from './urgent-alert';

export type ReturnReintegrationEvent =
  | ReturnRequested
  | ReturnRiskAssessed
  | HandoverProposed
  | HandoverAccepted
  | HandoverDeclined
  | ReturnTravelStarted
  | ArrivalConfirmed
  | ReceptionConfirmed
  | ReintegrationPlanAdopted
  | ReintegrationProgressRecorded
  | HandoverRequestReceived
  | ProcessingRestrictionRequested
  | AsylumApplicationRecorded
  | AsylumApplicationClosed
  | UrgentAlertRaised
  | ResidencePermitApplied
  | ResidencePermitGranted
  | ResidencePermitRefused
  | ResidencePermitRenewed
  | RemovalOrderNotified
  | RemovalOrderLifted
  | RemovalEnforced
  | IdentityDocumentRecorded
  | IdentityDocumentRecovered
  | IdentityDocumentReplacementRequested
  | IdentityDocumentIssued
  | FamilyReturnEvent;

import type { AsylumApplicationClosed, AsylumApplicationRecorded } from './asylum';
import type { FamilyReturnEvent } from './family-tracing';
import type { HandoverAccepted, HandoverDeclined, HandoverProposed } from './handover';
import type { HandoverRequestReceived, ProcessingRestrictionRequested } from './handover-received';
import type { ReintegrationPlanAdopted, ReintegrationProgressRecorded } from './reintegration';
import type { ArrivalConfirmed, ReceptionConfirmed, ReturnTravelStarted } from './return-journey';
import type { ReturnRequested, ReturnRiskAssessed } from './return-request';

export * from './asylum';
export * from './family-tracing';
export * from './handover';
export * from './handover-received';
export * from './reintegration';
export * from './return-journey';
export * from './return-request';

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
  | FamilyReturnEvent;

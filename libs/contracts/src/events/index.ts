import type { AssistanceEvent } from './assistance';
import type { IdentificationEvent } from './identification';
import type { ProsecutionLiaisonEvent } from './prosecution-liaison';
import type { ReturnReintegrationEvent } from './return-reintegration';

export * from './assistance';
export * from './identification';
export * from './prosecution-liaison';
export * from './return-reintegration';
export { LIMITS } from './field-rules';

/** Every event of the catalogue: what a case stream may hold. */
export type CaseEvent =
  IdentificationEvent | AssistanceEvent | ReturnReintegrationEvent | ProsecutionLiaisonEvent;
export type CaseEventType = CaseEvent['type'];
/** The event of one type, e.g. `EventOf<'CaseClosed'>`. */
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

import type {
  AssistanceEvent,
  BoundedContext,
  CaseEvent,
  IdentificationEvent,
  ProsecutionLiaisonEvent,
  ReturnReintegrationEvent,
} from '@nrm/contracts';
// Deep import: the package index loads the event classes before reflect-metadata (see projectable-event.ts).
import { contextOf, isCaseEventType } from '@nrm/contracts/registry';
import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail } from '../../port/case-views';

/** The stored envelope with `data` typed by `type`; `personal` stays the ciphertext the store holds. */
type Stored<E> = E extends CaseEvent ? StoredEvent & Pick<E, 'type' | 'data'> : never;

/** A catalogue event as the store hands it back, discriminated by `type`. */
export type StoredCaseEvent = Stored<CaseEvent>;

interface EventsByContext {
  identification: IdentificationEvent;
  assistance: AssistanceEvent;
  'return-reintegration': ReturnReintegrationEvent;
  'prosecution-liaison': ProsecutionLiaisonEvent;
}

/** The stored events one bounded context owns. */
export type StoredEventOf<C extends BoundedContext> = Stored<EventsByContext[C]>;

/** How one bounded context folds the events it owns into the view: pure, a new view each time. */
export type ContextFold<C extends BoundedContext> = (view: CaseDetail, event: StoredEventOf<C>) => CaseDetail;

/**
 * The one narrowing from the store's untyped form. The type name is all it checks: `data` was
 * validated against its contract when recorded, and `projectable` upcast it to the latest schema.
 */
export function isStoredCaseEvent(event: StoredEvent): event is StoredCaseEvent {
  return isCaseEventType(event.type);
}

/** Whether `context` owns the event, so that each context's fold sees only its own events. */
export function ownedBy<C extends BoundedContext>(
  event: StoredCaseEvent,
  context: C,
): event is StoredEventOf<C> {
  return contextOf(event.type) === context;
}

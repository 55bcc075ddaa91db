import type { CaseDetail } from '../../port/case-views';
import { evolveAssistance } from './assistance';
import { ownedBy, type StoredCaseEvent } from './case-events';
import { evolveIdentification } from './identification';
import { evolveProsecutionLiaison } from './prosecution-liaison';
import { evolveReturnReintegration } from './return-reintegration';

/** Hands the event to the fold of the bounded context that owns it. */
export function evolveFacts(view: CaseDetail, event: StoredCaseEvent): CaseDetail {
  if (ownedBy(event, 'identification')) return evolveIdentification(view, event);
  if (ownedBy(event, 'assistance')) return evolveAssistance(view, event);
  if (ownedBy(event, 'return-reintegration')) return evolveReturnReintegration(view, event);
  if (ownedBy(event, 'prosecution-liaison')) return evolveProsecutionLiaison(view, event);
  // Every catalogue event is owned by one of the four: a new context fails to compile here.
  const unowned: never = event;
  return unowned;
}

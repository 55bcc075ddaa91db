import type {
  CaseDetail,
  Deadline,
  IdentityDocumentView,
  LegalStatusView,
  RemovalOrderView,
  ResidencePermitView,
} from '../../port/case-views';
import type { DeadlinePolicy } from '../deadline-policy';
import type { StoredEventOf } from './case-events';
import { updateFirst } from './updates';

const DAY_MS = 86_400_000;

const LEGAL_STATUS_EVENT_TYPES = [
  'ResidencePermitApplied',
  'ResidencePermitGranted',
  'ResidencePermitRefused',
  'ResidencePermitRenewed',
  'RemovalOrderNotified',
  'RemovalOrderLifted',
  'RemovalEnforced',
  'IdentityDocumentRecorded',
  'IdentityDocumentRecovered',
  'IdentityDocumentReplacementRequested',
  'IdentityDocumentIssued',
] as const;
type LegalStatusEvent = Extract<
  StoredEventOf<'return-reintegration'>,
  { type: (typeof LEGAL_STATUS_EVENT_TYPES)[number] }
>;

export function isLegalStatusEvent(event: StoredEventOf<'return-reintegration'>): event is LegalStatusEvent {
  return (LEGAL_STATUS_EVENT_TYPES as readonly string[]).includes(event.type);
}

const EMPTY: LegalStatusView = { residencePermits: [], removalOrders: [], documents: [] };

/** Residence permits, removal orders and identity documents. */
export function evolveLegalStatus(view: CaseDetail, event: LegalStatusEvent): CaseDetail {
  const at = event.occurredAt;
  const legal = view.legalStatus ?? EMPTY;
  const permit = (permitId: string, changes: Partial<ResidencePermitView>) =>
    with_(view, {
      residencePermits: updateFirst(
        legal.residencePermits,
        (p) => p.permitId === permitId,
        (p) => ({ ...p, ...changes }),
      ),
    });
  const order = (orderId: string, changes: Partial<RemovalOrderView>) =>
    with_(view, {
      removalOrders: updateFirst(
        legal.removalOrders,
        (o) => o.orderId === orderId,
        (o) => ({ ...o, ...changes }),
      ),
    });
  const document = (documentId: string, changes: Partial<IdentityDocumentView>) =>
    with_(view, {
      documents: updateFirst(
        legal.documents,
        (d) => d.documentId === documentId,
        (d) => ({ ...d, ...changes, at }),
      ),
    });
  switch (event.type) {
    case 'ResidencePermitApplied': {
      const { permitId, basis, appliedAt } = event.data;
      return with_(view, {
        residencePermits: [...legal.residencePermits, { permitId, basis, appliedAt, status: 'applied' }],
      });
    }
    case 'ResidencePermitGranted':
      return permit(event.data.permitId, {
        status: 'granted',
        decidedAt: at,
        validUntil: event.data.validUntil,
      });
    case 'ResidencePermitRefused':
      return permit(event.data.permitId, { status: 'refused', decidedAt: at });
    case 'ResidencePermitRenewed':
      return permit(event.data.permitId, { validUntil: event.data.validUntil, renewedAt: at });
    case 'RemovalOrderNotified': {
      const { orderId, notifiedAt } = event.data;
      return with_(view, {
        removalOrders: [...legal.removalOrders, { orderId, notifiedAt, status: 'notified' }],
      });
    }
    case 'RemovalOrderLifted':
      return order(event.data.orderId, { status: event.data.outcome, at });
    case 'RemovalEnforced':
      return order(event.data.orderId, { status: 'enforced', at, removedAt: event.data.removedAt });
    case 'IdentityDocumentRecorded': {
      const { documentId, kind, status, validUntil } = event.data;
      const recorded: IdentityDocumentView = { documentId, kind, status, recordedAt: at, at };
      return with_(view, {
        documents: [...legal.documents, validUntil === undefined ? recorded : { ...recorded, validUntil }],
      });
    }
    case 'IdentityDocumentRecovered': {
      const { documentId, validUntil } = event.data;
      return document(
        documentId,
        validUntil === undefined ? { status: 'recovered' } : { status: 'recovered', validUntil },
      );
    }
    case 'IdentityDocumentReplacementRequested':
      return document(event.data.documentId, {
        status: 'replacement_requested',
        channel: event.data.channel,
      });
    case 'IdentityDocumentIssued':
      return document(event.data.documentId, { status: 'issued', validUntil: event.data.validUntil });
  }
}

function with_(view: CaseDetail, changes: Partial<LegalStatusView>): CaseDetail {
  return { ...view, legalStatus: { ...(view.legalStatus ?? EMPTY), ...changes } };
}

/**
 * A granted permit's renewal, due the country's days before it expires (30 by default); and the alert for a removal order
 * notified while the identification is pending (due at its notification, so overdue at once).
 */
export function legalStatusDeadlines(detail: CaseDetail, policy: DeadlinePolicy): Deadline[] {
  const legal = detail.legalStatus;
  if (!legal) return [];
  const deadlines: Deadline[] = [];
  for (const permit of legal.residencePermits) {
    if (permit.status === 'granted' && permit.validUntil) {
      const expiresAt = Date.parse(`${permit.validUntil}T00:00:00.000Z`) + DAY_MS;
      deadlines.push({
        kind: 'residence_permit_expiry',
        ref: permit.permitId,
        dueAt: new Date(expiresAt - policy.residence_permit_expiry * DAY_MS).toISOString(),
      });
    }
  }
  if (detail.identification.status === 'pending') {
    for (const order of legal.removalOrders) {
      if (order.status === 'notified') {
        deadlines.push({
          kind: 'removal_before_identification',
          ref: order.orderId,
          dueAt: order.notifiedAt,
        });
      }
    }
  }
  return deadlines;
}

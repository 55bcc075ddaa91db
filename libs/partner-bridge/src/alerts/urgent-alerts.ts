import type { StoredEvent } from '@nrm/event-store/port';
import type { JournalEntry } from '../bridge/trm-journal';

/** An urgent alert received from a partner node, as the operators of this node see it. */
export interface ReceivedUrgentAlert {
  alertId: string;
  fromNode: string;
  fromCountry: string;
  /** victim, witness or family_member. */
  subject: string;
  /** The danger's code (URGENT_DANGERS). */
  danger: string;
  raisedAt: string;
  receivedAt: string;
  /** This node's case the alert is about, when the sender's consent let it name the shared case. */
  caseId?: string;
  status: 'open' | 'acknowledged';
  acknowledgedAt?: string;
  /** The user id of the operator who acknowledged it. */
  acknowledgedBy?: string;
}

/** GET /api/alerts: open alerts first, newest first within each group. */
export interface ReceivedUrgentAlerts {
  alerts: ReceivedUrgentAlert[];
}

/** The alerts of the node's `alerts` stream, folded: received, then acknowledged (once). */
export function foldReceivedAlerts(events: readonly StoredEvent[]): ReceivedUrgentAlert[] {
  const alerts = new Map<string, ReceivedUrgentAlert>();
  for (const event of events) {
    const data = event.data as Record<string, string>;
    if (event.type === 'UrgentAlertReceived') {
      const { alertId, fromNode, fromCountry, subject, danger, raisedAt, receivedAt, caseId } = data;
      alerts.set(alertId, {
        alertId,
        fromNode,
        fromCountry,
        subject,
        danger,
        raisedAt,
        receivedAt,
        ...(caseId ? { caseId } : {}),
        status: 'open',
      });
    }
    const alert = alerts.get(data.alertId);
    if (event.type === 'UrgentAlertAcknowledged' && alert && alert.status === 'open')
      Object.assign(alert, {
        status: 'acknowledged',
        acknowledgedAt: data.acknowledgedAt,
        acknowledgedBy: event.actor.userId,
      });
  }
  return [...alerts.values()].sort(
    (a, b) =>
      Number(a.status !== 'open') - Number(b.status !== 'open') || b.receivedAt.localeCompare(a.receivedAt),
  );
}

/** An urgent alert raised on a case here, with how far it got. */
export interface RaisedUrgentAlert {
  alertId: string;
  toCountry: string;
  subject: string;
  danger: string;
  raisedAt: string;
  /** The partner node of the country, when the registry has one. */
  partnerNodeId?: string;
  /**
   * `no-partner` (no partner node for the country), `queued` (waiting in the outbox), or the journal's
   * outcome: `accepted`, `duplicate`, `published`, `rejected:<reason>`, `withheld:<reason>`.
   */
  delivery: string;
  /** When delivery ended (the journal record), if it did. */
  deliveredAt?: string;
}

/** GET /api/cases/:id/urgent-alerts: the alerts raised on the case, newest first. */
export interface CaseUrgentAlerts {
  caseId: string;
  alerts: RaisedUrgentAlert[];
}

/** The delivery of one alert from the journal records about it (sent or withheld: the last one tells). */
export function deliveryOf(
  records: readonly (JournalEntry & { recordedAt: string })[],
): Pick<RaisedUrgentAlert, 'delivery' | 'deliveredAt'> {
  const last = records.filter((r) => r.direction === 'outgoing').pop();
  return last ? { delivery: last.outcome, deliveredAt: last.recordedAt } : { delivery: 'queued' };
}

import { keepsCaseSecret, sharingBar, urgentAlertSharing, type SharingBar } from '@nrm/domain';
import type { TrmMessageKind } from '../envelope/cross-border-envelope';
import { candidatePayload, outgoingKind, type CaseFact, type HandoverSide } from '../protocol/case-messages';
import { MESSAGE_CATALOGUE } from '../protocol/message-catalogue';
import {
  agreementAllows,
  minimalPayload,
  secretCasePayload,
  type Payload,
} from '../protocol/minimal-payload';
import type { Partner, ShareableField, TrmPurpose } from '../registry/partner';

/** A local case as it is linked to one partner node for one handover. */
export interface OutgoingLink {
  side: HandoverSide;
  /** The handover the link was opened for: steps of another handover never travel on it. */
  handoverId: string;
  partnerCountry: string;
}

/** One of this node's own case events (events a partner's message caused are not echoed back). */
export interface OutgoingEvent {
  type: string;
  data: Readonly<Record<string, unknown>>;
  /** The event erased the person's personal data. */
  erasesPersonalData?: boolean;
}

/** What an event means for one link, before any case fact is read. */
export type OutgoingRoute =
  /** Nothing travels; with withdrawQueued, what is still queued about the shared case is dropped. */
  | { route: 'none'; withdrawQueued: boolean }
  /** Queued messages are dropped and nothing more is sent: recorded as withheld, of any kind. */
  | { route: 'withhold'; kind: 'any'; reason: Extract<SharingBar, 'asylum'>; withdrawQueued: true }
  /** A message of this kind is due: read the case and the registry, then ask judgeOutgoing. */
  | { route: 'message'; kind: TrmMessageKind; withdrawQueued: boolean };

/** Why a message due to a partner is not sent (recorded as `withheld:<reason>`). */
export type OutgoingWithholdReason =
  SharingBar | 'partner-removed' | 'out-of-agreement' | 'no-signed-checkpoint';

export interface OutgoingContext {
  kind: TrmMessageKind;
  link: Pick<OutgoingLink, 'side' | 'partnerCountry'>;
  /**
   * The case's history up to and including the event the message is about, personal parts
   * decrypted (undefined once erased, so nothing of them can travel).
   */
  history: readonly CaseFact[];
  /** The linked partner node as the registry holds it now (undefined: not in the registry). */
  partner: Partner | undefined;
  /** The sender's clock (ISO 8601): the agreement must still be in force. */
  now: string;
  /** This node's log has a signed checkpoint (every message carries one for the partner to witness). */
  signedCheckpoint: boolean;
}

export type OutgoingJudgement =
  | {
      verdict: 'send';
      kind: TrmMessageKind;
      purpose: TrmPurpose;
      partner: Partner;
      /** Only the protocol fields and the optional fields the agreement lists for the purpose. */
      payload: Payload;
      /** The payload holds fields from the personal (encrypted) part: the read goes to the access log. */
      carriesPersonalData: boolean;
    }
  | { verdict: 'withhold'; kind: TrmMessageKind; reason: OutgoingWithholdReason };

/** Payload fields that come from the personal (encrypted) part of the case's events. */
const PERSONAL_FIELDS: ReadonlySet<ShareableField> = new Set<ShareableField>([
  'person.givenName',
  'person.familyName',
  'person.dateOfBirth',
  'answer.reasons',
  'reintegration.notes',
]);

/**
 * What one of this node's case events means for the partner on one link:
 *
 *  - erasure          drops what is queued about the shared case; the partner is not told.
 *  - other handover   a step of another handover never travels on this link (an earlier, declined
 *                     proposal may have gone to another country).
 *  - asylum           (destination) drops what is queued and withholds everything, of any kind.
 *  - consent          (destination) a data-sharing consent withdrawn for the partner's country drops
 *                     what is queued at once and asks the partner to restrict what it holds.
 *  - otherwise        the message the side sends for this event type (outgoingKind), if any.
 */
export function routeOutgoing(link: OutgoingLink, event: OutgoingEvent): OutgoingRoute {
  if (event.erasesPersonalData) return { route: 'none', withdrawQueued: true };
  const { handoverId, purpose, recipient } = event.data;
  if (typeof handoverId === 'string' && handoverId !== link.handoverId)
    return { route: 'none', withdrawQueued: false };
  if (link.side === 'destination') {
    if (event.type === 'AsylumApplicationRecorded')
      return { route: 'withhold', kind: 'any', reason: 'asylum', withdrawQueued: true };
    if (event.type === 'ConsentWithdrawn' && purpose === 'data_sharing' && recipient === link.partnerCountry)
      return { route: 'message', kind: 'consent.restriction-requested', withdrawQueued: true };
  }
  const kind = outgoingKind(link.side, event.type);
  return kind ? { route: 'message', kind, withdrawQueued: false } : { route: 'none', withdrawQueued: false };
}

/**
 * May this message go to the partner now, and with what? The gates, in this order (the first that
 * fails names the withheld outcome):
 *
 *  1. sharing bar           the case's consents, asylum and restriction (domain's sharingBar, for the
 *                           link's side and country and the kind's purpose).
 *  2. partner-removed       the linked partner is missing from the registry or removed (a held
 *                           partner is still sent to: holding concerns what it sends here).
 *  3. out-of-agreement      the agreement lacks the purpose or has ended (restriction requests are
 *                           always covered, see agreementAllows).
 *  4. no-signed-checkpoint  the partner could not witness this node's log.
 *  5. send                  the minimal payload: protocol fields plus what the agreement lists; while
 *                           the victim's last stated wishes ask to keep the case secret, of those only
 *                           what the return itself needs (secretCasePayload).
 */
export function judgeOutgoing(ctx: OutgoingContext): OutgoingJudgement {
  const { kind, link, history, partner, now } = ctx;
  const { purpose } = MESSAGE_CATALOGUE[kind];
  const withhold = (reason: OutgoingWithholdReason): OutgoingJudgement => ({
    verdict: 'withhold',
    kind,
    reason,
  });
  // Urgent alerts travel on no link: judgeUrgentAlert decides them.
  if (purpose === 'protection')
    throw new Error('judgeOutgoing: urgent alerts are judged by judgeUrgentAlert');
  const bar = sharingBar(history, link.side, link.partnerCountry, purpose);
  if (bar) return withhold(bar);
  if (!partner || partner.status === 'removed') return withhold('partner-removed');
  if (!agreementAllows(kind, partner.agreement, now)) return withhold('out-of-agreement');
  if (!ctx.signedCheckpoint) return withhold('no-signed-checkpoint');
  const agreed = minimalPayload(
    kind,
    candidatePayload(kind, history[history.length - 1], history),
    partner.agreement,
  );
  const payload = keepsCaseSecret(history) ? secretCasePayload(kind, agreed) : agreed;
  const carriesPersonalData = Object.keys(payload).some((field) =>
    PERSONAL_FIELDS.has(field as ShareableField),
  );
  return { verdict: 'send', kind, purpose, partner, payload, carriesPersonalData };
}

export interface UrgentAlertContext {
  /** The case's history up to and including the UrgentAlertRaised event. */
  history: readonly CaseFact[];
  /** The registry's partner for the alert's country (undefined: none, or not in the registry). */
  partner: Partner | undefined;
  /**
   * The shared reference of the case's handover with that partner, if any: the alert names it only
   * under the victim's data-sharing consent for the partner's country.
   */
  sharedCaseRef?: string;
  signedCheckpoint: boolean;
}

export type UrgentAlertJudgement =
  | {
      verdict: 'send';
      partner: Partner;
      payload: Payload;
      /** The alert names the shared case (consent given); otherwise it is the minimal alert, codes only. */
      linked: boolean;
    }
  | {
      verdict: 'withhold';
      reason: Extract<OutgoingWithholdReason, 'asylum' | 'partner-removed' | 'no-signed-checkpoint'>;
    };

/**
 * May an urgent alert (UrgentAlertRaised, CETS 197 art. 33) go to the partner of its country, and with
 * what? No handover and no agreement purpose are needed: the duty to warn of immediate danger is the
 * Convention's, and the alert carries codes only. The gates:
 *
 *  1. asylum                 an asylum application pending or granted: nothing (also an alert raised
 *                            just before the application was recorded).
 *  2. partner-removed        no partner node for the country, or it was removed.
 *  3. no-signed-checkpoint   the partner could not witness this node's log.
 *  4. send                   codes (alertId, subject, danger, raisedAt); plus the shared case reference
 *                            of an existing handover with that partner, only when the victim's
 *                            data-sharing consent names the partner's country (urgentAlertSharing).
 */
export function judgeUrgentAlert(ctx: UrgentAlertContext): UrgentAlertJudgement {
  const { history, partner } = ctx;
  const raised = history[history.length - 1];
  const toCountry = String((raised.data as { toCountry?: unknown }).toCountry);
  const sharing = urgentAlertSharing(history, toCountry);
  if (sharing === 'asylum') return { verdict: 'withhold', reason: 'asylum' };
  if (!partner || partner.status === 'removed' || partner.country !== toCountry)
    return { verdict: 'withhold', reason: 'partner-removed' };
  if (!ctx.signedCheckpoint) return { verdict: 'withhold', reason: 'no-signed-checkpoint' };
  const linked = sharing === 'linked' && ctx.sharedCaseRef !== undefined;
  const candidate = {
    ...candidatePayload('alert.urgent', raised, history),
    ...(linked ? { sharedCaseRef: ctx.sharedCaseRef } : {}),
  };
  return {
    verdict: 'send',
    partner,
    payload: minimalPayload('alert.urgent', candidate, partner.agreement),
    linked,
  };
}

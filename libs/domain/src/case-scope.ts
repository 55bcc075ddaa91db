/**
 * Record-level access: which agencies a case involves. Pure functions of the case's events, shared
 * by the command side (decided on the event history it loads) and the read models (kept per case),
 * so that both draw the same line. Imports nothing at run time but the consent ledger (itself free
 * of run-time imports), so read models can deep-import it.
 *
 * Scope narrows with consent: an agency that came in only under the victim's consent (a team member
 * added without a legal basis, a provider an assistance service was planned with or referred to: both
 * need an `assistance` consent covering the agency) leaves the scope when that consent is withdrawn or
 * refused. The registering agency, receiving agencies of a handover and team members added under a
 * legal basis stay. The events stay too: leaving the scope only stops further reads.
 */
import type { ConsentPurpose } from '@nrm/contracts';
import {
  consentCovers,
  consentLedgerOfLatest,
  evolveConsents,
  normaliseRecipient,
  type ConsentLedger,
} from './shared/consent-ledger';

/** The parts of a stored or domain event that scope depends on; `actor` is the envelope's. */
export interface ScopeEvent {
  type: string;
  data: object;
  actor?: { agency?: string; role?: string };
}

/**
 * The purpose whose consent lets an agency into the case: assistance (CoE Convention art. 12, the
 * multidisciplinary team and service providers assist the victim). Team membership and referrals
 * share the same rule.
 */
export const AGENCY_CONSENT_PURPOSE: ConsentPurpose = 'assistance';

/**
 * Whether the victim's consent lets `agency` into the case: an assistance consent naming the agency
 * decides (its withdrawal or refusal overrides a general one); otherwise an assistance consent
 * without a recipient covers every agency.
 */
export function consentAdmitsAgency(consents: ConsentLedger, agency: string): boolean {
  return consentCovers(consents, AGENCY_CONSENT_PURPOSE, agency, { orUnsetRecipient: true });
}

/** Record scope as it stands after some events: what the read models keep per case. */
export interface CaseScope {
  /** Every agency in scope, in the order they became involved. */
  agencies: readonly string[];
  /** Those of `agencies` that are in scope only under a consent (they leave when it is withdrawn). */
  byConsent: readonly string[];
  /** The case's consents, latest per (purpose, recipient). */
  consents: ConsentLedger;
}

export { consentLedgerOfLatest };

export const EMPTY_SCOPE: CaseScope = { agencies: [], byConsent: [], consents: {} };

interface ServiceLine {
  provider?: unknown;
}

const providers = (data: object): string[] => {
  const services = (data as { services?: unknown }).services;
  return Array.isArray(services)
    ? services.flatMap((s: ServiceLine) => (typeof s?.provider === 'string' ? [s.provider] : []))
    : [];
};

const field = (data: object, name: string): string[] => {
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? [value] : [];
};

/** How an event brings agencies in: for good, or only while a consent covers them. */
interface Involvement {
  agencies: string[];
  underConsent: boolean;
}

function involvementOf(event: ScopeEvent): Involvement {
  const lasting = (agencies: string[]): Involvement => ({ agencies, underConsent: false });
  const consented = (agencies: string[]): Involvement => ({ agencies, underConsent: true });
  // Agency codes a partner node sends name agencies of ITS country: one that happens to share a local
  // agency's code must not open the case to that local agency.
  if (event.actor?.role === 'partner_node' && event.type !== 'HandoverRequestReceived') return lasting([]);
  switch (event.type) {
    // In the country of origin, the partner bridge records a received case for the node's receiving agency.
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskRegistered':
    case 'HandoverRequestReceived':
      return lasting(event.actor?.agency ? [event.actor.agency] : []);
    // Planning or referring a service with a provider needs an assistance consent covering it.
    case 'AssistancePlanAdopted':
      return consented(providers(event.data));
    case 'ServiceReferred':
      return consented(field(event.data, 'provider'));
    case 'ReintegrationPlanAdopted':
      return lasting(providers(event.data));
    case 'HandoverAccepted':
    case 'ReceptionConfirmed':
      return lasting(field(event.data, 'receivingAgency'));
    case 'AgencyJoinedTeam': {
      const legalBasis = (event.data as { legalBasis?: unknown }).legalBasis;
      const agencies = field(event.data, 'agency');
      return typeof legalBasis === 'string' ? lasting(agencies) : consented(agencies);
    }
    default:
      return lasting([]);
  }
}

/**
 * The agencies one event brings into the case: the registering user's agency, the providers a
 * service is planned with or referred to, the receiving agencies of a handover, and the agencies
 * added to the multidisciplinary team. Agency codes are compared as written (like consent recipients).
 */
export function agenciesInvolvedBy(event: ScopeEvent): string[] {
  return involvementOf(event).agencies;
}

/** The agencies a withdrawal or refusal of an assistance consent takes out of scope. */
function leavingOnWithdrawal(scope: CaseScope, consents: ConsentLedger, event: ScopeEvent): string[] {
  if (event.type !== 'ConsentWithdrawn' && event.type !== 'ConsentRefused') return [];
  const { purpose, recipient } = event.data as { purpose?: string; recipient?: string };
  if (purpose !== AGENCY_CONSENT_PURPOSE) return [];
  const named = normaliseRecipient(recipient);
  return scope.byConsent.filter(
    (agency) => (named === undefined || named === agency) && !consentAdmitsAgency(consents, agency),
  );
}

/** Folds one event into the case's scope (returned as is when nothing changes). */
export function evolveScope(scope: CaseScope, event: ScopeEvent): CaseScope {
  const consents = evolveConsents(scope.consents, event as Parameters<typeof evolveConsents>[1]);
  const leaving = leavingOnWithdrawal(scope, consents, event);
  let { agencies, byConsent } = scope;
  if (leaving.length) {
    agencies = agencies.filter((a) => !leaving.includes(a));
    byConsent = byConsent.filter((a) => !leaving.includes(a));
  }
  const { agencies: involved, underConsent } = involvementOf(event);
  for (const agency of new Set(involved)) {
    if (!agencies.includes(agency)) {
      agencies = [...agencies, agency];
      if (underConsent) byConsent = [...byConsent, agency];
    } else if (!underConsent && byConsent.includes(agency)) {
      // Now in scope for good (e.g. added to the team under a legal basis after a referral).
      byConsent = byConsent.filter((a) => a !== agency);
    }
  }
  return consents === scope.consents && agencies === scope.agencies && byConsent === scope.byConsent
    ? scope
    : { agencies, byConsent, consents };
}

/** The scope of a whole history. */
export function caseScope(events: readonly ScopeEvent[]): CaseScope {
  return events.reduce<CaseScope>(evolveScope, EMPTY_SCOPE);
}

/** Every agency in scope of a case, in the order they became involved (withdrawn consents applied). */
export function caseAgencies(events: readonly ScopeEvent[]): string[] {
  return [...caseScope(events).agencies];
}

/** An operator sees a case only through an agency involved in it; no agency, no case. */
export function agencyInScope(agencies: readonly string[], agency: string | undefined): boolean {
  return agency !== undefined && agency.length > 0 && agencies.includes(agency);
}

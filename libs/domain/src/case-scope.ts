/**
 * Record-level access: which agencies a case involves. Pure functions of the case's events, shared
 * by the command side (decided on the event history it loads) and the read models (kept per case),
 * so that both draw the same line. Imports nothing at run time, so read models can deep-import it.
 */

/** The parts of a stored or domain event that scope depends on; `actor` is the envelope's. */
export interface ScopeEvent {
  type: string;
  data: object;
  actor?: { agency?: string; role?: string };
}

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

/**
 * The agencies one event brings into the case: the registering user's agency, the providers a
 * service is planned with or referred to, the receiving agencies of a handover, and the agencies
 * added to the multidisciplinary team. Agency codes are compared as written (like consent recipients).
 */
export function agenciesInvolvedBy(event: ScopeEvent): string[] {
  // Agency codes a partner node sends name agencies of ITS country: one that happens to share a local
  // agency's code must not open the case to that local agency.
  if (event.actor?.role === 'partner_node' && event.type !== 'HandoverRequestReceived') return [];
  switch (event.type) {
    // In the country of origin, the partner bridge records a received case for the node's receiving agency.
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskRegistered':
    case 'HandoverRequestReceived':
      return event.actor?.agency ? [event.actor.agency] : [];
    case 'AssistancePlanAdopted':
    case 'ReintegrationPlanAdopted':
      return providers(event.data);
    case 'ServiceReferred':
      return field(event.data, 'provider');
    case 'HandoverAccepted':
    case 'ReceptionConfirmed':
      return field(event.data, 'receivingAgency');
    case 'AgencyJoinedTeam':
      return field(event.data, 'agency');
    default:
      return [];
  }
}

/** Adds the agencies `event` involves to `agencies` (returned as is when nothing is new). */
export function withAgenciesOf(agencies: readonly string[], event: ScopeEvent): readonly string[] {
  const added = agenciesInvolvedBy(event).filter(
    (a, i, all) => !agencies.includes(a) && all.indexOf(a) === i,
  );
  return added.length ? [...agencies, ...added] : agencies;
}

/** Every agency involved in a case, in the order they became involved. */
export function caseAgencies(events: readonly ScopeEvent[]): string[] {
  return [...events.reduce<readonly string[]>(withAgenciesOf, [])];
}

/** An operator sees a case only through an agency involved in it; no agency, no case. */
export function agencyInScope(agencies: readonly string[], agency: string | undefined): boolean {
  return agency !== undefined && agency.length > 0 && agencies.includes(agency);
}

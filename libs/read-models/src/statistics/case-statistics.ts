import type { StoredEvent } from '@nrm/event-store/port';
import { isStoredCaseEvent } from '../case-view/detail/case-events';
import { UNKNOWN, type StatisticsFact, type CountedTableName } from './statistics-tables';

/**
 * What the statistics projection keeps of one case: the counted facts, and the two lookups later
 * events need (a service's kind and agency, a handover's partner country). Codes only: no name, no
 * date of birth, no free text, no date finer than the quarter, and never the encrypted part.
 */
export interface CaseStatistics {
  services: { serviceId: string; kind: string; agency: string }[];
  handovers: { handoverId: string; country: string }[];
  facts: StatisticsFact[];
  /**
   * The victim's last stated wishes ask to keep the case secret: no fact is counted while it stands,
   * and stating it dropped the facts of its year and later ones (none of them published yet).
   */
  secret?: boolean;
  /**
   * The case opened for a person at risk: what a conversion counts in the victims' registration
   * tables, and whether it was converted. While not converted, the case's services are counted in
   * the people-at-risk tables only.
   */
  atRisk?: { sex: string; ageBand: string; citizenship: string; referralSource: string; converted: boolean };
}

export const emptyCaseStatistics = (): CaseStatistics => ({ services: [], handovers: [], facts: [] });

/** The UTC calendar quarter of an instant: every fact is counted in the quarter it was recorded. */
export function quarterOf(instant: string): { year: number; quarter: number } {
  const at = new Date(instant);
  return { year: at.getUTCFullYear(), quarter: Math.floor(at.getUTCMonth() / 3) + 1 };
}

/** Folds one (upcast) event of the case's stream into its statistics; pure, a new value each time. */
export function evolveCaseStatistics(current: CaseStatistics, event: StoredEvent): CaseStatistics {
  if (!isStoredCaseEvent(event)) return current;
  const period = quarterOf(event.occurredAt);
  const facts: StatisticsFact[] = [];
  const count = (table: CountedTableName, category: string) => facts.push({ table, category, ...period });
  let { services, handovers } = current;
  let atRisk = current.atRisk;
  // A person at risk's services are not the victims': counted apart until the case is converted.
  const victimsCase = !atRisk || atRisk.converted;
  const service = (serviceId: string) =>
    services.find((s) => s.serviceId === serviceId) ?? { kind: UNKNOWN, agency: UNKNOWN };
  const partnerOf = (handoverId: string) =>
    handovers.find((h) => h.handoverId === handoverId)?.country ?? UNKNOWN;
  switch (event.type) {
    case 'VictimWishesStated': {
      const secret = event.data.wishes.includes('keep_case_secret');
      if (secret === (current.secret ?? false)) return current;
      // Only closed years are published: the facts of the running year (and any later) can still
      // leave without any published answer changing, while those of earlier years stay, or a published
      // year would change and the difference would give the case away.
      return secret
        ? { ...current, secret, facts: current.facts.filter((f) => f.year < period.year) }
        : { ...current, secret };
    }
    case 'PresumedVictimRegistered': {
      const d = event.data;
      count('registrations-by-sex', d.sex);
      count('registrations-by-age-band', d.ageBand);
      count('registrations-by-citizenship', d.citizenship);
      count('registrations-by-country-of-exploitation', d.countryOfExploitation);
      for (const form of new Set(d.formsOfExploitation)) count('registrations-by-form-of-exploitation', form);
      count('registrations-by-referral-source', d.referralSource);
      break;
    }
    case 'PersonAtRiskRegistered': {
      const d = event.data;
      atRisk = {
        sex: d.sex,
        ageBand: d.ageBand,
        citizenship: d.citizenship,
        referralSource: d.referralSource,
        converted: false,
      };
      for (const vulnerability of new Set(d.vulnerabilities))
        count('people-at-risk-by-vulnerability', vulnerability);
      count('people-at-risk-by-sex', d.sex);
      count('people-at-risk-by-age-band', d.ageBand);
      break;
    }
    case 'PersonAtRiskConverted': {
      // A converted case counts as a presumed victim registered in the quarter of its conversion.
      if (!atRisk || atRisk.converted) return current;
      const d = event.data;
      count('people-at-risk-converted', 'converted');
      count('registrations-by-sex', atRisk.sex);
      count('registrations-by-age-band', atRisk.ageBand);
      count('registrations-by-citizenship', atRisk.citizenship);
      count('registrations-by-country-of-exploitation', d.countryOfExploitation);
      for (const form of new Set(d.formsOfExploitation)) count('registrations-by-form-of-exploitation', form);
      count('registrations-by-referral-source', atRisk.referralSource);
      atRisk = { ...atRisk, converted: true };
      break;
    }
    case 'IdentificationConcluded':
      count('identifications-by-outcome', event.data.status);
      count('identifications-by-deciding-body', event.data.decidingBody);
      break;
    case 'IdentificationReviewDecided': {
      // The outcome counts the final status: an overturned decision replaces the case's outcome count of
      // this year in its own quarter (totals unchanged). One counted in an earlier year stays as
      // counted: that year may be published, and a published year is never revised.
      if (event.data.outcome !== 'overturned') return current;
      const replaced = current.facts
        .map((f, i) => (f.table === 'identifications-by-outcome' && f.year === period.year ? i : -1))
        .reduce((last, i) => Math.max(last, i), -1);
      if (replaced < 0) return current;
      const facts = current.facts.map((f, i) => (i === replaced ? { ...f, category: event.data.status } : f));
      return { ...current, facts };
    }
    case 'AssistancePlanAdopted':
    case 'ReintegrationPlanAdopted':
      // A plan line names the kind (and often the agency) of a service delivered without referral.
      for (const line of event.data.services) {
        if (services.some((s) => s.serviceId === line.serviceId)) continue;
        services = [
          ...services,
          { serviceId: line.serviceId, kind: line.kind, agency: line.provider ?? UNKNOWN },
        ];
      }
      break;
    case 'ServiceReferred': {
      const { serviceId, kind, provider } = event.data;
      services = [
        ...services.filter((s) => s.serviceId !== serviceId),
        { serviceId, kind, agency: provider },
      ];
      if (victimsCase) {
        count('services-referred-by-kind', kind);
        count('services-referred-by-agency', provider);
      }
      break;
    }
    case 'ServiceReferralDeclined': {
      if (!victimsCase) return current;
      const { kind, agency } = service(event.data.serviceId);
      count('services-declined-by-reason', event.data.reason);
      count('services-declined-by-kind', kind);
      count('services-declined-by-agency', agency);
      if (event.data.reason === 'no_capacity') count('services-lacking-by-kind', kind);
      break;
    }
    case 'ServiceDelivered': {
      const { kind, agency } = service(event.data.serviceId);
      if (!victimsCase) {
        count('people-at-risk-services-delivered-by-kind', kind);
        break;
      }
      count('services-delivered-by-kind', kind);
      count('services-delivered-by-agency', agency);
      break;
    }
    case 'HandoverProposed':
      handovers = [...handovers, { handoverId: event.data.handoverId, country: event.data.toCountry }];
      count('handovers-proposed-by-country', event.data.toCountry);
      break;
    case 'HandoverRequestReceived':
      handovers = [...handovers, { handoverId: event.data.handoverId, country: event.data.fromCountry }];
      count('handovers-received-by-country', event.data.fromCountry);
      break;
    case 'HandoverAccepted':
      count('handovers-accepted-by-country', partnerOf(event.data.handoverId));
      break;
    case 'HandoverDeclined':
      count('handovers-declined-by-country', partnerOf(event.data.handoverId));
      break;
    case 'ArrivalConfirmed':
      count('returns-by-country', partnerOf(event.data.handoverId));
      break;
    case 'CooperationDecisionRecorded':
      count('cooperation-decisions', event.data.willing ? 'willing' : 'unwilling');
      break;
    case 'CompensationClaimed':
      count('compensation-claims-by-respondent', event.data.against);
      break;
    default:
      return current;
  }
  const next: CaseStatistics = {
    ...current,
    services,
    handovers,
    facts: current.secret ? current.facts : [...current.facts, ...facts],
  };
  return atRisk ? { ...next, atRisk } : next;
}

import {
  AGE_BANDS_OR_UNKNOWN,
  COMPENSATION_RESPONDENTS,
  DECIDING_BODIES,
  FORMS_OF_EXPLOITATION,
  IDENTIFICATION_DECISIONS,
  PERSON_AT_RISK_VULNERABILITIES,
  REFERRAL_SOURCES,
  SERVICE_DECLINE_REASONS,
  SERVICE_KINDS,
  SEXES,
} from '@nrm/contracts/taxonomies';

/** A service answered or delivered without the referral that named its kind (e.g. a partner's). */
export const UNKNOWN = 'unknown';
/** The row that holds, in a year, the categories of an open dimension with fewer than k counts. */
export const OTHER = 'other';

const SERVICE_KINDS_OR_UNKNOWN = [...SERVICE_KINDS, UNKNOWN] as const;

/** The tables, in the order they are published. */
export const STATISTICS_TABLE_NAMES = [
  'registrations-by-sex',
  'registrations-by-age-band',
  'registrations-by-citizenship',
  'registrations-by-country-of-exploitation',
  'registrations-by-form-of-exploitation',
  'registrations-by-referral-source',
  'identifications-by-outcome',
  'identifications-by-deciding-body',
  'services-referred-by-kind',
  'services-referred-by-agency',
  'services-declined-by-reason',
  'services-declined-by-kind',
  'services-declined-by-agency',
  'services-lacking-by-kind',
  'services-delivered-by-kind',
  'services-delivered-by-agency',
  'handovers-proposed-by-country',
  'handovers-received-by-country',
  'handovers-accepted-by-country',
  'handovers-declined-by-country',
  'returns-by-country',
  'cooperation-decisions',
  'compensation-claims-by-respondent',
] as const;
export type StatisticsTableName = (typeof STATISTICS_TABLE_NAMES)[number];

/**
 * People at risk (potential victims), published apart from the victims' tables above (`peopleAtRisk`
 * of the report): a case counts here while it is a person at risk's, and in the tables above from
 * its conversion on.
 */
export const PEOPLE_AT_RISK_TABLE_NAMES = [
  'people-at-risk-by-vulnerability',
  'people-at-risk-by-sex',
  'people-at-risk-by-age-band',
  'people-at-risk-services-delivered-by-kind',
  'people-at-risk-converted',
] as const;
export type PeopleAtRiskTableName = (typeof PEOPLE_AT_RISK_TABLE_NAMES)[number];

/** Every table the projection counts facts for. */
export type CountedTableName = StatisticsTableName | PeopleAtRiskTableName;

/**
 * Every table the statistics publish: what one count is, and its categories. A closed dimension
 * lists its whole taxonomy (a row of zeros says nothing about anyone); an open one (countries,
 * agencies) lists only categories with at least k counts in the year, the rest summed in `other`,
 * so that the presence of a row never reveals a rare country.
 */
export interface StatisticsTableDefinition {
  counts: string;
  categories: readonly string[] | 'open';
  /**
   * Rows that another table publishes as its totals (the same events): protected like totals, from
   * their own values alone, so that both tables suppress them alike.
   */
  sharedRows?: readonly string[];
}

export const STATISTICS_TABLES: Record<CountedTableName, StatisticsTableDefinition> = {
  'registrations-by-sex': { counts: 'presumed victims registered', categories: SEXES },
  'registrations-by-age-band': { counts: 'presumed victims registered', categories: AGE_BANDS_OR_UNKNOWN },
  'registrations-by-citizenship': { counts: 'presumed victims registered', categories: 'open' },
  'registrations-by-country-of-exploitation': { counts: 'presumed victims registered', categories: 'open' },
  'registrations-by-form-of-exploitation': {
    counts: 'forms of exploitation named at registration (a case may name several)',
    categories: FORMS_OF_EXPLOITATION,
  },
  'registrations-by-referral-source': { counts: 'presumed victims registered', categories: REFERRAL_SOURCES },
  'identifications-by-outcome': { counts: 'identifications concluded', categories: IDENTIFICATION_DECISIONS },
  'identifications-by-deciding-body': { counts: 'identifications concluded', categories: DECIDING_BODIES },
  'services-referred-by-kind': { counts: 'services referred', categories: SERVICE_KINDS_OR_UNKNOWN },
  'services-referred-by-agency': { counts: 'services referred', categories: 'open' },
  'services-declined-by-reason': {
    counts: 'referrals declined',
    categories: SERVICE_DECLINE_REASONS,
    // The totals of services-lacking-by-kind.
    sharedRows: ['no_capacity'],
  },
  'services-declined-by-kind': { counts: 'referrals declined', categories: SERVICE_KINDS_OR_UNKNOWN },
  'services-declined-by-agency': { counts: 'referrals declined', categories: 'open' },
  'services-lacking-by-kind': {
    counts: 'referrals declined for lack of capacity (services lacking)',
    categories: SERVICE_KINDS_OR_UNKNOWN,
  },
  'services-delivered-by-kind': { counts: 'services delivered', categories: SERVICE_KINDS_OR_UNKNOWN },
  'services-delivered-by-agency': { counts: 'services delivered', categories: 'open' },
  'handovers-proposed-by-country': { counts: 'return handovers proposed to a partner', categories: 'open' },
  'handovers-received-by-country': { counts: 'return handovers received from a partner', categories: 'open' },
  'handovers-accepted-by-country': { counts: 'handovers accepted, by partner country', categories: 'open' },
  'handovers-declined-by-country': { counts: 'handovers declined, by partner country', categories: 'open' },
  'returns-by-country': { counts: 'returns (arrival confirmed), by partner country', categories: 'open' },
  'cooperation-decisions': {
    counts: 'decisions on cooperating with law enforcement',
    categories: ['willing', 'unwilling'],
  },
  'compensation-claims-by-respondent': {
    counts: 'compensation claims',
    categories: COMPENSATION_RESPONDENTS,
  },
  'people-at-risk-by-vulnerability': {
    counts: 'vulnerabilities named when a person at risk was registered (a person may have several)',
    categories: PERSON_AT_RISK_VULNERABILITIES,
  },
  'people-at-risk-by-sex': { counts: 'people at risk registered', categories: SEXES },
  'people-at-risk-by-age-band': { counts: 'people at risk registered', categories: AGE_BANDS_OR_UNKNOWN },
  'people-at-risk-services-delivered-by-kind': {
    counts: 'services delivered to people at risk (before any conversion)',
    categories: SERVICE_KINDS_OR_UNKNOWN,
  },
  'people-at-risk-converted': {
    counts: 'people at risk converted to presumed victims (then counted as registered victims)',
    categories: ['converted'],
  },
};

/** One counted fact, as the projection keeps it: a category of a table in a quarter. Nothing else. */
export interface StatisticsFact {
  table: CountedTableName;
  category: string;
  year: number;
  /** 1 to 4 (UTC calendar quarters). */
  quarter: number;
}

/** The store's answer: how many facts of a table's category in a quarter (counted by the store). */
export interface StatisticsCount extends StatisticsFact {
  count: number;
}

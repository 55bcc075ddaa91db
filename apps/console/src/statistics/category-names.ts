import { ageBandText } from '../i18n/age-band';
import type { Schema } from '@nrm/api-client';

/** The victims' tables and, published apart, the people at risk's. */
export type StatisticsTableName = Schema<'StatisticsTableName'> | Schema<'PeopleAtRiskTableName'>;

/** The translation key of a table's title (the people at risk's are named in at-risk.json). */
export const tableTitleKey = (table: StatisticsTableName): string =>
  table.startsWith('people-at-risk-') ? `atRisk.statistics.tables.${table}` : `statistics.tables.${table}`;

/** How a table's categories are named: by a group of enum names, as countries, or as agency codes. */
type Naming = { enumGroup: string } | 'country' | 'agency' | 'ageBand';

/**
 * Each table's categories, named where the case pages name the same values (their enum groups), so a
 * category reads the same everywhere. A Record: a table the API adds fails to compile until it is named.
 */
export const TABLE_NAMING: Record<StatisticsTableName, Naming> = {
  'registrations-by-sex': { enumGroup: 'sexes' },
  'registrations-by-age-band': 'ageBand',
  'registrations-by-citizenship': 'country',
  'registrations-by-country-of-exploitation': 'country',
  'registrations-by-form-of-exploitation': { enumGroup: 'exploitation' },
  'registrations-by-referral-source': { enumGroup: 'referralSources' },
  'identifications-by-outcome': { enumGroup: 'identificationStatus' },
  'identifications-by-deciding-body': { enumGroup: 'decidingBodies' },
  'services-referred-by-kind': { enumGroup: 'casework.serviceKinds' },
  'services-referred-by-agency': 'agency',
  'services-declined-by-reason': { enumGroup: 'casework.serviceDeclineReasons' },
  'services-declined-by-kind': { enumGroup: 'casework.serviceKinds' },
  'services-declined-by-agency': 'agency',
  'services-lacking-by-kind': { enumGroup: 'casework.serviceKinds' },
  'services-delivered-by-kind': { enumGroup: 'casework.serviceKinds' },
  'services-delivered-by-agency': 'agency',
  'handovers-proposed-by-country': 'country',
  'handovers-received-by-country': 'country',
  'handovers-accepted-by-country': 'country',
  'handovers-declined-by-country': 'country',
  'returns-by-country': 'country',
  'cooperation-decisions': { enumGroup: 'casework.cooperation' },
  'compensation-claims-by-respondent': { enumGroup: 'casework.compensationAgainst' },
  'people-at-risk-by-vulnerability': { enumGroup: 'atRisk.vulnerabilities' },
  'people-at-risk-by-sex': { enumGroup: 'sexes' },
  'people-at-risk-by-age-band': 'ageBand',
  'people-at-risk-services-delivered-by-kind': { enumGroup: 'casework.serviceKinds' },
  'people-at-risk-converted': { enumGroup: 'atRisk.statistics.converted' },
};

/**
 * What to show for a category: translation keys (the first that exists), a country code for Intl, or
 * the code itself.
 */
export type CategoryName = { keys: string[] } | { country: string } | { text: string };

/** Rows the API adds to any table: `other` (an open table's rare categories) and `unknown`. */
const GENERIC = new Set(['other', 'unknown']);

export function categoryName(table: StatisticsTableName, category: string): CategoryName {
  const naming = TABLE_NAMING[table];
  const generic = GENERIC.has(category) ? [`statistics.categories.${category}`] : [];
  // A taxonomy's own "other" or "unknown" (e.g. a sex "unknown") keeps the taxonomy's name; a service
  // kind "unknown" (not a kind one can choose) falls back to the generic name.
  if (typeof naming === 'object') return { keys: [`${naming.enumGroup}.${category}`, ...generic] };
  if (naming === 'country' && (category === 'stateless' || category === 'unknown'))
    return { keys: [`countries.${category}`] };
  if (generic.length) return { keys: generic };
  if (naming === 'country') return { country: category };
  if (naming === 'ageBand') return { text: ageBandText(category) };
  // Agency codes are the node's own codes (as on the case pages), not translated.
  return { text: category };
}

/** "2025" or "2025-Q1", as the API names the columns. */
export function periodParts(period: string): { year: string; quarter?: string } {
  const [year, quarter] = period.split('-Q');
  return { year: year ?? period, quarter };
}

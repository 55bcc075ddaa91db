import { COUNTRY_CODES } from './countries';
// Source: CTDC data dictionary (ageBroad bands with "--" separators, gender) and HTCDS 2.0 (sex).
export const AGE_BANDS = [
  '0--8',
  '9--17',
  '18--20',
  '21--23',
  '24--26',
  '27--29',
  '30--38',
  '39--47',
  '48+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** An age band, or 'unknown' when no date of birth is known. */
export const AGE_BANDS_OR_UNKNOWN = [...AGE_BANDS, 'unknown'] as const;
export type AgeBandOrUnknown = (typeof AGE_BANDS_OR_UNKNOWN)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Citizenship is a country code, or one of these when no country applies. */
export const CITIZENSHIP_WITHOUT_COUNTRY = ['stateless', 'unknown'] as const;
export type CitizenshipWithoutCountry = (typeof CITIZENSHIP_WITHOUT_COUNTRY)[number];

/** Every value a citizenship may take: a country code, stateless or unknown. */
export const CITIZENSHIPS: readonly string[] = [...COUNTRY_CODES, ...CITIZENSHIP_WITHOUT_COUNTRY];

import { ENUM_VALUES } from '@nrm/api-client';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeLocaleFiles, type Messages } from '../i18n/merge-locale-files';
import {
  categoryName,
  periodParts,
  TABLE_NAMING,
  tableTitleKey,
  type StatisticsTableName,
} from './category-names';

const DIR = join(__dirname, '../i18n/locales');
const english = mergeLocaleFiles(
  readdirSync(join(DIR, 'en')).map((name) => ({
    path: `./locales/en/${name}`,
    content: JSON.parse(readFileSync(join(DIR, 'en', name), 'utf8')) as Record<string, unknown>,
  })),
  ['en'],
).en.translation;

const has = (key: string): boolean => {
  let node: Messages | string | undefined = english;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
};

// The categories of each closed table, as the API's enums give them (plus the rows the API adds).
const SERVICE_KINDS = [...ENUM_VALUES['ServiceReferralDto.kind'], 'unknown'];
const CLOSED: [StatisticsTableName, readonly string[]][] = [
  ['registrations-by-sex', ENUM_VALUES['PersonDto.sex']],
  ['registrations-by-form-of-exploitation', ENUM_VALUES['RegisterCaseDto.formsOfExploitation']],
  ['registrations-by-referral-source', ENUM_VALUES['RegisterCaseDto.referralSource']],
  ['identifications-by-outcome', ENUM_VALUES['IdentificationDecisionDto.decision']],
  ['identifications-by-deciding-body', ENUM_VALUES['IdentificationDecisionDto.decidingBody']],
  ['services-referred-by-kind', SERVICE_KINDS],
  ['services-declined-by-reason', ENUM_VALUES['ServiceDeclineDto.reason']],
  ['services-declined-by-kind', SERVICE_KINDS],
  ['services-lacking-by-kind', SERVICE_KINDS],
  ['services-delivered-by-kind', SERVICE_KINDS],
  ['cooperation-decisions', ['willing', 'unwilling']],
  ['compensation-claims-by-respondent', ENUM_VALUES['CompensationClaimDto.against']],
  ['people-at-risk-by-vulnerability', ENUM_VALUES['RegisterPersonAtRiskDto.vulnerabilities']],
  ['people-at-risk-by-sex', ENUM_VALUES['PersonDto.sex']],
  ['people-at-risk-services-delivered-by-kind', SERVICE_KINDS],
  ['people-at-risk-converted', ['converted']],
];

describe('the statistics page names every table, category and period', () => {
  it('every table the API publishes has a title', () => {
    expect(ENUM_VALUES.StatisticsTableName.filter((name) => !has(`statistics.tables.${name}`))).toEqual([]);
    expect(Object.keys(TABLE_NAMING).sort()).toEqual(
      [...ENUM_VALUES.StatisticsTableName, ...ENUM_VALUES.PeopleAtRiskTableName].sort(),
    );
    // The people at risk's tables, published apart, are named with their feature (at-risk.json).
    expect(ENUM_VALUES.PeopleAtRiskTableName.filter((name) => !has(tableTitleKey(name)))).toEqual([]);
  });

  it.each(CLOSED)('every category of %s has a name in words', (table, categories) => {
    const unnamed = categories.filter((category) => {
      const name = categoryName(table, category);
      return !('keys' in name && name.keys.some(has));
    });
    expect(unnamed).toEqual([]);
  });

  it('names countries by Intl, and the rows an open table adds in words', () => {
    expect(categoryName('registrations-by-citizenship', 'MD')).toEqual({ country: 'MD' });
    for (const category of ['other', 'stateless', 'unknown']) {
      const name = categoryName('registrations-by-citizenship', category);
      expect('keys' in name && name.keys.some(has)).toBe(true);
    }
    expect(categoryName('services-referred-by-agency', 'police-md')).toEqual({ text: 'police-md' });
    expect(categoryName('registrations-by-age-band', '21--23')).toEqual({ text: '21–23' });
    expect(categoryName('registrations-by-age-band', 'unknown')).toEqual({
      keys: ['statistics.categories.unknown'],
    });
  });

  it('reads the API’s period names', () => {
    expect(periodParts('2025')).toEqual({ year: '2025', quarter: undefined });
    expect(periodParts('2025-Q3')).toEqual({ year: '2025', quarter: '3' });
  });
});

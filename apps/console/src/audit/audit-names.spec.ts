import { ENUM_VALUES } from '@nrm/api-client';
import en from '../i18n/locales/en/audit.json';
import { EXPORT_PURPOSES } from './export-purposes';

/** Every value the audit pages show from the API is named in words (the locales spec checks ro and ru). */
describe('the auditor pages name every value they show', () => {
  const groups: [string, Record<string, string>, readonly string[]][] = [
    ['reasons', en.audit.reasons, ENUM_VALUES.TamperReason],
    [
      'journal.types',
      en.audit.journal.types,
      [...ENUM_VALUES['JournalLinkRecord.type'], ...ENUM_VALUES['JournalMessageRecord.type']],
    ],
    ['journal.directions', en.audit.journal.directions, ENUM_VALUES['JournalMessageRecord.direction']],
    ['journal.sides', en.audit.journal.sides, ENUM_VALUES.HandoverSideName],
    ['exportPurposes', en.audit.exportPurposes, EXPORT_PURPOSES],
  ];
  it.each(groups)('audit.%s', (_group, names, values) => {
    expect(values.filter((value) => !(value in names))).toEqual([]);
  });

  it('offers only purposes the export accepts (snake_case codes)', () => {
    for (const purpose of EXPORT_PURPOSES) expect(purpose).toMatch(/^[a-z][a-z0-9_]{1,63}$/);
  });
});

import { ENUM_VALUES } from '@nrm/api-client';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeLocaleFiles, type Messages } from './merge-locale-files';

type Tree = Messages;
const DIR = join(__dirname, 'locales');
const LANGUAGES = ['en', 'ro', 'ru'];
const files = LANGUAGES.flatMap((language) =>
  readdirSync(join(DIR, language)).map((name) => ({
    path: `./locales/${language}/${name}`,
    content: JSON.parse(readFileSync(join(DIR, language, name), 'utf8')) as Record<string, unknown>,
  })),
);
const resources = mergeLocaleFiles(files, LANGUAGES);
const LOCALES: Record<string, Tree> = Object.fromEntries(
  LANGUAGES.map((language) => [language, resources[language].translation]),
);

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) keys.set(inner, text);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Keys without plural suffixes: what the code asks for. */
const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((key) => key.replace(PLURAL, '')));

describe('the console speaks English, Romanian and Russian completely', () => {
  const english = flatten(LOCALES.en);

  it('refuses two feature files that define the same top-level key', () => {
    const twice = [
      { path: './locales/en/a.json', content: { admin: { title: 'A' } } },
      { path: './locales/en/b.json', content: { admin: { other: 'B' } } },
    ];
    expect(() => mergeLocaleFiles(twice, ['en'])).toThrow('"admin" is already defined by another file');
  });

  it('every language has the same feature files', () => {
    const names = (language: string) => readdirSync(join(DIR, language)).sort();
    expect(names('ro')).toEqual(names('en'));
    expect(names('ru')).toEqual(names('en'));
  });

  it.each(['ro', 'ru'])('%s has every key English has, and no other', (language) => {
    const keys = baseKeys(flatten(LOCALES[language]).keys());
    const expected = baseKeys(english.keys());
    expect([...expected].filter((key) => !keys.has(key))).toEqual([]);
    expect([...keys].filter((key) => !expected.has(key))).toEqual([]);
  });

  it.each(['en', 'ro', 'ru'])(
    '%s has every plural form its language needs, and no empty text',
    (language) => {
      const keys = flatten(LOCALES[language]);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = baseKeys([...keys.keys()].filter((key) => PLURAL.test(key)));
      for (const key of plurals)
        for (const category of categories)
          expect({ key, has: keys.has(`${key}_${category}`) }).toEqual({ key, has: true });
      expect([...keys].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    },
  );

  it.each(['en', 'ro', 'ru'])('%s keeps every {{placeholder}} of the English text', (language) => {
    const keys = flatten(LOCALES[language]);
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of keys) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
      if (source)
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(source),
        });
    }
  });

  // Every value the API may answer or accept is named in words, in every language.
  const NAMED: [string, readonly (string | boolean)[]][] = [
    ['stages', ENUM_VALUES.CaseStage],
    ['roles', ENUM_VALUES.Role],
    ['deadlines', ENUM_VALUES.DeadlineKind],
    ['rules', ENUM_VALUES['RuleProblem.rule']],
    ['referralSources', ENUM_VALUES['RegisterCaseDto.referralSource']],
    ['exploitation', ENUM_VALUES['RegisterCaseDto.formsOfExploitation']],
    ['meansOfControl', ENUM_VALUES['RegisterCaseDto.meansOfControl']],
    ['recruiterRelations', ENUM_VALUES['RegisterCaseDto.recruiterRelation']],
    ['sexes', ENUM_VALUES['PersonDto.sex']],
    ['consentPurposes', ENUM_VALUES['ConsentDto.purpose']],
    ['consentStatus', ENUM_VALUES['ConsentView.status']],
    ['decidingBodies', ENUM_VALUES['IdentificationDecisionDto.decidingBody']],
    ['identificationStatus', ENUM_VALUES.IdentificationStatus],
    ['cases.sortBy', ENUM_VALUES['GET /api/cases sort']],
    ['admin.partners.status', ENUM_VALUES['PartnerView.status']],
    ['admin.shareable', ENUM_VALUES['AgreementFieldsDto.return']],
    ['admin.shareable', ENUM_VALUES['AgreementFieldsDto.reintegration']],
    ['admin.shareable', ENUM_VALUES['AgreementFieldsDto.restriction']],
    ['consentScope.legalBases', ENUM_VALUES['TeamMemberDto.legalBasis']],
    ['wishes.kinds', ENUM_VALUES['WishesStatementDto.wishes']],
    ['wishes.actionKinds', ENUM_VALUES['WishActionDto.action']],
    ['wishes.hearing.outcomeKinds', ENUM_VALUES['HearingOutcomeDto.outcome']],
    ['meetings.kinds', ENUM_VALUES['TeamMeetingDto.kind']],
    ['meetings.topics', ENUM_VALUES['TeamMeetingDto.topics']],
    ['meetings.roles', ENUM_VALUES['TeamMeetingDto.participantRoles']],
    ['alerts.subjects', ENUM_VALUES['UrgentAlertDto.subject']],
    ['alerts.dangers', ENUM_VALUES['UrgentAlertDto.danger']],
    ['legalStatus.bases', ENUM_VALUES['ResidencePermitApplicationDto.basis']],
    ['legalStatus.permitStatus', ENUM_VALUES['ResidencePermitView.status']],
    ['legalStatus.orderStatus', ENUM_VALUES['RemovalOrderView.status']],
    ['legalStatus.documentKinds', ENUM_VALUES['IdentityDocumentDto.kind']],
    ['legalStatus.documentStatus', ENUM_VALUES['IdentityDocumentView.status']],
    ['legalStatus.channels', ENUM_VALUES['DocumentReplacementDto.channel']],
    ['family.relations', ENUM_VALUES['FamilyMemberDto.relation']],
    ['organisation.kinds', ENUM_VALUES['RegisterAgencyDto.kind']],
    ['family.parentage.stepNames', ENUM_VALUES['ParentageStepDto.step']],
    ['family.parentage.outcomes', ENUM_VALUES['ParentageConclusionDto.outcome']],
    ['family.tracing.outcomes', ENUM_VALUES['FamilyTracingOutcomeDto.outcome']],
    ['family.tracing.reasons', ENUM_VALUES['FamilyReunificationRefusalDto.reason']],
    ['atRisk.vulnerabilities', ENUM_VALUES['RegisterPersonAtRiskDto.vulnerabilities']],
    ['atRisk.kinds', ENUM_VALUES.CaseKind],
    ['proceedings.stages', ENUM_VALUES['ProceedingDto.stage']],
    ['proceedings.authorities', ENUM_VALUES['ProceedingDto.authority']],
    ['proceedings.outcomes', ENUM_VALUES['VerdictDto.outcome']],
    ['proceedings.chargeKinds', ENUM_VALUES['VerdictDto.charges']],
    ['proceedings.closureReasons', ENUM_VALUES['ProceedingClosureDto.reason']],
    ['proceedings.bodies', ENUM_VALUES['CompensationAwardDto.awardedBy']],
    ['proceedings.steps', ENUM_VALUES['VictimNotificationDto.step']],
    ['proceedings.channels', ENUM_VALUES['VictimNotificationDto.channel']],
    ['atRisk.statistics.tables', ENUM_VALUES.PeopleAtRiskTableName],
    ['lifecycles.reopeningReasons', ENUM_VALUES['ReopeningDto.reason']],
    ['lifecycles.reviewKinds', ENUM_VALUES['IdentificationReviewDto.kind']],
    ['lifecycles.reviewOutcomes', ENUM_VALUES['IdentificationReviewDecisionDto.outcome']],
  ];
  it.each(NAMED)('every value of %s has a name in English', (group, values) => {
    expect(values.filter((value) => !english.has(`${group}.${String(value)}`))).toEqual([]);
  });
});

import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { FactsTable } from '../../../layout/FactsTable';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { oneOf, required, several, text, type FormValues } from '../common/field-spec';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Conversion = RequestBody<'/api/cases/{id}/conversion', 'post'>;
const COUNTRIES = ENUM_VALUES['ConversionDto.countryOfExploitation'];
const FORMS = ENUM_VALUES['ConversionDto.formsOfExploitation'];
const MEANS = ENUM_VALUES['ConversionDto.meansOfControl'];
const RELATIONS = ENUM_VALUES['ConversionDto.recruiterRelation'];

/** Indicator codes as typed: separated by commas, spaces or new lines. */
const codes = (values: FormValues, name: string): string[] =>
  (text(values, name) ?? '').split(/[\s,]+/).filter((code) => code.length > 0);

/**
 * A case opened for a person at risk: the vulnerabilities that brought them in, and (while not yet
 * converted) the conversion into a presumed victim's case when indicators of trafficking appear.
 */
export function PersonAtRiskSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const atRisk = view.personAtRisk;
  if (!atRisk) return null;
  const convertible = view.kind === 'person_at_risk' && can(role, 'POST /api/cases/{id}/conversion');
  const rows: [string, ReactNode][] = [
    [
      t('atRisk.vulnerabilitiesLabel'),
      atRisk.vulnerabilities.map((v) => t(`atRisk.vulnerabilities.${v}`)).join(', '),
    ],
    [t('register.referralSource'), t(`referralSources.${atRisk.referralSource}`)],
    [t('cases.citizenship'), format.country(atRisk.citizenship)],
    [t('person.sex'), t(`sexes.${atRisk.sex}`)],
    [t('case.ageBand'), atRisk.ageBand],
    [t('cases.registered'), format.dateTime(atRisk.registeredAt)],
  ];
  if (atRisk.linkedCaseId)
    rows.push([
      t('atRisk.linkedCase'),
      <Anchor component={Link} to={`/cases/${atRisk.linkedCaseId}`} key="linked">
        {atRisk.linkedCaseId.slice(0, 8)}
      </Anchor>,
    ]);
  if (atRisk.convertedAt) rows.push([t('atRisk.convertedAt'), format.dateTime(atRisk.convertedAt)]);
  return (
    <SectionCard title={t('atRisk.section.title')}>
      <Text size="sm" mb="sm">
        {view.kind === 'person_at_risk' ? t('atRisk.section.intro') : t('atRisk.section.converted')}
      </Text>
      <FactsTable rows={rows} />
      {convertible && (
        <CommandForm<Conversion>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('atRisk.convert.submit')}
          variant="default"
          fields={[
            {
              name: 'indicators',
              kind: 'text',
              label: t('atRisk.convert.indicators'),
              description: t('atRisk.convert.indicatorsHelp'),
              required: true,
            },
            {
              name: 'countryOfExploitation',
              kind: 'select',
              label: t('cases.countryOfExploitation'),
              required: true,
              searchable: true,
              options: COUNTRIES.map((code) => ({ value: code, label: format.country(code) })),
            },
            {
              name: 'formsOfExploitation',
              kind: 'multiselect',
              label: t('register.formsOfExploitation'),
              required: true,
              options: options(t, 'exploitation', FORMS),
            },
            {
              name: 'meansOfControl',
              kind: 'multiselect',
              label: t('register.meansOfControl'),
              options: options(t, 'meansOfControl', MEANS),
            },
            {
              name: 'recruiterRelation',
              kind: 'select',
              label: t('register.recruiterRelation'),
              options: options(t, 'recruiterRelations', RELATIONS),
            },
          ]}
          toBody={(values) => ({
            indicators: codes(values, 'indicators'),
            countryOfExploitation: required(COUNTRIES, values.countryOfExploitation),
            formsOfExploitation: several(FORMS, values.formsOfExploitation),
            meansOfControl: several(MEANS, values.meansOfControl),
            recruiterRelation: oneOf(RELATIONS, values.recruiterRelation),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/conversion', {
                params: { path: { id: view.caseId }, header },
                body,
              }),
            )
          }
        />
      )}
    </SectionCard>
  );
}

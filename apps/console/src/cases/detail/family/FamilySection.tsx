import { Badge, Divider, Stack, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { flag, list, oneOf, required, several, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { ChildRules } from './ChildRules';
import { ageBandText, memberLabel, memberOptions, membersOf } from './family-members';

type Link = RequestBody<'/api/cases/{id}/family-members', 'post'>;
type Assessment = RequestBody<'/api/cases/{id}/family-members/assessments', 'post'>;
const RELATIONS = ENUM_VALUES['FamilyMemberDto.relation'];
const SEXES = ENUM_VALUES['FamilyMemberDto.sex'];
const AGE_BANDS = ENUM_VALUES['FamilyMemberDto.ageBand'];
const NEEDS = ENUM_VALUES['FamilyAssessmentDto.needs'];

/**
 * The victim's family members linked to the case (children, including children born in this country, and
 * other dependants): each a person of their own, named on this page only by their place in the family.
 */
export function FamilySection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canLink = can(role, 'POST /api/cases/{id}/family-members');
  const canAssess = can(role, 'POST /api/cases/{id}/family-members/assessments');
  const members = membersOf(view);
  const assessment = view.family?.assessment;
  if (members.length === 0 && !canLink) return null;
  const yesNo = (value: boolean) => (value ? t('family.yes') : t('family.no'));
  return (
    <SectionCard title={t('family.title')} empty={members.length ? undefined : t('family.none')}>
      <Stack>
        {members.length > 0 && (
          <ListTable
            caption={t('family.members')}
            headers={[
              t('family.member'),
              t('family.sex'),
              t('family.ageBand'),
              t('family.bornInDestination'),
              t('family.child'),
              t('family.guardian'),
              t('family.bestInterests'),
            ]}
            rows={members.map((m) => ({
              key: m.memberId,
              cells: [
                <>
                  {memberLabel(t, members, m.memberId)}{' '}
                  {m.erasedAt && (
                    <Badge color="gray" variant="outline">
                      {t('family.erased')}
                    </Badge>
                  )}
                </>,
                t(`sexes.${m.sex}`),
                ageBandText(m.ageBand),
                yesNo(m.bornInDestination),
                yesNo(m.presumedMinor),
                m.guardian
                  ? t('family.guardianAppointed', {
                      authority: m.guardian.authority,
                      at: format.dateTime(m.guardian.appointedAt),
                    })
                  : m.presumedMinor
                    ? t('family.noGuardian')
                    : '—',
                m.bestInterests ? m.bestInterests.outcome : '—',
              ],
            }))}
          />
        )}
        {assessment && (
          <p>
            {t('family.assessed', {
              at: format.dateTime(assessment.at),
              needs: assessment.needs.map((need) => t(`casework.serviceKinds.${need}`)).join(', ') || '—',
            })}
          </p>
        )}
        {canLink && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.link')}
            </Title>
            <CommandForm<Link>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.linkSubmit')}
              fields={[
                {
                  name: 'relation',
                  kind: 'select',
                  label: t('family.relation'),
                  required: true,
                  options: options(t, 'family.relations', RELATIONS),
                },
                { name: 'givenName', kind: 'text', label: t('family.givenName'), required: true },
                { name: 'familyName', kind: 'text', label: t('family.familyName'), required: true },
                {
                  name: 'sex',
                  kind: 'select',
                  label: t('family.sex'),
                  required: true,
                  options: options(t, 'sexes', SEXES),
                },
                { name: 'dateOfBirth', kind: 'date', label: t('family.dateOfBirth') },
                {
                  name: 'ageBand',
                  kind: 'select',
                  label: t('family.ageBand'),
                  description: t('family.ageBandHelp'),
                  options: AGE_BANDS.map((band) => ({
                    value: band,
                    label: band === 'unknown' ? t('family.unknownAge') : ageBandText(band),
                  })),
                },
                {
                  name: 'presumedMinor',
                  kind: 'checkbox',
                  label: t('family.presumedMinor'),
                  description: t('family.presumedMinorHelp'),
                },
                { name: 'bornInDestination', kind: 'checkbox', label: t('family.bornInDestinationLabel') },
              ]}
              toBody={(values) => {
                const relation = required(RELATIONS, values.relation);
                return {
                  relation,
                  givenName: text(values, 'givenName') ?? '',
                  familyName: text(values, 'familyName') ?? '',
                  sex: required(SEXES, values.sex),
                  dateOfBirth: text(values, 'dateOfBirth'),
                  ageBand: oneOf(AGE_BANDS, values.ageBand),
                  presumedMinor: flag(values, 'presumedMinor') || undefined,
                  bornInDestination:
                    relation === 'child' && flag(values, 'bornInDestination') ? true : undefined,
                };
              }}
              send={(body, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members', {
                    params: { path: { id: view.caseId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
        <ChildRules view={view} revision={revision} onReload={onReload} />
        {canAssess && members.length > 0 && (
          <>
            <Divider />
            <Title order={4} size="h5">
              {t('family.assess')}
            </Title>
            <CommandForm<Assessment>
              caseId={view.caseId}
              revision={revision}
              onReload={onReload}
              submitLabel={t('family.assessSubmit')}
              defaults={{ memberIds: members.map((m) => m.memberId) }}
              fields={[
                {
                  name: 'memberIds',
                  kind: 'multiselect',
                  label: t('family.assessedMembers'),
                  description: t('family.assessedMembersHelp'),
                  required: true,
                  options: memberOptions(t, members),
                },
                {
                  name: 'needs',
                  kind: 'multiselect',
                  label: t('family.needs'),
                  options: options(t, 'casework.serviceKinds', NEEDS),
                },
                { name: 'notes', kind: 'textarea', label: t('family.assessmentNotes') },
              ]}
              toBody={(values) => ({
                memberIds: list(values, 'memberIds'),
                needs: several(NEEDS, values.needs),
                notes: text(values, 'notes'),
              })}
              send={(body, header) =>
                data(
                  nrm.POST('/api/cases/{id}/family-members/assessments', {
                    params: { path: { id: view.caseId }, header },
                    body,
                  }),
                )
              }
            />
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

import { Divider, Title } from '@mantine/core';
import type { RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { CommandForm } from '../common/CommandForm';
import { text } from '../common/field-spec';
import type { SectionProps } from '../common/section-props';
import { useUser } from '../../../session/session-store';
import { chosenId, memberOptions, membersOf } from './family-members';

type Guardian = RequestBody<'/api/cases/{id}/family-members/{memberId}/guardian', 'post'>;
type BestInterests = RequestBody<
  '/api/cases/{id}/family-members/{memberId}/best-interests-determination',
  'post'
>;

/** Each child member's own guardian and best-interests determination (the victim's are on Identification). */
export function ChildRules({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const members = membersOf(view);
  const children = members.filter((m) => m.presumedMinor);
  const canAppoint = can(role, 'POST /api/cases/{id}/family-members/{memberId}/guardian');
  const canDetermine = can(
    role,
    'POST /api/cases/{id}/family-members/{memberId}/best-interests-determination',
  );
  if (children.length === 0 || !(canAppoint || canDetermine)) return null;
  const childOptions = memberOptions(t, members, children);
  return (
    <>
      {canAppoint && (
        <>
          <Divider />
          <Title order={4} size="h5">
            {t('family.appointGuardian')}
          </Title>
          <CommandForm<{ memberId: string; body: Guardian }>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('family.appointGuardianSubmit')}
            fields={[
              {
                name: 'memberId',
                kind: 'select',
                label: t('family.childForGuardian'),
                required: true,
                options: childOptions,
              },
              { name: 'authority', kind: 'text', label: t('family.guardianAuthority'), required: true },
              { name: 'name', kind: 'text', label: t('family.guardianName') },
            ]}
            toBody={(values) => ({
              memberId: chosenId(values, 'memberId'),
              body: { authority: text(values, 'authority') ?? '', name: text(values, 'name') },
            })}
            send={({ memberId, body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/family-members/{memberId}/guardian', {
                  params: { path: { id: view.caseId, memberId }, header },
                  body,
                }),
              )
            }
          />
        </>
      )}
      {canDetermine && (
        <>
          <Divider />
          <Title order={4} size="h5">
            {t('family.determineBestInterests')}
          </Title>
          <CommandForm<{ memberId: string; body: BestInterests }>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('family.determineBestInterestsSubmit')}
            fields={[
              {
                name: 'memberId',
                kind: 'select',
                label: t('family.childForBestInterests'),
                required: true,
                options: childOptions,
              },
              { name: 'outcome', kind: 'text', label: t('family.bestInterestsOutcome'), required: true },
              {
                name: 'reunificationInBestInterests',
                kind: 'select',
                label: t('family.reunificationInBestInterests'),
                options: [
                  { value: 'yes', label: t('family.yes') },
                  { value: 'no', label: t('family.no') },
                ],
              },
              { name: 'bestInterestsNotes', kind: 'textarea', label: t('family.bestInterestsNotes') },
            ]}
            toBody={(values) => ({
              memberId: chosenId(values, 'memberId'),
              body: {
                outcome: text(values, 'outcome') ?? '',
                reunificationInBestInterests:
                  values.reunificationInBestInterests === 'yes'
                    ? true
                    : values.reunificationInBestInterests === 'no'
                      ? false
                      : undefined,
                notes: text(values, 'bestInterestsNotes'),
              },
            })}
            send={({ memberId, body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/family-members/{memberId}/best-interests-determination', {
                  params: { path: { id: view.caseId, memberId }, header },
                  body,
                }),
              )
            }
          />
        </>
      )}
    </>
  );
}

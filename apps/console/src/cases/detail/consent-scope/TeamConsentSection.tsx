import { Button, Group, List, Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../../forms/server-field-errors';
import { useUser } from '../../../session/session-store';
import { useCaseCommandsOpen } from '../common/case-commands';
import { oneOf, text, type FieldSpec, type FormValues } from '../common/field-spec';
import { FormField } from '../common/FormField';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { useCaseCommand } from '../use-case-command';
import { consentCoversAgency } from './team-consent';

type TeamMember = RequestBody<'/api/cases/{id}/team-members', 'post'>;
const LEGAL_BASES = ENUM_VALUES['TeamMemberDto.legalBasis'];

/**
 * The multidisciplinary team: the agencies whose operators see the case, who joined it and under what
 * (the person's consent, or a legal basis). Adding an agency no assistance consent covers asks for the
 * legal basis and its justification; one that joined under consent leaves when that consent is withdrawn.
 */
export function TeamConsentSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const canSend = can(role, 'POST /api/cases/{id}/team-members');
  const team = view.team ?? [];
  return (
    <SectionCard
      title={t('casework.team.title')}
      empty={view.agencies.length || team.length ? undefined : t('casework.team.none')}
    >
      {view.agencies.length > 0 && (
        <List mb="sm" aria-label={t('casework.team.agencies')}>
          {view.agencies.map((agency) => (
            <List.Item key={agency}>{agency}</List.Item>
          ))}
        </List>
      )}
      {team.length > 0 && (
        <List mb="sm" aria-label={t('consentScope.team.joined')}>
          {team.map((member, i) => (
            <List.Item key={`${member.agency}-${i}`}>
              {t('consentScope.team.member', {
                agency: member.agency,
                ground: member.legalBasis
                  ? t(`consentScope.legalBases.${member.legalBasis}`)
                  : t('consentScope.team.underConsent'),
              })}
              {!view.agencies.includes(member.agency) && ` — ${t('consentScope.team.left')}`}
            </List.Item>
          ))}
        </List>
      )}
      {canSend && <TeamForm view={view} revision={revision} onReload={onReload} />}
    </SectionCard>
  );
}

function TeamForm({ view, revision, onReload }: SectionProps) {
  // None where the page shows the case as it was.
  return useCaseCommandsOpen() ? <OpenTeamForm view={view} revision={revision} onReload={onReload} /> : null;
}

function OpenTeamForm({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({ defaultValues: {} });
  const agency = (useWatch({ control: form.control, name: 'agency' }) as string | undefined)?.trim() ?? '';
  const covered = agency === '' || consentCoversAgency(view.consents, agency);
  const command = useCaseCommand<TeamMember>(view.caseId, revision, (body, header) =>
    data(nrm.POST('/api/cases/{id}/team-members', { params: { path: { id: view.caseId }, header }, body })),
  );
  const fields: FieldSpec[] = [
    {
      name: 'agency',
      kind: 'text',
      label: t('casework.team.agency'),
      description: t('casework.common.agencyCode'),
      required: true,
    },
    ...(covered
      ? []
      : ([
          {
            name: 'legalBasis',
            kind: 'select',
            label: t('consentScope.form.legalBasis'),
            description: t('consentScope.form.legalBasisHelp'),
            required: true,
            options: options(t, 'consentScope.legalBases', LEGAL_BASES),
          },
          {
            name: 'justification',
            kind: 'textarea',
            label: t('consentScope.form.justification'),
            description: t('consentScope.form.justificationHelp'),
            required: true,
          },
        ] satisfies FieldSpec[])),
  ];
  const submit = form.handleSubmit((values) => {
    const legalBasis = covered ? undefined : oneOf(LEGAL_BASES, values.legalBasis);
    const body: TeamMember = {
      agency: text(values, 'agency') ?? '',
      ...(legalBasis ? { legalBasis, justification: text(values, 'justification') } : {}),
    };
    command.mutate(body, {
      onSuccess: () => form.reset({}),
      onError: (error) =>
        applyServerFieldErrors(
          error,
          fields.map((field) => field.name),
          form.setError,
        ),
    });
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('casework.team.add')}>
      <Stack gap="sm">
        <ProblemAlert error={command.error} onReload={onReload} />
        {fields.map((spec) => (
          <FormField key={spec.name} spec={spec} control={form.control} />
        ))}
        {agency !== '' && (
          <Text size="sm" c="dimmed" data-testid="team-consent-hint">
            {covered
              ? t('consentScope.form.covered', { agency })
              : t('consentScope.form.notCovered', { agency })}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={command.isPending}>
            {t('casework.team.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Badge, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { PHASES, phaseIndexOf } from './case-phase';

/** The case reference, where it stands in the referral, and what is pressing: a child, the reflection period. */
export function CaseHeader({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reflection = view.reflectionPeriod;
  const daysLeft = reflection ? format.daysLeft(reflection.endsAt) : undefined;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>
            {t('cases.case')} {view.caseId.slice(0, 8)}
          </Title>
          <Text size="sm" c="dimmed">
            {view.caseId} · {t(`stages.${view.stage}`)} · {t('cases.revision', { revision: view.revision })}
          </Text>
        </div>
        <Group gap="xs">
          <Badge color={view.kind === 'person_at_risk' ? 'dark' : 'blue'} size="lg">
            {t(`atRisk.kinds.${view.kind}`)}
          </Badge>
          {view.presumedMinor && (
            <Badge color="grape" size="lg">
              {t('cases.presumedChild')}
            </Badge>
          )}
          {view.overdue && (
            <Badge color="red" size="lg">
              {t('dashboard.overdueBadge')}
            </Badge>
          )}
          {reflection &&
            daysLeft !== undefined &&
            daysLeft >= 0 &&
            view.identification.status === 'pending' && (
              <Badge color={daysLeft <= 7 ? 'orange' : 'blue'} size="lg">
                {t('case.reflectionLeft', { count: daysLeft })}
              </Badge>
            )}
        </Group>
      </Group>
      <Stepper
        active={phaseIndexOf(view.stage)}
        size="sm"
        aria-label={t('case.phases')}
        allowNextStepsSelect={false}
      >
        {PHASES.map((phase) => (
          <Stepper.Step key={phase} label={t(`phases.${phase}`)} />
        ))}
      </Stepper>
    </Stack>
  );
}

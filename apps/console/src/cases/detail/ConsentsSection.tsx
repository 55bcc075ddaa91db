import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/session-store';
import { useCaseCommandsOpen } from './common/case-commands';
import { useCaseCommand } from './use-case-command';

type Consent = RequestBody<'/api/cases/{id}/consents', 'post'>;

function ConsentForm({
  caseId,
  revision,
  onReload,
}: {
  caseId: string;
  revision: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Consent>({ defaultValues: { granted: true } });
  const command = useCaseCommand<Consent>(caseId, revision, (body, header) =>
    data(nrm.POST('/api/cases/{id}/consents', { params: { path: { id: caseId }, header }, body })),
  );
  const submit = form.handleSubmit((values) =>
    command.mutate(
      { ...values, recipient: values.recipient || undefined },
      {
        onSuccess: () => form.reset({ granted: true }),
        onError: (error) => applyServerFieldErrors(error, ['purpose', 'recipient', 'granted'], form.setError),
      },
    ),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('consents.record')}>
      <Stack>
        <ProblemAlert error={command.error} onReload={onReload} />
        <Group align="flex-start" grow>
          <Controller
            name="purpose"
            control={form.control}
            rules={{ required: t('form.required') }}
            render={({ field, fieldState }) => (
              <Select
                label={t('consents.purpose')}
                required
                data={ENUM_VALUES['ConsentDto.purpose'].map((value) => ({
                  value,
                  label: t(`consentPurposes.${value}`),
                }))}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
          <TextInput
            label={t('consents.recipient')}
            description={t('consents.recipientHelp')}
            error={form.formState.errors.recipient?.message}
            {...form.register('recipient')}
          />
          <Controller
            name="granted"
            control={form.control}
            render={({ field }) => (
              <Select
                label={t('consents.decision')}
                required
                allowDeselect={false}
                value={field.value ? 'true' : 'false'}
                onChange={(value) => field.onChange(value === 'true')}
                data={[
                  { value: 'true', label: t('consents.give') },
                  { value: 'false', label: t('consents.withdraw') },
                ]}
              />
            )}
          />
        </Group>
        <Group>
          <Button type="submit" loading={command.isPending}>
            {t('consents.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The consent ledger: the latest word of the person per purpose and recipient, and recording a new one. */
export function ConsentsSection({
  view,
  revision,
  onReload,
}: {
  view: Schema<'CaseView'>;
  revision: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const commandsOpen = useCaseCommandsOpen();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('consents.title')}
      </Title>
      {view.consents.length === 0 ? (
        <Text mb="sm">{t('consents.none')}</Text>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consents.purpose')}</Table.Th>
              <Table.Th>{t('consents.recipient')}</Table.Th>
              <Table.Th>{t('consents.status')}</Table.Th>
              <Table.Th>{t('consents.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.consents.map((consent) => (
              <Table.Tr key={`${consent.purpose}:${consent.recipient ?? ''}`}>
                <Table.Td>{t(`consentPurposes.${consent.purpose}`)}</Table.Td>
                <Table.Td>{consent.recipient ?? '—'}</Table.Td>
                <Table.Td>{t(`consentStatus.${consent.status}`)}</Table.Td>
                <Table.Td>{format.dateTime(consent.at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {commandsOpen && can(role, 'POST /api/cases/{id}/consents') && (
        <ConsentForm caseId={view.caseId} revision={revision} onReload={onReload} />
      )}
    </Card>
  );
}

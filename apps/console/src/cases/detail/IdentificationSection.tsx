import { Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, Title } from '@mantine/core';
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

type Decision = RequestBody<'/api/cases/{id}/identification', 'post'>;

function DecisionForm({
  caseId,
  revision,
  onReload,
}: {
  caseId: string;
  revision: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Decision>({ defaultValues: { reasons: '', formsOfExploitation: [] } });
  const command = useCaseCommand<Decision>(caseId, revision, (body, header) =>
    data(nrm.POST('/api/cases/{id}/identification', { params: { path: { id: caseId }, header }, body })),
  );
  const submit = form.handleSubmit((values) =>
    command.mutate(
      {
        ...values,
        formsOfExploitation: values.formsOfExploitation?.length ? values.formsOfExploitation : undefined,
      },
      {
        onError: (error) =>
          applyServerFieldErrors(
            error,
            ['decision', 'decidingBody', 'reasons', 'formsOfExploitation'],
            form.setError,
          ),
      },
    ),
  );
  const required = { required: t('form.required') };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('identification.decide')}>
      <Stack>
        <ProblemAlert error={command.error} onReload={onReload} />
        <Group grow align="flex-start">
          <Controller
            name="decision"
            control={form.control}
            rules={required}
            render={({ field, fieldState }) => (
              <Select
                label={t('identification.decision')}
                required
                data={ENUM_VALUES['IdentificationDecisionDto.decision'].map((value) => ({
                  value,
                  label: t(`identificationStatus.${value}`),
                }))}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
          <Controller
            name="decidingBody"
            control={form.control}
            render={({ field, fieldState }) => (
              <Select
                label={t('identification.decidingBody')}
                clearable
                data={ENUM_VALUES['IdentificationDecisionDto.decidingBody'].map((value) => ({
                  value,
                  label: t(`decidingBodies.${value}`),
                }))}
                error={fieldState.error?.message}
                {...field}
                value={field.value ?? null}
              />
            )}
          />
        </Group>
        <Controller
          name="formsOfExploitation"
          control={form.control}
          render={({ field, fieldState }) => (
            <MultiSelect
              searchable
              label={t('register.formsOfExploitation')}
              data={ENUM_VALUES['IdentificationDecisionDto.formsOfExploitation'].map((value) => ({
                value,
                label: t(`exploitation.${value}`),
              }))}
              error={fieldState.error?.message}
              {...field}
              value={field.value ?? []}
            />
          )}
        />
        <Textarea
          label={t('identification.reasons')}
          required
          autosize
          minRows={3}
          error={form.formState.errors.reasons?.message}
          {...form.register('reasons', required)}
        />
        <Group>
          <Button type="submit" loading={command.isPending}>
            {t('identification.decide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The identification decision: its outcome, and the form for the officer who takes it. */
export function IdentificationSection({
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
  const { identification } = view;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('identification.title')}
      </Title>
      <Text mb="sm">
        {t(`identificationStatus.${identification.status}`)}
        {identification.concludedAt && ` · ${format.dateTime(identification.concludedAt)}`}
        {identification.decidingBody && ` · ${t(`decidingBodies.${identification.decidingBody}`)}`}
      </Text>
      {identification.status === 'pending' &&
        commandsOpen &&
        can(role, 'POST /api/cases/{id}/identification') && (
          <DecisionForm caseId={view.caseId} revision={revision} onReload={onReload} />
        )}
    </Card>
  );
}

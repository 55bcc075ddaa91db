import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { ENUM_VALUES } from '@nrm/api-client';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../../forms/server-field-errors';
import { useCaseCommand } from '../use-case-command';
import { useCaseCommandsOpen } from './case-commands';
import { oneOf } from './field-spec';
import { options } from './options';

const KINDS = ENUM_VALUES['ServiceLineDto.kind'];
type Kind = (typeof KINDS)[number];
export interface PlanBody {
  services: { kind: Kind; provider?: string }[];
}
interface PlanValues {
  services: { kind: string | null; provider: string }[];
}
const EMPTY_LINE = { kind: null, provider: '' };

/**
 * A plan of services (assistance or reintegration): one line per service, its provider optional (a line
 * with a provider is referred to it at once).
 */
export function PlanForm(props: PlanFormProps) {
  // None where the page shows the case as it was (see CaseCommandsContext).
  return useCaseCommandsOpen() ? <OpenPlanForm {...props} /> : null;
}

interface PlanFormProps {
  caseId: string;
  revision: number;
  onReload: () => void;
  submitLabel: string;
  send: (body: PlanBody, header: { 'If-Match': string }) => Promise<unknown>;
}

function OpenPlanForm({ caseId, revision, onReload, submitLabel, send }: PlanFormProps) {
  const { t } = useTranslation();
  const form = useForm<PlanValues>({ defaultValues: { services: [EMPTY_LINE] } });
  const lines = useFieldArray({ control: form.control, name: 'services' });
  const command = useCaseCommand<PlanBody>(caseId, revision, send);
  const submit = form.handleSubmit((values) =>
    command.mutate(
      {
        services: values.services.flatMap((line) => {
          const kind = oneOf(KINDS, line.kind);
          return kind ? [{ kind, provider: line.provider.trim() || undefined }] : [];
        }),
      },
      {
        onSuccess: () => form.reset({ services: [EMPTY_LINE] }),
        onError: (error) =>
          applyServerFieldErrors(
            error,
            values.services.flatMap((_, index) => [`services.${index}.kind`, `services.${index}.provider`]),
            form.setError,
          ),
      },
    ),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <ProblemAlert error={command.error} onReload={onReload} />
        {lines.fields.map((line, index) => (
          <Group key={line.id} align="flex-end" grow>
            <Controller
              name={`services.${index}.kind`}
              control={form.control}
              rules={{ required: t('form.required') }}
              render={({ field, fieldState }) => (
                <Select
                  label={t('casework.plan.service', { number: index + 1 })}
                  required
                  data={options(t, 'casework.serviceKinds', KINDS)}
                  error={fieldState.error?.message}
                  {...field}
                />
              )}
            />
            <TextInput
              label={t('casework.plan.provider', { number: index + 1 })}
              description={t('casework.common.agencyCode')}
              error={form.formState.errors.services?.[index]?.provider?.message}
              {...form.register(`services.${index}.provider`)}
            />
            {lines.fields.length > 1 && (
              <Button
                variant="default"
                onClick={() => lines.remove(index)}
                aria-label={t('casework.plan.removeLine', { number: index + 1 })}
                style={{ flexGrow: 0 }}
              >
                {t('casework.plan.remove')}
              </Button>
            )}
          </Group>
        ))}
        <Group>
          {lines.fields.length < 20 && (
            <Button variant="default" onClick={() => lines.append(EMPTY_LINE)}>
              {t('casework.plan.addLine')}
            </Button>
          )}
          <Button type="submit" loading={command.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

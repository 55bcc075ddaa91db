import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

export interface AccessLogFilterValues {
  caseId: string;
  userId: string;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The access log's filters, applied together (an id half typed is no question to send); the page puts
 * them in the URL.
 */
export function AccessLogFilterForm({
  values,
  onApply,
}: {
  values: AccessLogFilterValues;
  onApply: (values: AccessLogFilterValues) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<AccessLogFilterValues>({ values });
  const id = {
    validate: (value: string) => !value.trim() || UUID.test(value.trim()) || t('audit.invalidId'),
  };
  const errors = form.formState.errors;
  const submit = form.handleSubmit((next) =>
    onApply({ ...next, caseId: next.caseId.trim(), userId: next.userId.trim() }),
  );
  const clear = { caseId: '', userId: '', from: '', to: '' };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('audit.accessLog.filters')}>
      <Group align="flex-start" wrap="wrap">
        <TextInput
          label={t('audit.accessLog.caseId')}
          error={errors.caseId?.message}
          w={330}
          {...form.register('caseId', id)}
        />
        <TextInput
          label={t('audit.accessLog.userId')}
          error={errors.userId?.message}
          w={330}
          {...form.register('userId', id)}
        />
        <TextInput type="date" label={t('audit.accessLog.from')} {...form.register('from')} />
        <TextInput type="date" label={t('audit.accessLog.to')} {...form.register('to')} />
      </Group>
      <Group mt="sm">
        <Button type="submit">{t('audit.accessLog.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            form.reset(clear);
            onApply(clear);
          }}
        >
          {t('audit.accessLog.clear')}
        </Button>
      </Group>
    </form>
  );
}

import { Alert, Button, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../api/nrm';
import { ProblemAlert } from '../errors/ProblemAlert';
import { apiError } from '@nrm/api-client';
import { EXPORT_PURPOSES } from './export-purposes';
import { saveFile } from './save-file';

interface ExportRequest {
  caseId: string;
  purpose: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The node names the file in Content-Disposition (case-<id>-<date>.json); this is the fallback. */
const fileNameOf = (response: Response, caseId: string): string =>
  /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
  `case-${caseId}.json`;

/**
 * A case file for a stated purpose (a data subject's access request, a court...), downloaded as JSON
 * straight from the answer; the node records the export in the access log with that purpose.
 */
export function CaseExportPage() {
  const { t } = useTranslation();
  const form = useForm<ExportRequest>({ defaultValues: { caseId: '', purpose: '' } });
  const exported = useMutation({
    mutationFn: async ({ caseId, purpose }: ExportRequest) => {
      const result = await nrm.GET('/api/cases/{id}/export', {
        params: { path: { id: caseId }, query: { purpose } },
      });
      if (!result.data) throw apiError(result);
      const fileName = fileNameOf(result.response, caseId);
      saveFile(JSON.stringify(result.data, null, 2), 'application/json', fileName);
      return fileName;
    },
  });
  const submit = form.handleSubmit((values) =>
    exported.mutate({ caseId: values.caseId.trim().toLowerCase(), purpose: values.purpose }),
  );
  return (
    <Stack maw={560}>
      <Title order={2}>{t('audit.export.title')}</Title>
      <Text size="sm">{t('audit.export.explain')}</Text>
      <Text size="sm">{t('proofs.exportCheck')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('audit.export.title')}>
        <Stack>
          <TextInput
            label={t('audit.export.caseId')}
            required
            error={form.formState.errors.caseId?.message}
            {...form.register('caseId', {
              required: t('form.required'),
              validate: (value) => UUID.test(value.trim()) || t('audit.invalidId'),
            })}
          />
          <Controller
            name="purpose"
            control={form.control}
            rules={{ required: t('form.required') }}
            render={({ field, fieldState }) => (
              <Select
                label={t('audit.export.purpose')}
                required
                data={EXPORT_PURPOSES.map((value) => ({
                  value,
                  label: t(`audit.exportPurposes.${value}`),
                }))}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
          <ProblemAlert error={exported.error} />
          {exported.isSuccess && (
            <Alert color="green" role="status">
              {t('audit.export.done', { fileName: exported.data })}
            </Alert>
          )}
          <Button type="submit" loading={exported.isPending} w="fit-content">
            {t('audit.export.download')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

export default CaseExportPage;

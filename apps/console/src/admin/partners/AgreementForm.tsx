import { Alert, Button, Group, Stack } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { agreementBody, agreementValues, type AgreementValues } from './agreement';
import { AGREEMENT_FIELDS, AgreementFields } from './AgreementFields';
import { usePartnerCommand } from './use-partner-command';

/** Replaces the partner's data-sharing agreement (PATCH with the agreement alone). */
export function AgreementForm({ partner }: { partner: Schema<'PartnerView'> }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useForm<{ agreement: AgreementValues }>({
    defaultValues: { agreement: agreementValues(partner.agreement) },
  });
  const update = usePartnerCommand(partner.nodeId, (agreement: Schema<'AgreementDto'>) =>
    data(
      nrm.PATCH('/api/partners/{nodeId}', {
        params: { path: { nodeId: partner.nodeId } },
        body: { agreement },
      }),
    ),
  );
  const submit = form.handleSubmit(({ agreement }) => {
    setSaved(false);
    update.mutate(agreementBody(agreement), {
      onSuccess: (answer) => {
        setSaved(true);
        form.reset({ agreement: agreementValues(answer.agreement) });
      },
      onError: (error) => applyServerFieldErrors(error, AGREEMENT_FIELDS, form.setError),
    });
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('admin.agreement.update')}>
        <Stack maw={720}>
          {saved && (
            <Alert color="green" role="status">
              {t('admin.agreement.saved')}
            </Alert>
          )}
          <ProblemAlert error={update.error} />
          <AgreementFields />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('admin.agreement.update')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

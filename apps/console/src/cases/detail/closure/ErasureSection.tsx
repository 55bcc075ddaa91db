import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { RequestBody } from '@nrm/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../../forms/server-field-errors';
import { useUser } from '../../../session/session-store';
import { useCaseCommandsOpen } from '../common/case-commands';
import { SectionCard } from '../common/SectionCard';

type Erasure = RequestBody<'/api/cases/{id}/erasure', 'post'>;

/**
 * Erasing the person's data (crypto-shredding their key): irreversible, so it asks for the legal basis
 * and a confirmation in a dialog. Sent without If-Match: the node does not take one for erasure (it is
 * idempotent and applies at any revision), and the admin who sends it may not read the case.
 */
export function ErasureSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const commandsOpen = useCaseCommandsOpen();
  const [open, setOpen] = useState(false);
  const queries = useQueryClient();
  const form = useForm<Erasure>({ defaultValues: { legalBasis: '' } });
  const erase = useMutation({
    mutationFn: (body: Erasure) =>
      data(nrm.POST('/api/cases/{id}/erasure', { params: { path: { id: caseId } }, body })),
    onSuccess: () => {
      setOpen(false);
      void queries.invalidateQueries({ queryKey: ['case', caseId] });
    },
    onError: (error) => applyServerFieldErrors(error, ['legalBasis'], form.setError),
  });
  if (!commandsOpen || !can(role, 'POST /api/cases/{id}/erasure')) return null;
  const submit = form.handleSubmit((values) => erase.mutate({ legalBasis: values.legalBasis.trim() }));
  return (
    <SectionCard title={t('casework.erasure.title')}>
      <Stack gap="sm">
        <Text>{t('casework.erasure.explain')}</Text>
        {erase.isSuccess && (
          <Alert color="green" role="status">
            {t('casework.erasure.done')}
          </Alert>
        )}
        <Group>
          <Button color="red" variant="outline" onClick={() => setOpen(true)}>
            {t('casework.erasure.start')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('casework.erasure.confirmTitle')}>
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label={t('casework.erasure.confirmTitle')}
        >
          <Stack gap="sm">
            <Alert color="red">{t('casework.erasure.warning')}</Alert>
            <ProblemAlert error={erase.error} />
            <TextInput
              label={t('casework.erasure.legalBasis')}
              description={t('casework.erasure.legalBasisHelp')}
              required
              error={form.formState.errors.legalBasis?.message}
              {...form.register('legalBasis', {
                required: t('form.required'),
                validate: (value) => value.trim().length >= 3 || t('casework.erasure.legalBasisShort'),
              })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('casework.common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={erase.isPending}>
                {t('casework.erasure.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}

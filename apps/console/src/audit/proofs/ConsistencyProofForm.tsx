import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { useFormat } from '../../i18n/format';
import { FactsTable } from '../../layout/FactsTable';
import { consistencyFileName, optionalSize, POSITIVE_INTEGER, saveProof } from './proof-files';
import { ProofProblem } from './ProofProblem';

interface ConsistencyRequest {
  from: string;
  to: string;
}

/**
 * The proof that the log of a size the auditor kept is a prefix of a later one: nothing before it was
 * changed, removed or reordered since.
 */
export function ConsistencyProofForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm<ConsistencyRequest>({ defaultValues: { from: '', to: '' } });
  const proof = useMutation({
    mutationFn: async (request: { from: number; to?: number }) => {
      const answer = await data(
        nrm.GET('/api/audit/consistency', { params: { query: { from: request.from, to: request.to } } }),
      );
      const fileName = consistencyFileName(answer.from.size, answer.to.size);
      saveProof(answer, fileName);
      return { answer, fileName };
    },
  });
  const submit = form.handleSubmit((values) =>
    proof.mutate({ from: Number(values.from.trim()), to: optionalSize(values.to) }),
  );
  const wholeNumber = (value: string) => POSITIVE_INTEGER.test(value.trim()) || t('proofs.wholeNumber');
  const root = (value: string) => <Code style={{ wordBreak: 'break-all' }}>{value}</Code>;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('proofs.consistency.title')}
        </Title>
        <Text size="sm">{t('proofs.consistency.explain')}</Text>
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('proofs.consistency.title')}>
          <Stack maw={420}>
            <TextInput
              label={t('proofs.consistency.from')}
              description={t('proofs.consistency.fromHint')}
              inputMode="numeric"
              required
              error={form.formState.errors.from?.message}
              {...form.register('from', { required: t('form.required'), validate: wholeNumber })}
            />
            <TextInput
              label={t('proofs.consistency.to')}
              description={t('proofs.latestHint')}
              inputMode="numeric"
              error={form.formState.errors.to?.message}
              {...form.register('to', { validate: (value) => value.trim() === '' || wholeNumber(value) })}
            />
            <Group>
              <Button type="submit" loading={proof.isPending}>
                {t('proofs.consistency.download')}
              </Button>
            </Group>
          </Stack>
        </form>
        {proof.isError && <ProofProblem error={proof.error} proof="consistency" />}
        {proof.isSuccess && (
          <>
            <Alert color="green" role="status">
              <Text size="sm" c="var(--mantine-color-text)">
                {t('proofs.downloaded', { fileName: proof.data.fileName })}
              </Text>
            </Alert>
            <FactsTable
              rows={[
                [t('proofs.consistency.fromSize'), format.number(proof.data.answer.from.size)],
                [t('proofs.consistency.fromRoot'), root(proof.data.answer.from.root)],
                [t('proofs.consistency.toSize'), format.number(proof.data.answer.to.size)],
                [t('proofs.consistency.toRoot'), root(proof.data.answer.to.root)],
                [t('proofs.pathLength'), t('proofs.hashes', { count: proof.data.answer.path.length })],
              ]}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { FactsTable } from '../../layout/FactsTable';
import { optionalSize, POSITIVE_INTEGER } from './proof-files';
import { useEventProof } from './use-event-proof';
import { ProofProblem } from './ProofProblem';

interface EventProofRequest {
  position: string;
  treeSize: string;
}

/** An event's inclusion proof, downloaded as the node answers it, and what it holds in words. */
export function EventProofForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm<EventProofRequest>({ defaultValues: { position: '', treeSize: '' } });
  const proof = useEventProof();
  const submit = form.handleSubmit((values) =>
    proof.mutate({ position: Number(values.position.trim()), treeSize: optionalSize(values.treeSize) }),
  );
  const wholeNumber = (value: string) => POSITIVE_INTEGER.test(value.trim()) || t('proofs.wholeNumber');
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('proofs.event.title')}
        </Title>
        <Text size="sm">{t('proofs.event.explain')}</Text>
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('proofs.event.title')}>
          <Stack maw={420}>
            <TextInput
              label={t('proofs.event.position')}
              description={t('proofs.event.positionHint')}
              inputMode="numeric"
              required
              error={form.formState.errors.position?.message}
              {...form.register('position', { required: t('form.required'), validate: wholeNumber })}
            />
            <TextInput
              label={t('proofs.event.treeSize')}
              description={t('proofs.latestHint')}
              inputMode="numeric"
              error={form.formState.errors.treeSize?.message}
              {...form.register('treeSize', {
                validate: (value) => value.trim() === '' || wholeNumber(value),
              })}
            />
            <Group>
              <Button type="submit" loading={proof.isPending}>
                {t('proofs.event.download')}
              </Button>
            </Group>
          </Stack>
        </form>
        {proof.isError && <ProofProblem error={proof.error} proof="event" />}
        {proof.isSuccess && (
          <>
            <Alert color="green" role="status">
              <Text size="sm" c="var(--mantine-color-text)">
                {t('proofs.downloaded', { fileName: proof.data.fileName })}
              </Text>
            </Alert>
            <FactsTable
              rows={[
                [t('proofs.event.leafIndex'), format.number(proof.data.answer.inclusion.leafIndex)],
                [
                  t('proofs.event.leafHash'),
                  <Code style={{ wordBreak: 'break-all' }}>{proof.data.answer.inclusion.leafHash}</Code>,
                ],
                [t('proofs.treeSize'), format.number(proof.data.answer.checkpoint.size)],
                [
                  t('proofs.pathLength'),
                  t('proofs.hashes', { count: proof.data.answer.inclusion.path.length }),
                ],
              ]}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

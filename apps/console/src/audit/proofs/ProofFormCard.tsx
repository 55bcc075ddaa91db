import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FactsTable } from '../../layout/FactsTable';
import { optionalSize, POSITIVE_INTEGER } from './proof-files';
import { ProofProblem } from './ProofProblem';

interface SizeField {
  label: string;
  description: string;
}

/** What the card needs of a proof download: its state, and the answer once saved. */
interface ProofDownload<TAnswer> {
  mutate(request: { first: number; second?: number }): void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: { answer: TAnswer; fileName: string };
}

interface ProofFormCardProps<TAnswer> {
  proof: 'event' | 'consistency';
  /** The log position or size the proof is about (required). */
  first: SizeField;
  /** The tree size it is proven against (optional: the latest checkpoint). */
  second: SizeField;
  download: ProofDownload<TAnswer>;
  facts: (answer: TAnswer) => [label: string, value: ReactNode][];
}

/**
 * A proof asked for by two whole numbers, downloaded as the node answers it (what nrm-verify reads),
 * then what it holds in words.
 */
export function ProofFormCard<TAnswer>({
  proof,
  first,
  second,
  download,
  facts,
}: ProofFormCardProps<TAnswer>) {
  const { t } = useTranslation();
  const form = useForm<{ first: string; second: string }>({ defaultValues: { first: '', second: '' } });
  const submit = form.handleSubmit((values) =>
    download.mutate({ first: Number(values.first.trim()), second: optionalSize(values.second) }),
  );
  const wholeNumber = (value: string) => POSITIVE_INTEGER.test(value.trim()) || t('proofs.wholeNumber');
  const title = t(`proofs.${proof}.title`);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text size="sm">{t(`proofs.${proof}.explain`)}</Text>
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
          <Stack maw={420}>
            <TextInput
              label={first.label}
              description={first.description}
              inputMode="numeric"
              required
              error={form.formState.errors.first?.message}
              {...form.register('first', { required: t('form.required'), validate: wholeNumber })}
            />
            <TextInput
              label={second.label}
              description={second.description}
              inputMode="numeric"
              error={form.formState.errors.second?.message}
              {...form.register('second', { validate: (value) => value.trim() === '' || wholeNumber(value) })}
            />
            <Group>
              <Button type="submit" loading={download.isPending}>
                {t(`proofs.${proof}.download`)}
              </Button>
            </Group>
          </Stack>
        </form>
        {download.isError && <ProofProblem error={download.error} proof={proof} />}
        {download.data && (
          <>
            <Alert color="green" role="status">
              <Text size="sm" c="var(--mantine-color-text)">
                {t('proofs.downloaded', { fileName: download.data.fileName })}
              </Text>
            </Alert>
            <FactsTable rows={facts(download.data.answer)} />
          </>
        )}
      </Stack>
    </Card>
  );
}

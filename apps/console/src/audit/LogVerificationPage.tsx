import { Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';
import { Loading } from '../layout/Loading';
import { useElapsedSeconds } from './use-elapsed-seconds';
import { VerificationAnswer } from './VerificationAnswer';
import { FactsTable } from '../layout/FactsTable';
import { IntegrityReportCard } from './IntegrityReportCard';

/** The node's latest signed tree head: what an auditor keeps to check the log against later. */
function Checkpoint() {
  const { t } = useTranslation();
  const format = useFormat();
  const checkpoint = useQuery({
    queryKey: ['audit', 'checkpoint'],
    queryFn: () => data(nrm.GET('/api/audit/checkpoint')),
  });
  if (checkpoint.isPending) return <Loading />;
  if (checkpoint.isError) return <ProblemAlert error={checkpoint.error} />;
  const signed = checkpoint.data.checkpoint;
  if (!signed) return <Text>{t('audit.verify.noCheckpoint')}</Text>;
  const rows: [string, ReactNode][] = [
    [t('audit.verify.size'), format.number(signed.size)],
    [t('audit.verify.root'), <Code style={{ wordBreak: 'break-all' }}>{signed.root}</Code>],
    [t('audit.verify.origin'), signed.origin],
    [t('audit.verify.keyId'), <Code>{signed.keyId}</Code>],
  ];
  return <FactsTable rows={rows} />;
}

/**
 * Recomputes the node's whole Merkle log against every checkpoint it signed. The node answers once, at
 * the end, so the page shows an indeterminate indicator with the time elapsed, not a percentage.
 */
export function LogVerificationPage() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => data(nrm.GET('/api/audit/verify')) });
  const seconds = useElapsedSeconds(verify.isPending);
  return (
    <Stack>
      <Title order={2}>{t('audit.verify.title')}</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('audit.verify.checkpoint')}
        </Title>
        <Checkpoint />
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={3} size="h4">
            {t('audit.verify.check')}
          </Title>
          <Text size="sm">{t('audit.verify.explain')}</Text>
          <Group>
            <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
              {t('audit.verify.now')}
            </Button>
          </Group>
          {/* Announced once when it starts; the seconds beside it are not read out every second. */}
          <Group gap="xs">
            <div role="status">
              {verify.isPending && (
                <Group gap="xs">
                  <Loader size="sm" aria-hidden />
                  <Text size="sm">{t('audit.verify.running')}</Text>
                </Group>
              )}
            </div>
            {verify.isPending && (
              <Text size="sm" c="dimmed" data-testid="verify-elapsed">
                {t('audit.verify.elapsed', { count: seconds })}
              </Text>
            )}
          </Group>
          {verify.isError && <ProblemAlert error={verify.error} />}
          {verify.isSuccess && <VerificationAnswer answer={verify.data} />}
        </Stack>
      </Card>
      <IntegrityReportCard />
    </Stack>
  );
}

export default LogVerificationPage;

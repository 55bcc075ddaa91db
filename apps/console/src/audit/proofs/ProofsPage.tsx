import { Card, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { searchWith } from '../../cases/list/case-list-filters';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { Loading } from '../../layout/Loading';

import { CheckpointTable } from './CheckpointTable';
import { ConsistencyProofForm } from './ConsistencyProofForm';
import { EventProofForm } from './EventProofForm';
import { NodeKeyCard } from './NodeKeyCard';
import { CHECKPOINT_PAGE_SIZE, useCheckpointPage } from './use-checkpoint-page';

const pageFrom = (search: URLSearchParams): number => {
  const page = Number(search.get('page'));
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
};

/**
 * Proofs an auditor takes away and checks without the node (nrm-verify): the node key, the signed
 * checkpoints (ascending by size, as the node lists them), an event's inclusion proof and the
 * proof that the log only grew between two checkpoints.
 */
export function ProofsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const page = pageFrom(search);
  const checkpoints = useCheckpointPage(page);
  const pages = checkpoints.data ? Math.max(1, Math.ceil(checkpoints.data.total / CHECKPOINT_PAGE_SIZE)) : 1;
  return (
    <Stack>
      <Title order={2}>{t('proofs.title')}</Title>
      <Text size="sm">{t('proofs.explain')}</Text>
      {checkpoints.isError && <ProblemAlert error={checkpoints.error} />}
      {checkpoints.isPending && <Loading />}
      {checkpoints.data && (
        <NodeKeyCard publicKey={checkpoints.data.publicKey} keyId={checkpoints.data.publicKeyId} />
      )}
      <EventProofForm />
      <ConsistencyProofForm />
      {checkpoints.data && (
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {t('proofs.checkpoints.title')}
            </Title>
            <Text size="sm">{t('proofs.checkpoints.explain')}</Text>
            <Text size="sm" aria-live="polite">
              {t('proofs.checkpoints.total', { count: checkpoints.data.total })}
            </Text>
            <CheckpointTable checkpoints={checkpoints.data.items} />
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              withEdges
              onChange={(next) => setSearch(searchWith(search, { page: String(next) }))}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

export default ProofsPage;

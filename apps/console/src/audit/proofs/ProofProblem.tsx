import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';

/**
 * A refused proof in words: what 404, 422 and 409 mean for this question (the generic alert would
 * speak of a rule or of someone changing a case), with the node's own detail beneath.
 */
export function ProofProblem({ error, proof }: { error: unknown; proof: 'event' | 'consistency' }) {
  const { t } = useTranslation();
  const api = asApiError(error);
  const meaning: Record<number, string> = {
    404: t(`proofs.problems.${proof}NotFound`),
    422: t(`proofs.problems.${proof}Refused`),
    409: t('proofs.problems.noCheckpoint'),
  };
  const message = api && meaning[api.status];
  if (!message) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" role="alert" title={t('proofs.problems.title')}>
      <Text size="sm">{message}</Text>
      {api.problem?.detail && (
        <Text size="sm" c="dimmed">
          {api.problem.detail}
        </Text>
      )}
    </Alert>
  );
}

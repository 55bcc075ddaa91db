import { Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ProofFormCard } from './ProofFormCard';
import { useConsistencyProof } from './use-consistency-proof';

/**
 * The proof that the log of a size the auditor kept is a prefix of a later one: nothing before it was
 * changed, removed or reordered since.
 */
export function ConsistencyProofForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const proof = useConsistencyProof();
  const root = (value: string) => <Code style={{ wordBreak: 'break-all' }}>{value}</Code>;
  return (
    <ProofFormCard
      proof="consistency"
      first={{ label: t('proofs.consistency.from'), description: t('proofs.consistency.fromHint') }}
      second={{ label: t('proofs.consistency.to'), description: t('proofs.latestHint') }}
      download={{
        ...proof,
        data: proof.data,
        mutate: ({ first, second }) => proof.mutate({ from: first, to: second }),
      }}
      facts={(answer) => [
        [t('proofs.consistency.fromSize'), format.number(answer.from.size)],
        [t('proofs.consistency.fromRoot'), root(answer.from.root)],
        [t('proofs.consistency.toSize'), format.number(answer.to.size)],
        [t('proofs.consistency.toRoot'), root(answer.to.root)],
        [t('proofs.pathLength'), t('proofs.hashes', { count: answer.path.length })],
      ]}
    />
  );
}

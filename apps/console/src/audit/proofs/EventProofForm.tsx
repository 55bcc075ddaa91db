import { Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ProofFormCard } from './ProofFormCard';
import { useEventProof } from './use-event-proof';

/** An event's inclusion proof: the event at a log position is in the tree a checkpoint signed. */
export function EventProofForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const proof = useEventProof();
  return (
    <ProofFormCard
      proof="event"
      first={{ label: t('proofs.event.position'), description: t('proofs.event.positionHint') }}
      second={{ label: t('proofs.event.treeSize'), description: t('proofs.latestHint') }}
      download={{
        ...proof,
        data: proof.data,
        mutate: ({ first, second }) => proof.mutate({ position: first, treeSize: second }),
      }}
      facts={(answer) => [
        [t('proofs.event.leafIndex'), format.number(answer.inclusion.leafIndex)],
        [
          t('proofs.event.leafHash'),
          <Code style={{ wordBreak: 'break-all' }}>{answer.inclusion.leafHash}</Code>,
        ],
        [t('proofs.treeSize'), format.number(answer.checkpoint.size)],
        [t('proofs.pathLength'), t('proofs.hashes', { count: answer.inclusion.path.length })],
      ]}
    />
  );
}

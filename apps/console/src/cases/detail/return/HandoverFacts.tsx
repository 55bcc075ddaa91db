import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { FactsTable } from '../../../layout/FactsTable';
import { kindInWords } from './message-words';

type Exchange = Schema<'HandoverHistory'>['exchanges'][number];

/**
 * One handover as both sides know it: this node's status, and what the partner node last said about it
 * (its last message that reached this node), with the dates of each step.
 */
export function HandoverFacts({
  handover,
  exchange,
}: {
  handover: Schema<'HandoverView'>;
  exchange?: Exchange;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lastFrom = (direction: 'incoming' | 'outgoing') =>
    exchange?.messages.filter((message) => message.direction === direction).at(-1);
  const partnerLast = lastFrom('incoming');
  const ourLast = lastFrom('outgoing');
  const country =
    handover.direction === 'outgoing'
      ? [t('casework.handovers.toCountry'), format.country(handover.toCountry)]
      : [t('casework.handovers.fromCountry'), format.country(handover.fromCountry)];
  return (
    <FactsTable
      rows={[
        [t('casework.handovers.direction'), t(`casework.handoverDirections.${handover.direction}`)],
        [country[0], country[1]],
        [t('casework.handovers.statusHere'), t(`casework.handoverStatus.${handover.status}`)],
        [
          t('casework.handovers.statusPartner'),
          exchange
            ? t('casework.handovers.partnerSaid', {
                theirs: kindInWords(t, partnerLast?.kind),
                ours: kindInWords(t, ourLast?.kind),
              })
            : t('casework.handovers.noPartner'),
        ],
        [t('casework.handovers.proposedAt'), format.dateTime(handover.proposedAt)],
        [t('casework.handovers.responseDueAt'), format.date(handover.responseDueAt)],
        [t('casework.handovers.answeredAt'), format.dateTime(handover.answeredAt)],
        ...(handover.declineReason
          ? [
              [
                t('casework.handovers.declineReason'),
                t(`casework.handoverDeclineReasons.${handover.declineReason}`),
              ] as [string, string],
            ]
          : []),
        [t('casework.handovers.receivingAgency'), handover.receivingAgency ?? '—'],
        [t('casework.handovers.departedAt'), format.dateTime(handover.departedAt)],
        [t('casework.handovers.arrivedAt'), format.dateTime(handover.arrivedAt)],
        [t('casework.handovers.receivedAt'), format.dateTime(handover.receivedAt)],
      ]}
    />
  );
}

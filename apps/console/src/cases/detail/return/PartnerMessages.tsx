import { Stack, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ListTable } from '../common/ListTable';
import { kindInWords, outcomeInWords } from './message-words';

type Exchange = Schema<'HandoverHistory'>['exchanges'][number];

/** One exchange with a partner node: who, which side this node is, and every message either way. */
export function PartnerMessages({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('casework.partner.with', {
          country: format.country(exchange.partnerCountry),
          node: exchange.partnerNodeId,
          side: t(`casework.sides.${exchange.side}`, { defaultValue: exchange.side }),
        })}
      </Text>
      <ListTable
        caption={t('casework.partner.messages', { ref: exchange.sharedCaseRef })}
        headers={[
          t('casework.partner.direction'),
          t('casework.partner.kind'),
          t('casework.partner.outcome'),
          t('casework.partner.sentAt'),
          t('casework.partner.recordedAt'),
        ]}
        rows={exchange.messages.map((message, index) => ({
          key: message.messageId ?? `${message.recordedAt}:${index}`,
          cells: [
            t(`casework.directions.${message.direction}`),
            kindInWords(t, message.kind),
            outcomeInWords(t, message.outcome),
            format.dateTime(message.sentAt),
            format.dateTime(message.recordedAt),
          ],
        }))}
      />
    </Stack>
  );
}

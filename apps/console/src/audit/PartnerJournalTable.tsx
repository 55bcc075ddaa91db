import { Code, Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

type JournalRecord = Schema<'JournalRecord'>;

const isLink = (record: JournalRecord): record is Schema<'JournalLinkRecord'> =>
  record.type === 'CrossBorderLinkOpened';

/** The partner journal oldest first: links opened, and each message sent, received, refused or withheld. */
export function PartnerJournalTable({ records }: { records: JournalRecord[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (records.length === 0) return <Text>{t('audit.journal.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.journal.recordedAt')}</Table.Th>
            <Table.Th>{t('audit.journal.record')}</Table.Th>
            <Table.Th>{t('audit.journal.direction')}</Table.Th>
            <Table.Th>{t('audit.journal.kind')}</Table.Th>
            <Table.Th>{t('audit.journal.caseRef')}</Table.Th>
            <Table.Th>{t('audit.journal.outcome')}</Table.Th>
            <Table.Th>{t('audit.journal.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record, index) => (
            <Table.Tr key={`${record.recordedAt}:${index}`}>
              <Table.Td>{format.dateTime(record.recordedAt)}</Table.Td>
              <Table.Td>{t(`audit.journal.types.${record.type}`)}</Table.Td>
              {isLink(record) ? (
                <>
                  <Table.Td>{t(`audit.journal.sides.${record.side}`)}</Table.Td>
                  <Table.Td>—</Table.Td>
                  <Table.Td>
                    <Code>{record.sharedCaseRef}</Code>
                  </Table.Td>
                  <Table.Td>—</Table.Td>
                  <Table.Td>—</Table.Td>
                </>
              ) : (
                <>
                  <Table.Td>{t(`audit.journal.directions.${record.direction}`)}</Table.Td>
                  <Table.Td>{record.kind ?? '—'}</Table.Td>
                  <Table.Td>{record.sharedCaseRef ? <Code>{record.sharedCaseRef}</Code> : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{record.outcome}</Text>
                    {record.claimedSender && (
                      <Text size="xs" c="dimmed">
                        {t('audit.journal.claimedSender', { sender: record.claimedSender })}
                      </Text>
                    )}
                    {record.detail && (
                      <Text size="xs" c="dimmed">
                        {record.detail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{record.messageId ? <Code>{record.messageId}</Code> : '—'}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

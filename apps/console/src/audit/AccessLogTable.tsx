import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';
import { useEventProof } from './proofs/use-event-proof';

type Entry = Schema<'AccessLogEntry'>;

/**
 * One row per read of a person's file; ids lead to the case and narrow the log to the user, and each
 * read's proof (its event's inclusion in a signed checkpoint) downloads for nrm-verify.
 */
export function AccessLogTable({ entries, onUser }: { entries: Entry[]; onUser: (userId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const proof = useEventProof();
  if (entries.length === 0) return <Text>{t('audit.accessLog.none')}</Text>;
  return (
    <Stack>
      {proof.isError && <ProblemAlert error={proof.error} />}
      <Table.ScrollContainer minWidth={800}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.accessLog.at')}</Table.Th>
              <Table.Th>{t('audit.accessLog.user')}</Table.Th>
              <Table.Th>{t('audit.accessLog.role')}</Table.Th>
              <Table.Th>{t('audit.accessLog.agency')}</Table.Th>
              <Table.Th>{t('audit.accessLog.case')}</Table.Th>
              <Table.Th>{t('audit.accessLog.purpose')}</Table.Th>
              <Table.Th>{t('audit.accessLog.channel')}</Table.Th>
              <Table.Th>{t('audit.accessLog.proof')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry, index) => (
              <Table.Tr key={`${entry.at}:${entry.userId}:${entry.caseId}:${index}`}>
                <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => onUser(entry.userId)}
                    aria-label={t('audit.accessLog.onlyUser', { userId: entry.userId })}
                    ff="monospace"
                    size="sm"
                  >
                    {entry.userId.slice(0, 8)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`roles.${entry.role}`, { defaultValue: entry.role })}</Table.Td>
                <Table.Td>{entry.agency ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${entry.caseId}`} ff="monospace" size="sm">
                    {entry.caseId.slice(0, 8)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {t([`purposes.${entry.purpose}`, `audit.exportPurposes.${entry.purpose}`], {
                    defaultValue: entry.purpose,
                  })}
                </Table.Td>
                <Table.Td>{t(`audit.channels.${entry.channel}`, { defaultValue: entry.channel })}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    loading={proof.isPending && proof.variables?.position === entry.position}
                    onClick={() => proof.mutate({ position: entry.position })}
                    aria-label={t('audit.accessLog.downloadProof', { position: entry.position })}
                  >
                    {t('audit.accessLog.proof')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

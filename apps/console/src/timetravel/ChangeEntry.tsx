import { Code, Stack, Table, Text, Title } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ChangeValue } from './ChangeValue';

/** One event: its revision, type, when and who (role, agency), and each field it changed. */
export function ChangeEntry({ change }: { change: Schema<'CaseChange'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const event = t(`events.${change.type}`, { defaultValue: change.type });
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {t('timetravel.changes.eventTitle', { revision: change.revision, event })}
      </Title>
      <Text size="sm" c="dimmed">
        {format.dateTime(change.occurredAt)} ·{' '}
        {t(`roles.${change.actor.role}`, { defaultValue: change.actor.role })}
        {change.actor.agency ? ` · ${change.actor.agency}` : ''}
      </Text>
      {change.changes === undefined ? (
        <Text size="sm">{t('timetravel.changes.withheld')}</Text>
      ) : change.changes.length === 0 ? (
        <Text size="sm">{t('timetravel.changes.unchanged')}</Text>
      ) : (
        <Table captionSide="top" layout="fixed" style={{ overflowWrap: 'anywhere' }}>
          <Table.Caption style={{ textAlign: 'start' }}>
            {t('timetravel.changes.caption', { revision: change.revision })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('timetravel.changes.path')}</Table.Th>
              <Table.Th>{t('timetravel.changes.before')}</Table.Th>
              <Table.Th>{t('timetravel.changes.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.changes.map((field) => (
              <Table.Tr key={field.path}>
                <Table.Td>
                  <Code>{field.path}</Code>
                </Table.Td>
                <Table.Td>
                  <ChangeValue value={field.from} />
                </Table.Td>
                <Table.Td>
                  <ChangeValue value={field.to} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

import { Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** The node's local accounts; usernames and agencies are text typed by admins, rendered as text. */
export function UserTable({ users }: { users: Schema<'UserView'>[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (users.length === 0) return <Text>{t('admin.users.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Caption>{t('admin.users.listCaption', { count: users.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.username')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.agency')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.country')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.userId}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.agency ?? '—'}</Table.Td>
              <Table.Td>{format.country(user.country)}</Table.Td>
              <Table.Td>{format.dateTime(user.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

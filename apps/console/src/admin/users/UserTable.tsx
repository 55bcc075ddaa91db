import { Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { UserActions } from './UserActions';

/**
 * The node's local accounts; usernames and agencies are text typed by admins, rendered as text. With
 * `actions`, each row offers the changes an admin may make.
 */
export function UserTable({
  users,
  actions,
}: {
  users: Schema<'UserView'>[];
  actions?: { selfId: string; onPasswordSet: (username: string) => void };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (users.length === 0) return <Text>{t('admin.users.none')}</Text>;
  const nameOf = (userId: string) => users.find((user) => user.userId === userId)?.username;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped>
        <Table.Caption>{t('admin.users.listCaption', { count: users.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.username')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.agency')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.country')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
            {actions && <Table.Th scope="col">{t('admin.users.actions')}</Table.Th>}
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
              <Table.Td>
                <Text size="sm" fw={user.disabled ? 700 : undefined}>
                  {t(user.disabled ? 'admin.users.disabled' : 'admin.users.enabled')}
                </Text>
              </Table.Td>
              {actions && (
                <Table.Td>
                  <UserActions
                    user={user}
                    self={user.userId === actions.selfId}
                    onPasswordSet={actions.onPasswordSet}
                    nameOf={nameOf}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

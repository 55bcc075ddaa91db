import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { Loading } from '../../layout/Loading';
import { useUser } from '../../session/session-store';
import { CreateUserForm } from './CreateUserForm';
import { UserTable } from './UserTable';

/** The node's accounts: the list, creating one, and changing, disabling or resetting one. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { role, userId } = useUser();
  const [passwordSetFor, setPasswordSetFor] = useState<string>();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => data(nrm.GET('/api/users')),
    enabled: can(role, 'GET /api/users'),
  });
  if (!can(role, 'GET /api/users')) return <ForbiddenPage />;
  return (
    <Stack>
      <Title order={2}>{t('admin.users.title')}</Title>
      <Text>{t('admin.users.intro')}</Text>
      {users.isPending && <Loading />}
      {users.isError && <ProblemAlert error={users.error} />}
      {passwordSetFor && (
        <Alert color="green" role="status">
          {t('admin.users.passwordSet', { username: passwordSetFor })}
        </Alert>
      )}
      {users.data && (
        <UserTable
          users={users.data.items}
          actions={
            can(role, 'PATCH /api/users/{userId}')
              ? { selfId: userId, onPasswordSet: setPasswordSetFor }
              : undefined
          }
        />
      )}
      {can(role, 'POST /api/users') && <CreateUserForm />}
    </Stack>
  );
}

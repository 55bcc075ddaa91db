import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Schema } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useFormat } from '../../i18n/format';
import { Loading } from '../../layout/Loading';

type Item = Schema<'UserHistoryItem'>;
type Change = { from?: string; to: string };

const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && typeof (value as Change).to === 'string';
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * An account's history in the node's log (GET /api/users/{userId}/history): every creation, change of
 * role, agency or country (before and after), disabling, re-enabling and password reset, with who did
 * it, their role at the time, and when. Usernames and agencies are rendered as text.
 */
export function AccountHistoryDialog({
  user,
  nameOf,
}: {
  user: Schema<'UserView'>;
  nameOf: (userId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  const history = useQuery({
    // Under ['users']: every account command refreshes it with the list.
    queryKey: ['users', user.userId, 'history'],
    queryFn: () =>
      data(nrm.GET('/api/users/{userId}/history', { params: { path: { userId: user.userId } } })),
    enabled: opened,
  });
  const role = (code: string) => t(`roles.${code}`, { defaultValue: code });
  const who = ({ actor }: Item): string => {
    if (actor.role === 'node') return t('accounts.node');
    const name = nameOf(actor.userId) ?? actor.userId.slice(0, 8);
    return actor.agency
      ? t('accounts.byRoleAgency', { name, role: role(actor.role), agency: actor.agency })
      : t('accounts.byRole', { name, role: role(actor.role) });
  };
  const details = (item: Item): string[] => {
    const lines: string[] = [];
    const field = (key: 'role' | 'agency' | 'country', value: unknown) => {
      const shown = (code: string | undefined) =>
        code === undefined
          ? t('accounts.nothing')
          : key === 'role'
            ? role(code)
            : key === 'country'
              ? format.country(code)
              : code;
      if (isChange(value))
        lines.push(t(`accounts.changed.${key}`, { from: shown(value.from), to: shown(value.to) }));
      else if (text(value) !== undefined) lines.push(t(`accounts.set.${key}`, { value: shown(text(value)) }));
    };
    for (const key of ['role', 'agency', 'country'] as const) field(key, item.data[key]);
    if (item.data.adopted === true) lines.push(t('accounts.adopted'));
    return lines;
  };
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        onClick={open}
        aria-label={t('accounts.historyFor', { username: user.username })}
      >
        {t('accounts.history')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        size="xl"
        title={t('accounts.historyTitle', { username: user.username })}
        closeButtonProps={{ 'aria-label': t('accounts.close') }}
      >
        <Stack>
          {history.isError && <ProblemAlert error={history.error} />}
          {history.isPending && opened && <Loading />}
          {history.data && (
            <Table.ScrollContainer minWidth={600}>
              <Table striped>
                <Table.Caption>{t('accounts.caption', { count: history.data.items.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('accounts.at')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.by')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.what')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.data.items.map((item) => (
                    <Table.Tr key={item.eventId}>
                      <Table.Td>{format.dateTime(item.occurredAt)}</Table.Td>
                      <Table.Td>{who(item)}</Table.Td>
                      <Table.Td>{t(`events.${item.type}`, { defaultValue: item.type })}</Table.Td>
                      <Table.Td>
                        {details(item).map((line) => (
                          <Text key={line} size="sm">
                            {line}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Modal>
    </>
  );
}

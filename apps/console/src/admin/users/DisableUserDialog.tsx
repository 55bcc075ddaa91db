import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useUserCommand } from './use-user-command';

/**
 * Disables an enabled account or enables a disabled one, after a confirmation: disabling ends the
 * user's sessions at once, so it must not be one stray click.
 */
export function DisableUserDialog({ user }: { user: Schema<'UserView'> }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const action = user.disabled ? 'enable' : 'disable';
  const toggle = useUserCommand(() =>
    user.disabled
      ? data(nrm.POST('/api/users/{userId}/enable', { params: { path: { userId: user.userId } } }))
      : data(nrm.POST('/api/users/{userId}/disable', { params: { path: { userId: user.userId } } })),
  );
  const dismiss = () => {
    toggle.reset();
    close();
  };
  const title = t(`admin.users.${action}Title`, { username: user.username });
  return (
    <>
      <Button size="xs" variant="outline" onClick={open} aria-label={title}>
        {t(`admin.users.${action}`)}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={title}
        closeButtonProps={{ 'aria-label': t('admin.users.close') }}
      >
        <Stack>
          <Text>{t(`admin.users.${action}Warning`)}</Text>
          <ProblemAlert error={toggle.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss} data-autofocus>
              {t('admin.users.cancel')}
            </Button>
            <Button
              color={user.disabled ? undefined : 'red'}
              loading={toggle.isPending}
              onClick={() => toggle.mutate(undefined, { onSuccess: dismiss })}
            >
              {t(`admin.users.${action}Confirm`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

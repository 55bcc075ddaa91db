import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../app/query-client';
import { signOut, signOutEverywhere } from '../session/session-api';
import { useUser } from '../session/session-store';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const leave = async (everywhere: boolean) => {
    await (everywhere ? signOutEverywhere() : signOut());
    // Nothing read in this session stays in memory for the next user of the browser.
    queryClient.clear();
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="subtle" size="sm">
          {user.username} · {t(`roles.${user.role}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.agency ?? t('user.noAgency')}</Menu.Label>
        <Menu.Item onClick={() => void leave(false)}>{t('user.signOut')}</Menu.Item>
        <Menu.Item onClick={() => void leave(true)}>{t('user.signOutEverywhere')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { can } from '../access/can';
import { hasDashboard } from '../dashboard/dashboard-access';
import { RequireSession } from '../session/RequireSession';
import { SessionExpiryWarning } from '../session/SessionExpiryWarning';
import { useUser } from '../session/session-store';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguagePicker } from './LanguagePicker';
import { UserMenu } from './UserMenu';
import { Loading } from './Loading';

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const { pathname } = useLocation();
  const links = [
    { to: '/', label: t('nav.dashboard'), show: hasDashboard(role) },
    { to: '/cases', label: t('nav.cases'), show: can(role, 'GET /api/cases') },
    { to: '/cases/new', label: t('nav.register'), show: can(role, 'POST /api/cases') },
    { to: '/cases/new/at-risk', label: t('atRisk.nav'), show: can(role, 'POST /api/cases/at-risk') },
    { to: '/statistics', label: t('statistics.nav'), show: can(role, 'GET /api/statistics') },
    { to: '/audit/verify', label: t('audit.nav.verify'), show: can(role, 'GET /api/audit/verify') },
    {
      to: '/audit/access-log',
      label: t('audit.nav.accessLog'),
      show: can(role, 'GET /api/audit/access-log'),
    },
    {
      to: '/audit/partner-journal',
      label: t('audit.nav.journal'),
      show: can(role, 'GET /api/audit/partner-journal'),
    },
    { to: '/audit/export', label: t('audit.nav.export'), show: can(role, 'GET /api/cases/{id}/export') },
    { to: '/audit/proofs', label: t('proofs.nav'), show: can(role, 'GET /api/audit/checkpoints') },
    { to: '/admin/users', label: t('admin.nav.users'), show: can(role, 'GET /api/users') },
    { to: '/admin/partners', label: t('admin.nav.partners'), show: can(role, 'GET /api/partners') },
    {
      to: '/admin/organisation',
      label: t('organisation.nav'),
      show: can(role, 'POST /api/organisation/agencies'),
    },
    { to: '/admin/identity', label: t('admin.nav.identity'), show: can(role, 'GET /api/node/identity') },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      {links
        .filter((link) => link.show)
        .map((link) => (
          <NavLink
            key={link.to}
            component={RouterLink}
            to={link.to}
            end
            label={link.label}
            active={pathname === link.to}
            variant="filled"
            onClick={onNavigate}
          />
        ))}
    </nav>
  );
}

/** The frame of every signed-in page: header, navigation by role, the connection banner. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <RequireSession>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
              <Title order={1} size="h4">
                {t('app.title')}
              </Title>
            </Group>
            <Group>
              <LanguagePicker />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Navigation onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main>
          <ConnectionBanner />
          <SessionExpiryWarning />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </RequireSession>
  );
}

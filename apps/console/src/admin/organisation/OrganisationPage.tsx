import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { useUser } from '../../session/session-store';
import { AgenciesSection } from './AgenciesSection';
import { DistrictsSection } from './DistrictsSection';
import { TeamsSection } from './TeamsSection';

/** The node's organisation registries: districts, agencies and the multidisciplinary team of each district. */
export default function OrganisationPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  if (!can(role, 'GET /api/organisation/agencies')) return <ForbiddenPage />;
  const manages = can(role, 'POST /api/organisation/agencies');
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={2}>{t('organisation.title')}</Title>
        <Text>{t('organisation.intro')}</Text>
      </Stack>
      <DistrictsSection manages={manages} />
      <AgenciesSection manages={manages} />
      <TeamsSection manages={manages} />
    </Stack>
  );
}

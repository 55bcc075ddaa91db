import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { Loading } from '../../layout/Loading';
import { useUser } from '../../session/session-store';
import { PartnerTable } from './PartnerTable';
import { RegisterPartnerForm } from './RegisterPartnerForm';

/** The partner nodes this node exchanges with (admins change them, auditors read them). */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const allowed = can(role, 'GET /api/partners');
  // Same key and answer as the dashboard's held partners: one cache, changed in one place.
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => data(nrm.GET('/api/partners')),
    enabled: allowed,
  });
  if (!allowed) return <ForbiddenPage />;
  return (
    <Stack>
      <Title order={2}>{t('admin.partners.title')}</Title>
      <Text>{t('admin.partners.intro')}</Text>
      {partners.isPending && <Loading />}
      {partners.isError && <ProblemAlert error={partners.error} />}
      {partners.data && <PartnerTable partners={partners.data.items} />}
      {can(role, 'POST /api/partners') && <RegisterPartnerForm />}
    </Stack>
  );
}

import { Anchor, Card, Code, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useFormat } from '../../i18n/format';
import { Loading } from '../../layout/Loading';
import { useUser } from '../../session/session-store';
import { WRAPPED } from '../wrapped';
import { AgreementForm } from './AgreementForm';
import { AgreementSummary } from './AgreementSummary';
import { HoldEvidence } from './HoldEvidence';
import { PartnerActions } from './PartnerActions';
import { PartnerStatusBadge } from './PartnerStatusBadge';
import { FactsTable } from '../../layout/FactsTable';

/** One partner: what this node trusts of it, why it is held if it is, its agreement and the admin's actions. */
export default function PartnerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const { nodeId = '' } = useParams();
  const allowed = can(role, 'GET /api/partners/{nodeId}');
  const partner = useQuery({
    queryKey: ['partner', nodeId],
    queryFn: () => data(nrm.GET('/api/partners/{nodeId}', { params: { path: { nodeId } } })),
    enabled: allowed,
  });
  if (!allowed) return <ForbiddenPage />;
  if (partner.isPending) return <Loading />;
  if (partner.isError) return <ProblemAlert error={partner.error} />;
  const view = partner.data;
  const rows: [string, ReactNode][] = [
    [t('admin.partners.country'), format.country(view.country)],
    [t('admin.partners.statusLabel'), <PartnerStatusBadge key="status" status={view.status} />],
    [t('admin.partners.endpoint'), view.endpoint ?? '—'],
    [
      t('admin.partners.publicKey'),
      <Code key="pk" block style={WRAPPED}>
        {view.publicKeyPem}
      </Code>,
    ],
    [
      t('admin.partners.encryptionKey'),
      <Code key="ek" block style={WRAPPED}>
        {view.encryptionKeyPem}
      </Code>,
    ],
  ];
  return (
    <Stack>
      <Anchor component={Link} to="/admin/partners">
        {t('admin.partners.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{t('admin.partners.detailTitle', { nodeId: view.nodeId })}</Title>
        <PartnerActions partner={view} />
      </Group>
      {view.hold && <HoldEvidence hold={view.hold} />}
      <FactsTable rows={rows} />
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('admin.agreement.title')}
        </Title>
        {can(role, 'PATCH /api/partners/{nodeId}') && view.status !== 'removed' ? (
          <AgreementForm partner={view} />
        ) : (
          <AgreementSummary agreement={view.agreement} />
        )}
      </Card>
    </Stack>
  );
}

import { Group } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { useUser } from '../../session/session-store';
import { ConfirmWithReason } from './ConfirmWithReason';
import { usePartnerCommand } from './use-partner-command';

type Reason = Schema<'PartnerReasonDto'>;

/** Release (only a held partner) and removal, each behind a confirmation that asks why. */
export function PartnerActions({ partner }: { partner: Schema<'PartnerView'> }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const path = { params: { path: { nodeId: partner.nodeId } } };
  const release = usePartnerCommand(partner.nodeId, (body: Reason) =>
    data(nrm.POST('/api/partners/{nodeId}/release', { ...path, body })),
  );
  const removal = usePartnerCommand(partner.nodeId, (body: Reason) =>
    data(nrm.POST('/api/partners/{nodeId}/removal', { ...path, body })),
  );
  if (partner.status === 'removed') return null;
  return (
    <Group>
      {partner.status === 'held' && can(role, 'POST /api/partners/{nodeId}/release') && (
        <ConfirmWithReason
          label={t('admin.partners.release')}
          title={t('admin.partners.releaseTitle', { nodeId: partner.nodeId })}
          warning={t('admin.partners.releaseWarning')}
          confirmLabel={t('admin.partners.releaseConfirm')}
          color="orange"
          pending={release.isPending}
          error={release.error}
          onConfirm={(reason, done) => release.mutate({ reason }, { onSuccess: done })}
        />
      )}
      {can(role, 'POST /api/partners/{nodeId}/removal') && (
        <ConfirmWithReason
          label={t('admin.partners.remove')}
          title={t('admin.partners.removeTitle', { nodeId: partner.nodeId })}
          warning={t('admin.partners.removeWarning')}
          confirmLabel={t('admin.partners.removeConfirm')}
          color="red"
          pending={removal.isPending}
          error={removal.error}
          onConfirm={(reason, done) => removal.mutate({ reason }, { onSuccess: done })}
        />
      )}
    </Group>
  );
}

import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ListTable } from './ListTable';

/** An adopted plan's services, with when it was adopted. */
export function PlanTable({ plan }: { plan: Schema<'PlanView'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ListTable
      caption={t('casework.plan.adopted', { at: format.dateTime(plan.adoptedAt) })}
      headers={[t('casework.plan.kind'), t('casework.plan.providerColumn')]}
      rows={plan.services.map((service) => ({
        key: service.serviceId,
        cells: [t(`casework.serviceKinds.${service.kind}`), service.provider ?? '—'],
      }))}
    />
  );
}

import { Alert } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';

/**
 * A removal order notified while the identification is not concluded: no removal may take place
 * before it is (CoE Convention art. 10(2)). The node lists it as a deadline of kind
 * removal_before_identification; the case page says it in words at the top.
 */
export function RemovalAlert({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const orders = view.deadlines.filter((deadline) => deadline.kind === 'removal_before_identification');
  if (orders.length === 0) return null;
  return (
    <Alert color="red" title={t('legalStatus.alert.title')} role="alert">
      {t('legalStatus.alert.text', { count: orders.length })}
    </Alert>
  );
}

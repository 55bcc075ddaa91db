import { Alert } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';

/** Says why the person is not shown when the node withheld them for lack of consent or legal basis. */
export function WithheldNotice({ reason }: { reason: Schema<'CaseView'>['personalDataWithheld'] }) {
  const { t } = useTranslation();
  if (reason !== 'no-consent') return null;
  return (
    <Alert color="blue" title={t('consentScope.withheld.title')} data-testid="person-withheld">
      {t('consentScope.withheld.noConsent')}
    </Alert>
  );
}

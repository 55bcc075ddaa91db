import { Alert, Anchor, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';

/** Says that the page shows a past state, which one, and leads back to the case as it is. */
export function AsOfBanner({ caseId, moment }: { caseId: string; moment: Schema<'CaseMoment'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="blue" role="status" title={t('timetravel.banner.title')}>
      <Text size="sm">
        {t('timetravel.banner.text', { revision: moment.revision, when: format.dateTime(moment.occurredAt) })}{' '}
        <Anchor component={Link} to={`/cases/${caseId}`} c="blue.9" fw={600} underline="always">
          {t('timetravel.banner.return')}
        </Anchor>
      </Text>
      <Text size="sm" mt={4}>
        {t('timetravel.banner.readOnly')}
      </Text>
    </Alert>
  );
}

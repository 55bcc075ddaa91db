import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { asApiError } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';

/**
 * An address whose `asOf` the case cannot answer: a revision past its last or a time before its
 * registration (404), or something that is neither a revision nor a date-time (400).
 */
export function AsOfUnavailable({ caseId, error }: { caseId: string; error: unknown }) {
  const { t } = useTranslation();
  const status = asApiError(error)?.status;
  if (status !== 404 && status !== 400) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" role="alert" title={t('timetravel.unavailable.title')}>
      <Text size="sm">
        {t(status === 404 ? 'timetravel.unavailable.notThen' : 'timetravel.unavailable.malformed')}
      </Text>
      <Anchor component={Link} to={`/cases/${caseId}`} c="blue.9" fw={600} underline="always" size="sm">
        {t('timetravel.banner.return')}
      </Anchor>
    </Alert>
  );
}

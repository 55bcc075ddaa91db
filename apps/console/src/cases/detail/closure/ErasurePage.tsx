import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErasureSection } from './ErasureSection';

/**
 * What an admin sees at a case's address: admins may not read cases, only erase a person's data when a
 * lawful request names the case.
 */
export function ErasurePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>
        {t('cases.case')} {caseId.slice(0, 8)}
      </Title>
      <Text size="sm" c="dimmed">
        {caseId}
      </Text>
      <ErasureSection caseId={caseId} />
    </Stack>
  );
}

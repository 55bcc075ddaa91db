import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiError } from '@nrm/api-client';
import { nrm } from '../api/nrm';
import { ProblemAlert } from '../errors/ProblemAlert';
import { saveFile } from './save-file';

/** The node names the file in Content-Disposition; this is the fallback. */
const fileNameOf = (response: Response): string =>
  /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
  'integrity-report.html';

/**
 * The signed, printable integrity report (GET /api/audit/report), saved as the node wrote it: the page's
 * text must stay byte for byte what nrm-verify re-renders from the signed data inside it.
 */
export function IntegrityReportCard() {
  const { t } = useTranslation();
  const report = useMutation({
    mutationFn: async () => {
      const result = await nrm.GET('/api/audit/report', { parseAs: 'text' });
      if (result.data === undefined) throw apiError(result);
      const fileName = fileNameOf(result.response);
      saveFile(result.data, 'text/html', fileName);
      return fileName;
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('audit.report.title')}
        </Title>
        <Text size="sm">{t('audit.report.explain')}</Text>
        <Group>
          <Button onClick={() => report.mutate()} loading={report.isPending}>
            {t('audit.report.download')}
          </Button>
        </Group>
        {report.isError && <ProblemAlert error={report.error} />}
        {report.isSuccess && (
          <Alert color="green" role="status">
            {t('audit.report.saved', { fileName: report.data })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Code, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** The node's answer in words: intact, or the first position that is not what the signed log says. */
export function VerificationAnswer({ answer }: { answer: Schema<'LogVerificationAnswer'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (answer.valid)
    return (
      // Mantine's green title misses 4.5:1 on the light green background: the title keeps the text colour.
      <Alert
        color="green"
        role="status"
        title={
          <Text span fw={700} c="var(--mantine-color-text)">
            {t('audit.verify.valid')}
          </Text>
        }
      >
        <Text size="sm">
          {t('audit.verify.validBody', {
            count: answer.size,
            size: format.number(answer.size),
            checkpointSize: format.number(answer.checkpointSize),
          })}
        </Text>
        <Text size="sm">
          {t('audit.verify.root')} <Code style={{ wordBreak: 'break-all' }}>{answer.root}</Code>
        </Text>
      </Alert>
    );
  const position = answer.firstInvalidPosition;
  return (
    <Alert color="red" role="alert" title={t('audit.verify.invalid')}>
      <Text size="sm" fw={700}>
        {position === undefined
          ? t('audit.verify.noPosition')
          : t('audit.verify.firstBad', { position: format.number(position) })}
      </Text>
      {answer.reason && <Text size="sm">{t(`audit.reasons.${answer.reason}`)}</Text>}
      {answer.detail && (
        <Text size="sm" c="dimmed">
          {answer.detail}
        </Text>
      )}
    </Alert>
  );
}

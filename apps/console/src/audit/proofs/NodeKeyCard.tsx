import { Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../save-file';
import { publicKeyFileName } from './proof-files';

/**
 * The key every proof is signed with, to take away with the proofs: nrm-verify checks a file against
 * it rather than against the key the file itself names.
 */
export function NodeKeyCard({ publicKey, keyId }: { publicKey: string; keyId: string }) {
  const { t } = useTranslation();
  const fileName = publicKeyFileName(keyId);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('proofs.key.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm" fw={700}>
            {t('proofs.key.keyId')}
          </Text>
          <Code data-testid="node-key-id">{keyId}</Code>
        </Group>
        <Text size="sm">{t('proofs.key.compare')}</Text>
        <Group>
          <Button variant="default" onClick={() => saveFile(publicKey, 'text/plain', fileName)}>
            {t('proofs.key.download')}
          </Button>
        </Group>
        <Text size="sm">{t('proofs.key.howTo')}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {`npx nrm-verify ${t('proofs.key.fileArgument')} --key ${fileName}`}
        </Code>
      </Stack>
    </Card>
  );
}

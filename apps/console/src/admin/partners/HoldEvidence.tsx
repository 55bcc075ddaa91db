import { Alert, Code, Stack, Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';

type Checkpoint = Schema<'PartnerCheckpointView'>;

/**
 * Why witnessing held the partner: the two checkpoints it signed that cannot both describe one history
 * (same or smaller size with another root, or no proof that one extends the other). Both carry its
 * signature, so the partner cannot disown either; the admin investigates before releasing.
 */
export function HoldEvidence({ hold }: { hold: Schema<'PartnerHoldView'> }) {
  const { t } = useTranslation();
  const rows: [string, Checkpoint | undefined][] = [
    [t('admin.hold.previous'), hold.previous],
    [t('admin.hold.presented'), hold.presented],
  ];
  return (
    <Alert color="red" title={t('admin.hold.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('admin.hold.explanation')}</Text>
        <Text size="sm">
          {t('admin.hold.reason')}: <Code>{hold.reason}</Code>
        </Text>
        <Text size="sm">{hold.detail}</Text>
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Caption>{t('admin.hold.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.hold.checkpoint')}</Table.Th>
                <Table.Th scope="col">{t('admin.hold.size')}</Table.Th>
                <Table.Th scope="col">{t('admin.hold.root')}</Table.Th>
                <Table.Th scope="col">{t('admin.hold.keyId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, checkpoint]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{checkpoint?.size ?? '—'}</Table.Td>
                  <Table.Td>
                    {checkpoint ? (
                      <Code style={{ wordBreak: 'break-all' }}>{checkpoint.root}</Code>
                    ) : (
                      t('admin.hold.none')
                    )}
                  </Table.Td>
                  <Table.Td>{checkpoint?.keyId ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Alert>
  );
}

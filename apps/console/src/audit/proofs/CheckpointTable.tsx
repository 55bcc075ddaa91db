import { Button, Code, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

type Checkpoint = Schema<'SignedCheckpoint'>;

/** Enough of a SHA-256 root to tell two apart at a glance; the copy button gives all 64 digits. */
const abbreviated = (root: string): string => `${root.slice(0, 12)}…`;

/** The node's signed tree heads, one per row: what it committed to at each size of its log. */
export function CheckpointTable({ checkpoints }: { checkpoints: Checkpoint[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (checkpoints.length === 0) return <Text>{t('proofs.checkpoints.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('proofs.checkpoints.size')}</Table.Th>
            <Table.Th>{t('proofs.checkpoints.root')}</Table.Th>
            <Table.Th>{t('proofs.checkpoints.origin')}</Table.Th>
            <Table.Th>{t('proofs.checkpoints.keyId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkpoints.map((checkpoint) => (
            <Table.Tr key={checkpoint.size}>
              <Table.Td>{format.number(checkpoint.size)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Code>{abbreviated(checkpoint.root)}</Code>
                  <CopyButton value={checkpoint.root}>
                    {({ copied, copy }) => (
                      <Tooltip label={checkpoint.root} events={{ hover: true, focus: true, touch: false }}>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={copy}
                          aria-label={t('proofs.checkpoints.copyRoot', { size: checkpoint.size })}
                        >
                          {copied ? t('proofs.checkpoints.copied') : t('proofs.checkpoints.copy')}
                        </Button>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
              <Table.Td>{checkpoint.origin}</Table.Td>
              <Table.Td>
                <Code>{checkpoint.keyId}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

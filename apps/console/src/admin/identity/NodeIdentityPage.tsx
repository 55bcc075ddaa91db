import { Button, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useFormat } from '../../i18n/format';
import { Loading } from '../../layout/Loading';
import { useUser } from '../../session/session-store';
import { WRAPPED } from '../wrapped';

/**
 * What partner nodes need to register this node: its id, country and public keys, as the JSON their
 * admins paste into their own console (only public keys: nothing here is secret).
 */
export default function NodeIdentityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const allowed = can(role, 'GET /api/node/identity');
  const identity = useQuery({
    queryKey: ['node-identity'],
    queryFn: () => data(nrm.GET('/api/node/identity')),
    enabled: allowed,
  });
  if (!allowed) return <ForbiddenPage />;
  if (identity.isPending) return <Loading />;
  if (identity.isError) return <ProblemAlert error={identity.error} />;
  const view = identity.data;
  const json = JSON.stringify(view, null, 2);
  return (
    <Stack>
      <Title order={2}>{t('admin.identity.title')}</Title>
      <Text>{t('admin.identity.intro')}</Text>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w={220}>
              {t('admin.partners.nodeId')}
            </Table.Th>
            <Table.Td>{view.nodeId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('admin.partners.country')}</Table.Th>
            <Table.Td>{format.country(view.country)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('admin.identity.keyId')}</Table.Th>
            <Table.Td>{view.keyId}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('admin.identity.json')}
        </Title>
        <CopyButton value={json}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal.9' : undefined} onClick={copy}>
              {copied ? t('admin.identity.copied') : t('admin.identity.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={WRAPPED}>
        {json}
      </Code>
    </Stack>
  );
}

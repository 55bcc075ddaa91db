import { Anchor, Table, Text } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { PartnerStatusBadge } from './PartnerStatusBadge';

/** The partner registry: each node, its country, its status and the agreement it shares under. */
export function PartnerTable({ partners }: { partners: Schema<'PartnerView'>[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (partners.length === 0) return <Text>{t('admin.partners.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>{t('admin.partners.listCaption', { count: partners.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.partners.nodeId')}</Table.Th>
            <Table.Th scope="col">{t('admin.partners.country')}</Table.Th>
            <Table.Th scope="col">{t('admin.partners.statusLabel')}</Table.Th>
            <Table.Th scope="col">{t('admin.agreement.reference')}</Table.Th>
            <Table.Th scope="col">{t('admin.agreement.validUntil')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.nodeId}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/partners/${encodeURIComponent(partner.nodeId)}`}>
                  {partner.nodeId}
                </Anchor>
              </Table.Td>
              <Table.Td>{format.country(partner.country)}</Table.Td>
              <Table.Td>
                <PartnerStatusBadge status={partner.status} />
              </Table.Td>
              <Table.Td>{partner.agreement.reference}</Table.Td>
              <Table.Td>{format.date(partner.agreement.validUntil)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

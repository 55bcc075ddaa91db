import { Alert, Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nrm } from '../api/nrm';
import { data } from '../api/problems';
import { ProblemAlert } from '../errors/ProblemAlert';
import { useFormat } from '../i18n/format';

/** Partner nodes held for a broken history: nothing is exchanged with them until an admin releases them. */
export function HeldPartners() {
  const { t } = useTranslation();
  const format = useFormat();
  const partners = useQuery({ queryKey: ['partners'], queryFn: () => data(nrm.GET('/api/partners')) });
  const held = partners.data?.items.filter((partner) => partner.status === 'held') ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.heldPartners')}
      </Title>
      {partners.isError && <ProblemAlert error={partners.error} />}
      {partners.data && held.length === 0 && <Text>{t('dashboard.noHeldPartners')}</Text>}
      {held.length > 0 && (
        <Alert color="red">
          <List>
            {held.map((partner) => (
              <List.Item key={partner.nodeId}>
                {partner.nodeId} ({format.country(partner.country)})
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Card>
  );
}

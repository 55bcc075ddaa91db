import { Stack, Text, Title } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { StatisticsTableCard } from '../../statistics/StatisticsTableCard';

/** The people at risk's tables, apart from the victims' (a converted case counts as a victim from then on). */
export function PeopleAtRiskStatistics({
  tables,
  periods,
}: {
  tables: Schema<'PeopleAtRiskTable'>[];
  periods: string[];
}) {
  const { t } = useTranslation();
  if (tables.length === 0) return null;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('atRisk.statistics.title')}
      </Title>
      <Text size="sm">{t('atRisk.statistics.intro')}</Text>
      {tables.map((table) => (
        <StatisticsTableCard key={table.name} table={table} periods={periods} />
      ))}
    </Stack>
  );
}

import { Group, Radio, Select } from '@mantine/core';
import { ENUM_VALUES } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import type { StatisticsQuery } from './statistics-search';

type Period = NonNullable<StatisticsQuery['period']>;

export interface StatisticsView {
  period: Period;
  from: string | null;
  to: string | null;
}

/**
 * The only questions the API answers: columns per year or per quarter, over a range of whole years.
 * The years offered are those the API publishes (its default answer: the first year with counts to
 * the last closed one), so the range is always one it accepts.
 */
export function StatisticsControls({
  view,
  years,
  onChange,
}: {
  view: StatisticsView;
  years: readonly string[];
  onChange: (next: Partial<StatisticsView>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="lg">
      <Radio.Group
        label={t('statistics.controls.period')}
        value={view.period}
        onChange={(value) => onChange({ period: value as Period })}
      >
        <Group mt="xs">
          {ENUM_VALUES['GET /api/statistics period'].map((period) => (
            <Radio key={period} value={period} label={t(`statistics.periods.${period}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Select
        label={t('statistics.controls.from')}
        data={[...years]}
        value={view.from}
        allowDeselect={false}
        disabled={years.length === 0}
        // A range starting after its end is widened to that one year, never sent to be refused.
        onChange={(from) => onChange({ from, to: from && view.to && view.to < from ? from : view.to })}
        w={140}
      />
      <Select
        label={t('statistics.controls.to')}
        data={years.filter((year) => !view.from || year >= view.from)}
        value={view.to}
        allowDeselect={false}
        disabled={years.length === 0}
        onChange={(to) => onChange({ to })}
        w={140}
      />
    </Group>
  );
}

import { Box, Card, Table, Text, Title } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { Loading } from '../layout/Loading';
import { useStatisticsNames } from './use-statistics-names';

const StatisticsChart = lazy(() => import('./StatisticsChart'));

type Cell = Schema<'StatisticsCell'>;

/** A count, or "suppressed" in words: a suppressed cell must never read as a zero. */
function CellText({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (cell.suppressed || cell.value === null)
    return (
      <Text span size="sm" fs="italic">
        {t('statistics.suppressed')}
      </Text>
    );
  return <>{format.number(cell.value)}</>;
}

/** One published table: its bars, a note where bars are missing, and every figure in a table. */
export function StatisticsTableCard({
  table,
  periods,
}: {
  table: Schema<'StatisticsTable'> | Schema<'PeopleAtRiskTable'>;
  periods: string[];
}) {
  const { t } = useTranslation();
  const names = useStatisticsNames();
  const titleId = useId();
  const periodNames = periods.map(names.period);
  // Named in the note: in the chart, a missing bar and a bar of 0 look alike.
  const suppressed = table.rows
    .filter((row) => row.cells.some((cell) => cell.suppressed))
    .map((row) => names.category(table.name, row.category));
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" mb="sm" id={titleId}>
        {names.table(table.name)}
      </Title>
      <Suspense fallback={<Loading />}>
        <StatisticsChart
          periods={periodNames}
          rows={table.rows.map((row) => ({
            category: names.category(table.name, row.category),
            values: row.cells.map((cell) => (cell.suppressed ? null : cell.value)),
          }))}
        />
      </Suspense>
      {suppressed.length > 0 && (
        <Text size="sm" mt="xs">
          {t('statistics.chartNote', { categories: names.list(suppressed) })}
        </Text>
      )}
      {/* The chart's figures as text: for screen readers, and for reading exact numbers. */}
      <Box
        mt="sm"
        style={{ overflowX: 'auto' }}
        // Focusable so a keyboard can scroll a wide (quarterly) table.
        tabIndex={0}
        role="region"
        aria-labelledby={titleId}
      >
        <Table aria-labelledby={titleId} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('statistics.category')}</Table.Th>
              {periodNames.map((name) => (
                <Table.Th scope="col" key={name} ta="right">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={row.category}>
                <Table.Th scope="row" fw="normal">
                  {names.category(table.name, row.category)}
                </Table.Th>
                {row.cells.map((cell, i) => (
                  <Table.Td key={periods[i]} ta="right">
                    <CellText cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('statistics.total')}</Table.Th>
              {table.totals.map((cell, i) => (
                <Table.Td key={periods[i]} ta="right" fw={700}>
                  <CellText cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Box>
    </Card>
  );
}

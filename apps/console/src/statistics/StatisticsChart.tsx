import { BarChart } from '@mantine/charts';

const COLOURS = ['blue.8', 'teal.9', 'grape.8', 'orange.9', 'indigo.8', 'cyan.9', 'pink.8', 'green.9'];

export interface ChartRow {
  category: string;
  /** One per period; null where the count is suppressed: no bar, never a bar of 0. */
  values: (number | null)[];
}

/**
 * A table as bars, one group per category and one bar per period. Loaded on its own after the
 * tables: the chart library is the console's largest part and is not part of the first load.
 */
export default function StatisticsChart({ rows, periods }: { rows: ChartRow[]; periods: string[] }) {
  // Series keys are positions, not period labels: a label may hold a dot, which Recharts reads as a path.
  const data = rows.map((row) => ({
    category: row.category,
    ...Object.fromEntries(row.values.map((value, i) => [`p${i}`, value])),
  }));
  return (
    <BarChart
      h={260}
      // The figures are in the table beside it: the chart is a picture, not a second, keyboard-driven copy.
      aria-hidden
      barChartProps={{ accessibilityLayer: false }}
      data={data}
      dataKey="category"
      withLegend={periods.length > 1}
      series={periods.map((label, i) => ({ name: `p${i}`, label, color: COLOURS[i % COLOURS.length] }))}
    />
  );
}

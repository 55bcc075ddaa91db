import { BarChart } from '@mantine/charts';

/** The chart alone, loaded after the dashboard's figures: the chart library is the console's largest part. */
export default function CaseloadChart({
  rows,
  label,
}: {
  rows: { stage: string; count: number }[];
  label: string;
}) {
  return (
    <BarChart
      h={260}
      // The figures are in the table beside it: the chart is a picture, not a second, keyboard-driven copy.
      aria-hidden
      barChartProps={{ accessibilityLayer: false }}
      data={rows}
      dataKey="stage"
      series={[{ name: 'count', label, color: 'blue.8' }]}
    />
  );
}

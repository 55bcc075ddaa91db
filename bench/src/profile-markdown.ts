import type { ProfileSummary } from './load/cpu-profile';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** A profile's self time by origin and its busiest functions, as two markdown tables. */
export function profileTables(summary: ProfileSummary): string[] {
  return [
    '| origin | share of busy time | ms |',
    '| --- | ---: | ---: |',
    ...summary.byOrigin.map((o) => `| ${o.name} | ${percent(o.share)} | ${o.milliseconds.toFixed(0)} |`),
    '',
    'The functions with the most self time:',
    '',
    '| function | share | ms |',
    '| --- | ---: | ---: |',
    ...summary.topFunctions.map(
      (f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${percent(f.share)} | ${f.milliseconds.toFixed(0)} |`,
    ),
    '',
  ];
}

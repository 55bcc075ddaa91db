import type { ReadModelRow } from '../port/read-model-row';
import type { CaseStatistics } from '../statistics/case-statistics';
import type { StatisticsFact } from '../statistics/statistics-tables';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Code-unit order, the same in every runtime and locale. */
const byFact = (a: StatisticsFact, b: StatisticsFact) =>
  byText(a.table, b.table) || byText(a.category, b.category) || a.year - b.year || a.quarter - b.quarter;

/**
 * A case's statistics row: the projection's state and, sorted, the facts the store counts (SQLite
 * counts a table of its own, MongoDB the document's list): a count changed behind the log's back is
 * a changed `counted`, whichever adapter. The projection's last position is left out: it is kept only
 * when the facts change, so it depends on how the events were batched, not on the log.
 */
export function caseStatisticsRow(
  caseId: string,
  state: CaseStatistics,
  counted: readonly StatisticsFact[],
): ReadModelRow {
  const fact = ({ table, category, year, quarter }: StatisticsFact) => ({ table, category, year, quarter });
  return {
    model: 'case-statistics',
    key: caseId,
    caseId,
    value: {
      services: state.services.map(({ serviceId, kind, agency }) => ({ serviceId, kind, agency })),
      handovers: state.handovers.map(({ handoverId, country }) => ({ handoverId, country })),
      ...(state.atRisk ? { atRisk: { ...state.atRisk } } : {}),
      facts: state.facts.map(fact),
      counted: [...counted].map(fact).sort(byFact),
      ...(state.secret ? { secret: true } : {}),
    },
  };
}

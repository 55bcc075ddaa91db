import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { categoryName, periodParts, tableTitleKey, type StatisticsTableName } from './category-names';

/** Categories and periods in the user's language: enum names, countries by Intl, quarters in words. */
export function useStatisticsNames() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return {
    table: (table: StatisticsTableName) => t(tableTitleKey(table)),
    category: (table: StatisticsTableName, category: string) => {
      const name = categoryName(table, category);
      if ('keys' in name) return t(name.keys);
      if ('country' in name) return format.country(name.country);
      return name.text;
    },
    list: (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items),
    period: (period: string) => {
      const { year, quarter } = periodParts(period);
      return quarter ? t('statistics.quarter', { year, quarter }) : year;
    },
  };
}

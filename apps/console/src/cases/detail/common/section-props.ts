import type { Schema } from '@nrm/api-client';

/** What every section of the case page gets: the case as shown, its revision (If-Match) and a reload. */
export interface SectionProps {
  view: Schema<'CaseView'>;
  revision: number;
  onReload: () => void;
}

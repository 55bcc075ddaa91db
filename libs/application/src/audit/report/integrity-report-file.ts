import type { IntegrityReportData } from './integrity-report-data';

/**
 * `integrity-report-<node>-<date>.html`, the date the report's (UTC). The node id is reduced to
 * characters safe in a Content-Disposition header and in any file system.
 */
export function integrityReportFileName(data: Pick<IntegrityReportData, 'node' | 'generatedAt'>): string {
  const node = data.node.id.replace(/[^A-Za-z0-9._-]/g, '-');
  return `integrity-report-${node}-${data.generatedAt.slice(0, 10)}.html`;
}

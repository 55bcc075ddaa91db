import { buildIntegrityReport, type BuildReportOptions } from './build-integrity-report';
import type { IntegrityReportData } from './integrity-report-data';
import { integrityReportFileName } from './integrity-report-file';
import type { IntegrityReportSources } from './integrity-report-sources';
import { renderIntegrityReport } from './render-integrity-report';
import { signIntegrityReport } from './sign-integrity-report';

export interface IntegrityReportFile {
  fileName: string;
  html: string;
  data: IntegrityReportData;
}

/** Gathers, signs and renders the report: what the API answers and the CLI writes. */
export async function produceIntegrityReport(
  sources: IntegrityReportSources,
  options: BuildReportOptions = {},
): Promise<IntegrityReportFile> {
  const data = await buildIntegrityReport(sources, options);
  return {
    fileName: integrityReportFileName(data),
    html: renderIntegrityReport(signIntegrityReport(data, sources.signer)),
    data,
  };
}

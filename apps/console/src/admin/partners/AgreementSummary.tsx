import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { PURPOSES } from './agreement';
import { FactsTable } from '../../layout/FactsTable';

/** The agreement in words, for those who may read it but not change it (auditors, or a removed partner). */
export function AgreementSummary({ agreement }: { agreement: Schema<'AgreementDto'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('admin.agreement.reference'), agreement.reference],
    ...PURPOSES.map((purpose): [string, string] => [
      t(`admin.agreement.purposes.${purpose}`),
      (agreement.fields[purpose] ?? []).map((field) => t(`admin.shareable.${field}`)).join(', ') || '—',
    ]),
    [t('admin.agreement.validUntil'), format.date(agreement.validUntil)],
  ];
  return <FactsTable rows={rows} />;
}

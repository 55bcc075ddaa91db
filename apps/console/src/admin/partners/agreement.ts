import type { Schema } from '@nrm/api-client';

type Agreement = Schema<'AgreementDto'>;
export const PURPOSES = ['return', 'reintegration', 'restriction'] as const;

/** The agreement as its form holds it: every purpose's list present, the end as a calendar date. */
export interface AgreementValues {
  reference: string;
  fields: Required<Agreement['fields']>;
  /** YYYY-MM-DD, or empty for no end. */
  validUntil: string;
}

export const emptyAgreement = (): AgreementValues => ({
  reference: '',
  fields: { return: [], reintegration: [], restriction: [] },
  validUntil: '',
});

export function agreementValues(agreement: Agreement): AgreementValues {
  return {
    reference: agreement.reference,
    fields: {
      return: agreement.fields.return ?? [],
      reintegration: agreement.fields.reintegration ?? [],
      restriction: agreement.fields.restriction ?? [],
    },
    validUntil: agreement.validUntil?.slice(0, 10) ?? '',
  };
}

/** The agreement to send: purposes without fields left out; the chosen date counts to its last second (UTC). */
export function agreementBody(values: AgreementValues): Agreement {
  const fields = Object.fromEntries(
    PURPOSES.filter((purpose) => values.fields[purpose].length > 0).map((purpose) => [
      purpose,
      values.fields[purpose],
    ]),
  ) as Agreement['fields'];
  return {
    reference: values.reference.trim(),
    fields,
    validUntil: values.validUntil ? `${values.validUntil}T23:59:59Z` : undefined,
  };
}

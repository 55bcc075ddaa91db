// Source: CoE Convention art. 11-12 and EU Directive 2011/36/EU art. 11 (informed consent, per purpose and recipient).
export const CONSENT_PURPOSES = [
  'assistance',
  'data_sharing',
  'law_enforcement_cooperation',
  'return',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

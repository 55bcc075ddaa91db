/**
 * Why a case is exported. The API takes any snake_case code (it records it in the access log and the
 * document) and names no list; these are the reasons the console offers, each named in the locales.
 */
export const EXPORT_PURPOSES = [
  'subject_access_request',
  'data_protection_inquiry',
  'audit',
  'legal_proceedings',
  'complaint_investigation',
] as const;

// Source: OSCE/ODIHR NRM handbook (2nd ed., 2022), case closure and follow-up: a closed case is taken up
// again when the person is re-trafficked or needs assistance again; IOM's case management practice (IOM
// Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse,
// 2019, case closure) reopens a case on new needs or new information. 'closed_in_error' corrects a
// closure recorded by mistake; 'other' with a note.
export const REOPENING_REASONS = [
  're_trafficking',
  'new_needs',
  'new_information',
  'closed_in_error',
  'other',
] as const;
export type ReopeningReason = (typeof REOPENING_REASONS)[number];

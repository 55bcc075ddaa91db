/**
 * Urgent alerts between countries. Source: Council of Europe Convention on Action against
 * Trafficking in Human Beings (CETS 197), art. 33(1): a Party that has reasonable grounds to believe
 * that a victim, a witness or a member of the victim's family is in immediate danger on the territory
 * of another Party transmits the information to that Party without delay, so that it can take
 * protective measures; and art. 28 (protection of victims, witnesses and their families, including
 * from retaliation and intimidation).
 */
export const URGENT_ALERT_SUBJECTS = ['victim', 'witness', 'family_member'] as const;
export type UrgentAlertSubject = (typeof URGENT_ALERT_SUBJECTS)[number];

/**
 * What the danger is. `re_trafficking_risk`: Convention art. 16(2) and 33; `retaliation`: art. 28
 * (intimidation and retaliation, notably during and after criminal proceedings); `abduction` and
 * `threat_of_violence`: police practice of urgent protection requests (Europol/EMPACT THB).
 */
export const URGENT_DANGERS = [
  'threat_of_violence',
  're_trafficking_risk',
  'retaliation',
  'abduction',
  'other',
] as const;
export type UrgentDanger = (typeof URGENT_DANGERS)[number];

import type { CountryCode } from '../../taxonomies/countries';
import {
  URGENT_ALERT_SUBJECTS,
  URGENT_DANGERS,
  type UrgentAlertSubject,
  type UrgentDanger,
} from '../../taxonomies/urgent-alerts';
import { IsCaseId, IsCountry, IsDateTime, IsOneOf, IsText, LIMITS } from '../field-rules';

/**
 * A victim, a witness or a family member is in immediate danger in another country: the partner node
 * of that country is alerted at once, outside any handover (Convention CETS 197, art. 33). The alert
 * carries codes only; whether it names the case to the partner is the bridge's decision under the
 * victim's consent (docs/transnational.md, "Urgent alerts").
 */
export class UrgentAlertRaisedData {
  /** Random; the alert's reference on both nodes (the envelope's subject), never the local case id. */
  @IsCaseId() alertId: string;
  @IsCountry() toCountry: CountryCode;
  @IsOneOf(URGENT_ALERT_SUBJECTS) subject: UrgentAlertSubject;
  @IsOneOf(URGENT_DANGERS) danger: UrgentDanger;
  @IsDateTime() raisedAt: string;
}
/** What the operator knows of the danger: stays on this node, never travels. */
export class UrgentAlertRaisedPersonal {
  @IsText(LIMITS.longText, true) note?: string;
}
export interface UrgentAlertRaised {
  type: 'UrgentAlertRaised';
  data: UrgentAlertRaisedData;
  personal?: UrgentAlertRaisedPersonal;
}

import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { URGENT_ALERT_SUBJECTS, URGENT_DANGERS } from '../taxonomies/urgent-alerts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Urgent alerts received from partner nodes (stream `alerts`, Convention CETS 197 art. 33): codes and
 * ids only, never a person's data. The message's own record is in the partner journal
 * (CrossBorderMessageReceived in `trm-<sender>`, same message id).
 */
export class UrgentAlertReceivedData {
  /** The alert's reference, the same on both nodes (the envelope's subject). */
  @Matches(UUID) alertId: string;
  @Matches(UUID) messageId: string;
  @IsString() @Length(1, 128) fromNode: string;
  @IsString() @Length(2, 2) fromCountry: string;
  @IsIn(URGENT_ALERT_SUBJECTS as readonly string[] as string[]) subject: string;
  @IsIn(URGENT_DANGERS as readonly string[] as string[]) danger: string;
  /** When the sender's operator raised it. */
  @IsString() raisedAt: string;
  /** When this node accepted it. */
  @IsString() receivedAt: string;
  /** This node's case the alert is about, when the sender's consent let it name the shared case. */
  @IsOptional() @Matches(UUID) caseId?: string;
}

/** An operator of this node took the alert in hand (who: the event's actor). */
export class UrgentAlertAcknowledgedData {
  @Matches(UUID) alertId: string;
  @IsString() acknowledgedAt: string;
}

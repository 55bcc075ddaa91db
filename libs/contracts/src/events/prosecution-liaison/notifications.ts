import {
  NOTIFIABLE_STEPS,
  NOTIFICATION_CHANNELS,
  type NotifiableStep,
  type NotificationChannel,
} from '../../taxonomies/prosecution';
import { IsCode, IsDate, IsOneOf } from '../field-rules';

/** The victim was told of a step of the proceedings (Directive 2012/29/EU art. 6, CoE Convention art. 12(2)). */
export class VictimNotifiedData {
  @IsOneOf(NOTIFIABLE_STEPS) step: NotifiableStep;
  /** The proceeding, hearing or compensation claim the step concerns. */
  @IsCode(true) relatesTo?: string;
  @IsOneOf(NOTIFICATION_CHANNELS) channel: NotificationChannel;
  @IsDate() notifiedAt: string;
}
export interface VictimNotified {
  type: 'VictimNotified';
  data: VictimNotifiedData;
}

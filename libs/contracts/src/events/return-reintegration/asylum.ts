import { ASYLUM_OUTCOMES, type AsylumOutcome } from '../../taxonomies/return';
import { IsDateTime, IsOneOf } from '../field-rules';

/**
 * The person applied for international protection in this country. From now on nothing about them
 * goes to the country of origin (non-refoulement; confidentiality of the asylum procedure).
 */
export class AsylumApplicationRecordedData {
  @IsDateTime() appliedAt: string;
}
export interface AsylumApplicationRecorded {
  type: 'AsylumApplicationRecorded';
  data: AsylumApplicationRecordedData;
}

/** Refused or withdrawn lifts the bar on contact; granted keeps it for good. */
export class AsylumApplicationClosedData {
  @IsOneOf(ASYLUM_OUTCOMES) outcome: AsylumOutcome;
}
export interface AsylumApplicationClosed {
  type: 'AsylumApplicationClosed';
  data: AsylumApplicationClosedData;
}

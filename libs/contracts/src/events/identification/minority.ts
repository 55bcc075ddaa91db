import { AGE_ASSESSMENT_METHODS, type AgeAssessmentMethod } from '../../taxonomies/identification';
import { IsFlag, IsOneOf, IsText, LIMITS } from '../field-rules';

export class AgeAssessedData {
  @IsFlag() presumedMinor: boolean;
  @IsOneOf(AGE_ASSESSMENT_METHODS) method: AgeAssessmentMethod;
}
export interface AgeAssessed {
  type: 'AgeAssessed';
  data: AgeAssessedData;
}

export class GuardianAppointedData {
  /**
   * Name of the appointing authority, as free text (e.g. "Child Protection Authority Chisinau").
   * An organisation, not a person: it is not personal data. The guardian's own name stays in personal.
   */
  @IsText(LIMITS.shortText) authority: string;
}
export class GuardianAppointedPersonal {
  @IsText(LIMITS.name) name: string;
}
export interface GuardianAppointed {
  type: 'GuardianAppointed';
  data: GuardianAppointedData;
  personal?: GuardianAppointedPersonal;
}

export class BestInterestsDeterminedData {
  /** Short outcome label; the reasoning about the child goes in personal.notes. */
  @IsText(LIMITS.shortText) outcome: string;
  @IsFlag(true) returnInBestInterests?: boolean;
}
export class BestInterestsDeterminedPersonal {
  @IsText(LIMITS.longText) notes: string;
}
export interface BestInterestsDetermined {
  type: 'BestInterestsDetermined';
  data: BestInterestsDeterminedData;
  personal?: BestInterestsDeterminedPersonal;
}

import { FORMS_OF_EXPLOITATION, type FormOfExploitation } from '../../taxonomies/exploitation';
import {
  DECIDING_BODIES,
  IDENTIFICATION_DECISIONS,
  type DecidingBody,
  type IdentificationDecision,
} from '../../taxonomies/identification';
import { IsListOf, IsOneOf, IsText, LIMITS } from '../field-rules';

export class IdentificationConcludedData {
  @IsOneOf(IDENTIFICATION_DECISIONS) status: IdentificationDecision;
  @IsOneOf(DECIDING_BODIES) decidingBody: DecidingBody;
  @IsListOf(FORMS_OF_EXPLOITATION) formsOfExploitation: FormOfExploitation[];
}
export class IdentificationConcludedPersonal {
  @IsText(LIMITS.longText) reasons: string;
}
export interface IdentificationConcluded {
  type: 'IdentificationConcluded';
  data: IdentificationConcludedData;
  personal?: IdentificationConcludedPersonal;
}

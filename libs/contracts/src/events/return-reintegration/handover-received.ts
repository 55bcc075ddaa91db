import type { CountryCode } from '../../taxonomies/countries';
import { FORMS_OF_EXPLOITATION, type FormOfExploitation } from '../../taxonomies/exploitation';
import { AGE_BANDS_OR_UNKNOWN, SEXES, type AgeBandOrUnknown, type Sex } from '../../taxonomies/person';
import { RISK_LEVELS, type RiskLevel } from '../../taxonomies/risk';
import { isCitizenship, type Citizenship } from '../identification/presumed-victim-registered';
import {
  IsCaseId,
  IsCode,
  IsCountry,
  IsDate,
  IsDateTime,
  IsFlag,
  IsListOf,
  IsOneOf,
  IsText,
  LIMITS,
  Satisfies,
} from '../field-rules';

/**
 * Opens a case in the country of origin: a partner node (country of destination) proposed a return
 * handover. Holds only what the partner sent, which consent and the data-sharing agreement allowed;
 * every field past the handover's own is optional for that reason.
 */
export class HandoverRequestReceivedData {
  @IsCaseId() caseId: string;
  @IsCode() handoverId: string;
  /** The reference both nodes use for this case; never the partner's local case id. */
  @IsCode() sharedCaseRef: string;
  @IsCountry() fromCountry: CountryCode;
  @IsCode() fromNode: string;
  @IsDateTime() responseDueAt: string;
  @IsDateTime() receivedAt: string;
  /** Empty when the agreement does not let them travel. */
  @IsListOf(FORMS_OF_EXPLOITATION) formsOfExploitation: FormOfExploitation[];
  @IsOneOf(SEXES, true) sex?: Sex;
  @Satisfies(
    'isCitizenship',
    (value) => value === undefined || isCitizenship(value),
    'citizenship must be an ISO 3166-1 alpha-2 code, stateless or unknown',
  )
  citizenship?: Citizenship;
  @IsOneOf(AGE_BANDS_OR_UNKNOWN, true) ageBand?: AgeBandOrUnknown;
  @IsFlag() presumedMinor: boolean;
  @IsFlag(true) guardianAppointed?: boolean;
  @IsFlag(true) bestInterestsDetermined?: boolean;
  @IsOneOf(RISK_LEVELS, true) returnRiskLevel?: RiskLevel;
}
export class HandoverRequestReceivedPersonal {
  @IsText(LIMITS.name, true) givenName?: string;
  @IsText(LIMITS.name, true) familyName?: string;
  @IsDate(true) dateOfBirth?: string;
}
export interface HandoverRequestReceived {
  type: 'HandoverRequestReceived';
  data: HandoverRequestReceivedData;
  personal?: HandoverRequestReceivedPersonal;
}

/**
 * The partner that sent the case asks this node to restrict what it holds (GDPR art. 18): the
 * victim withdrew consent to share with this country. Nothing about the case is sent back any more.
 */
export class ProcessingRestrictionRequestedData {
  @IsCountry() byCountry: CountryCode;
  @IsCode() byNode: string;
  @IsDateTime() requestedAt: string;
}
export interface ProcessingRestrictionRequested {
  type: 'ProcessingRestrictionRequested';
  data: ProcessingRestrictionRequestedData;
}

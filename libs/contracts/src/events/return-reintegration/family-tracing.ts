import {
  FAMILY_REUNIFICATION_REFUSAL_REASONS,
  FAMILY_TRACING_OUTCOMES,
  type FamilyReunificationRefusalReason,
  type FamilyTracingOutcome,
} from '../../taxonomies/family';
import { IsCode, IsCountry, IsOneOf, IsText, LIMITS } from '../field-rules';
import type { CountryCode } from '../../taxonomies/countries';

/*
 * Family tracing and reunification on return. Every event names the member concerned in `data.memberId`:
 * its personal part is encrypted under that member's key (see family.ts of assistance).
 */

/** Tracing of a linked member's family (or of the member) in a country, usually the country of origin. */
export class FamilyTracingRequestedData {
  @IsCode() tracingId: string;
  @IsCode() memberId: string;
  @IsCountry() country: CountryCode;
}
export interface FamilyTracingRequested {
  type: 'FamilyTracingRequested';
  data: FamilyTracingRequestedData;
}

export class FamilyTracingConcludedData {
  @IsCode() tracingId: string;
  @IsCode() memberId: string;
  @IsOneOf(FAMILY_TRACING_OUTCOMES) outcome: FamilyTracingOutcome;
}
export class FamilyTracingConcludedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface FamilyTracingConcluded {
  type: 'FamilyTracingConcluded';
  data: FamilyTracingConcludedData;
  personal?: FamilyTracingConcludedPersonal;
}

/** The member was reunified with the family the tracing found. */
export class FamilyReunifiedData {
  @IsCode() tracingId: string;
  @IsCode() memberId: string;
}
export interface FamilyReunified {
  type: 'FamilyReunified';
  data: FamilyReunifiedData;
}

export class FamilyReunificationRefusedData {
  @IsCode() tracingId: string;
  @IsCode() memberId: string;
  @IsOneOf(FAMILY_REUNIFICATION_REFUSAL_REASONS) reason: FamilyReunificationRefusalReason;
}
export class FamilyReunificationRefusedPersonal {
  @IsText(LIMITS.longText, true) notes?: string;
}
export interface FamilyReunificationRefused {
  type: 'FamilyReunificationRefused';
  data: FamilyReunificationRefusedData;
  personal?: FamilyReunificationRefusedPersonal;
}

export type FamilyReturnEvent =
  FamilyTracingRequested | FamilyTracingConcluded | FamilyReunified | FamilyReunificationRefused;

import { IsCode, IsCodeList, IsCountry, IsOneOf, IsText, LIMITS } from '../events/field-rules';
import { AGENCY_KINDS } from '../taxonomies/agency-kinds';

/**
 * The organisation registries' events (stream `organisation`): the districts of the node's country,
 * the agencies that work in the referral mechanism and the multidisciplinary team of each district.
 * Their rules are the organisation decider's (@nrm/domain); the contracts guard the shapes. Nothing
 * here is personal: agencies and teams are institutions, named by their public names.
 */
export class DistrictRegisteredData {
  @IsCode() code: string;
  @IsText(LIMITS.name) name: string;
  @IsCountry() country: string;
}

export class AgencyRegisteredData {
  @IsCode() code: string;
  @IsText(LIMITS.name) name: string;
  @IsOneOf(AGENCY_KINDS) kind: string;
  @IsCode() district: string;
  @IsCountry() country: string;
}

/** Only the fields that changed. */
export class AgencyChangedData {
  @IsCode() code: string;
  @IsText(LIMITS.name, true) name?: string;
  @IsOneOf(AGENCY_KINDS, true) kind?: string;
  @IsCode(true) district?: string;
}

export class AgencyDeactivatedData {
  @IsCode() code: string;
}

export class TeamFormedData {
  @IsCode() code: string;
  @IsCode() district: string;
  @IsText(LIMITS.name) name: string;
  @IsCodeList() members: string[];
}

export class TeamMemberJoinedData {
  @IsCode() team: string;
  @IsCode() agency: string;
}

export class TeamMemberLeftData {
  @IsCode() team: string;
  @IsCode() agency: string;
}

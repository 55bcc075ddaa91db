import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, LIMITS, type AgencyKind } from '@nrm/contracts';
import { IsCode, IsCodeList, IsOneOf, IsText } from '@nrm/contracts/events/field-rules';
import { IsOptional } from 'class-validator';

const CODE = { maxLength: LIMITS.code, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' } as const;

export class RegisterDistrictDto {
  @ApiProperty({ ...CODE, example: 'MD-CU', description: 'The district’s code, unique on the node' })
  @IsCode()
  code: string;
  @ApiProperty({ maxLength: LIMITS.name, example: 'Chișinău' })
  @IsText(LIMITS.name)
  name: string;
}

export class DistrictView {
  @ApiProperty({ example: 'MD-CU' }) code: string;
  @ApiProperty({ example: 'Chișinău' }) name: string;
  @ApiProperty({ example: 'MD', description: 'The node’s country' }) country: string;
}

export class DistrictListView {
  @ApiProperty({ type: [DistrictView] }) items: DistrictView[];
}

export class RegisterAgencyDto {
  @ApiProperty({ ...CODE, example: 'police-cu', description: 'The agency’s code, unique on the node' })
  @IsCode()
  code: string;
  @ApiProperty({ maxLength: LIMITS.name, example: 'Police Inspectorate Centru' })
  @IsText(LIMITS.name)
  name: string;
  @ApiProperty({ enum: AGENCY_KINDS })
  @IsOneOf(AGENCY_KINDS)
  kind: AgencyKind;
  @ApiProperty({ ...CODE, example: 'MD-CU', description: 'A registered district' })
  @IsCode()
  district: string;
}

export class ChangeAgencyDto {
  @ApiPropertyOptional({ maxLength: LIMITS.name })
  @IsText(LIMITS.name, true)
  name?: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOneOf(AGENCY_KINDS, true)
  kind?: AgencyKind;
  @ApiPropertyOptional({ ...CODE, description: 'A registered district' })
  @IsCode(true)
  district?: string;
}

export class AgencyView {
  @ApiProperty({ example: 'police-cu' }) code: string;
  @ApiProperty({ example: 'Police Inspectorate Centru' }) name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ example: 'MD-CU' }) district: string;
  @ApiProperty({ example: 'MD' }) country: string;
  @ApiProperty({ description: 'False once deactivated: no user, team or case may name it any more' })
  active: boolean;
}

export class AgencyListView {
  @ApiProperty({ type: [AgencyView] }) items: AgencyView[];
}

export class FormTeamDto {
  @ApiProperty({ ...CODE, example: 'mdt-cu', description: 'The team’s code, unique on the node' })
  @IsCode()
  code: string;
  @ApiProperty({ ...CODE, example: 'MD-CU', description: 'A registered district' })
  @IsCode()
  district: string;
  @ApiProperty({ maxLength: LIMITS.name, example: 'Multidisciplinary team Centru' })
  @IsText(LIMITS.name)
  name: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: LIMITS.list,
    description: 'Registered active agencies; none when absent',
  })
  @IsOptional()
  @IsCodeList()
  members?: string[];
}

export class JoinTeamDto {
  @ApiProperty({ ...CODE, example: 'ngo-la-strada', description: 'A registered active agency' })
  @IsCode()
  agency: string;
}

export class TeamView {
  @ApiProperty({ example: 'mdt-cu' }) code: string;
  @ApiProperty({ example: 'MD-CU' }) district: string;
  @ApiProperty({ example: 'Multidisciplinary team Centru' }) name: string;
  @ApiProperty({ type: [String], description: 'Agency codes, in the order they joined' }) members: string[];
}

export class TeamListView {
  @ApiProperty({ type: [TeamView] }) items: TeamView[];
}

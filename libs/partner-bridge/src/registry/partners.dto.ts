import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@nrm/contracts';
import { IsCode, IsCountry, IsDateTime, IsListOf, IsText } from '@nrm/contracts/events/field-rules';
import { SHAREABLE_FIELDS, type ShareableField } from '@nrm/transnational';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUrl, Length, Matches, ValidateNested } from 'class-validator';

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/;
const PEM_LENGTH: [number, number] = [40, 1000];

export class AgreementFieldsDto {
  @ApiPropertyOptional({
    enum: SHAREABLE_FIELDS,
    isArray: true,
    description: 'Fields that may travel for return',
  })
  @IsOptional()
  @IsListOf(SHAREABLE_FIELDS, { max: SHAREABLE_FIELDS.length })
  return?: ShareableField[];
  @ApiPropertyOptional({
    enum: SHAREABLE_FIELDS,
    isArray: true,
    description: 'Fields shared back for reintegration',
  })
  @IsOptional()
  @IsListOf(SHAREABLE_FIELDS, { max: SHAREABLE_FIELDS.length })
  reintegration?: ShareableField[];
  @ApiPropertyOptional({ enum: SHAREABLE_FIELDS, isArray: true })
  @IsOptional()
  @IsListOf(SHAREABLE_FIELDS, { max: SHAREABLE_FIELDS.length })
  restriction?: ShareableField[];
}

export class AgreementDto {
  @ApiProperty({ example: 'MoU DE-MD 2026/1', description: 'Treaty, MoU or SOP reference' })
  @IsText(LIMITS.shortText)
  reference: string;
  @ApiProperty({ type: AgreementFieldsDto, description: 'Which fields may travel for which purpose' })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementFieldsDto)
  fields: AgreementFieldsDto;
  @ApiPropertyOptional({ description: 'Nothing is shared under it after this moment' })
  @IsDateTime(true)
  validUntil?: string;
}

export class RegisterPartnerDto {
  @ApiProperty({ example: 'nrm-md' }) @IsCode() nodeId: string;
  @ApiProperty({ example: 'MD' }) @IsCountry() country: string;
  @ApiProperty({ description: 'Ed25519 public key (SPKI PEM): verifies its messages and checkpoints' })
  @IsString()
  @Length(...PEM_LENGTH)
  @Matches(PEM, { message: 'publicKeyPem must be an SPKI PEM public key' })
  publicKeyPem: string;
  @ApiProperty({ description: 'X25519 public key (SPKI PEM): payloads are sealed to it' })
  @IsString()
  @Length(...PEM_LENGTH)
  @Matches(PEM, { message: 'encryptionKeyPem must be an SPKI PEM public key' })
  encryptionKeyPem: string;
  @ApiPropertyOptional({
    example: 'https://nrm.gov.md',
    description: 'Base URL of its node (HTTP transport)',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @Length(1, 300)
  endpoint?: string;
  @ApiProperty({ type: AgreementDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement: AgreementDto;
}

export class UpdatePartnerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(...PEM_LENGTH)
  @Matches(PEM, { message: 'publicKeyPem must be an SPKI PEM public key' })
  publicKeyPem?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(...PEM_LENGTH)
  @Matches(PEM, { message: 'encryptionKeyPem must be an SPKI PEM public key' })
  encryptionKeyPem?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @Length(1, 300)
  endpoint?: string;
  @ApiPropertyOptional({ type: AgreementDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement?: AgreementDto;
}

export class PartnerReasonDto {
  @ApiProperty({ example: 'agreement ended', maxLength: LIMITS.shortText })
  @IsText(LIMITS.shortText)
  reason: string;
}

export class PartnerView {
  @ApiProperty() nodeId: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ['active', 'held', 'removed'] }) status: string;
  @ApiProperty() publicKeyPem: string;
  @ApiProperty() encryptionKeyPem: string;
  @ApiPropertyOptional() endpoint?: string;
  @ApiProperty({ type: AgreementDto }) agreement: AgreementDto;
}

export class NodeIdentityView {
  @ApiProperty() nodeId: string;
  @ApiProperty() country: string;
  @ApiProperty({ description: 'Give this to partners: it verifies this node’s messages and checkpoints' })
  publicKeyPem: string;
  @ApiProperty({ description: 'Give this to partners: they seal payloads to it' })
  encryptionKeyPem: string;
  @ApiProperty() keyId: string;
}

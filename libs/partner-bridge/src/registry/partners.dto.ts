import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@nrm/contracts';
import { IsCountry, IsDateTime, IsListOf, IsText } from '@nrm/contracts/events/field-rules';
import { PARTNER_NODE_ID, SHAREABLE_FIELDS, type ShareableField } from '@nrm/transnational';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/;
const PEM_LENGTH: [number, number] = [40, 1000];

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LABEL = '[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*';
const PORT = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3}|0)';
/**
 * A partner's base URL: http(s), a host (an IPv4 address, or an ASCII DNS name whose last label starts
 * with a letter, so that it can never read as a malformed address), an optional port and path; no
 * credentials, query or fragment. Every URL it admits is one the transport can parse, and the OpenAPI
 * document publishes this very pattern.
 */
const ENDPOINT = new RegExp(
  `^https?://(?:${OCTET}(?:\\.${OCTET}){3}|(?:${LABEL}\\.)*[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)` +
    `(?::${PORT})?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$`,
);
const ENDPOINT_MESSAGE = 'endpoint must be an http(s) URL without credentials, query or fragment';

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
  @ApiProperty({ example: 'MoU MD-RO 2026/1', description: 'Treaty, MoU or SOP reference' })
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
  @ApiProperty({ example: 'nrm-ro' })
  @IsString()
  @Matches(PARTNER_NODE_ID, { message: 'nodeId must be 2-63 lower-case letters, digits, ".", "_" or "-"' })
  nodeId: string;
  @ApiProperty({ example: 'RO' }) @IsCountry() country: string;
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
    example: 'https://nrm.gov.ro',
    description: 'Base URL of its node (HTTP transport)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(ENDPOINT, { message: ENDPOINT_MESSAGE })
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
  @IsString()
  @Length(1, 300)
  @Matches(ENDPOINT, { message: ENDPOINT_MESSAGE })
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

/** A checkpoint the partner signed: "my log had `size` events with this root". */
export class PartnerCheckpointView {
  @ApiProperty({ description: 'The node id whose log this is' }) origin: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'Tree root, lowercase hex' }) root: string;
  @ApiProperty({ description: 'base64 Ed25519 signature by the partner' }) signature: string;
  @ApiProperty() keyId: string;
}

/** Why witnessing held a partner: two checkpoints it signed that cannot both be true. */
export class PartnerHoldView {
  @ApiProperty({ example: 'rewritten' }) reason: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({
    type: PartnerCheckpointView,
    description: 'What this node had witnessed of its log before',
  })
  previous?: PartnerCheckpointView;
  @ApiProperty({ type: PartnerCheckpointView, description: 'What it presented that does not extend it' })
  presented: PartnerCheckpointView;
}

export class PartnerView {
  @ApiProperty() nodeId: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: ['active', 'held', 'removed'] }) status: string;
  @ApiProperty() publicKeyPem: string;
  @ApiProperty() encryptionKeyPem: string;
  @ApiPropertyOptional() endpoint?: string;
  @ApiProperty({ type: AgreementDto }) agreement: AgreementDto;
  @ApiPropertyOptional({
    type: PartnerHoldView,
    description: 'Only while held: the evidence an admin investigates before releasing it',
  })
  hold?: PartnerHoldView;
}

export class PartnerListView {
  @ApiProperty({ type: [PartnerView] }) items: PartnerView[];
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

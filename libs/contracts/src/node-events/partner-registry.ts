import { IsObject, IsOptional, IsString, Length } from 'class-validator';

/**
 * The partner registry's events (stream `partners`). Their content is decided and checked by the
 * registry's decider (keys parsed, agreement fields within the shareable list); the contract guards
 * the envelope's shape so that nothing else is ever written under these types.
 */
class PartnerRef {
  @IsString() @Length(1, 128) nodeId: string;
}

export class PartnerRegisteredData extends PartnerRef {
  @IsString() @Length(2, 2) country: string;
  @IsString() publicKeyPem: string;
  @IsString() encryptionKeyPem: string;
  @IsOptional() @IsString() endpoint?: string;
  @IsObject() agreement: object;
}

export class PartnerUpdatedData extends PartnerRef {
  @IsOptional() @IsString() publicKeyPem?: string;
  @IsOptional() @IsString() encryptionKeyPem?: string;
  @IsOptional() @IsString() endpoint?: string;
  @IsOptional() @IsObject() agreement?: object;
}

export class PartnerRemovedData extends PartnerRef {
  @IsString() @Length(1, 500) reason: string;
}

export class PartnerHeldData extends PartnerRef {
  @IsString() @Length(1, 500) reason: string;
  @IsString() detail: string;
  @IsOptional() @IsObject() previous?: object;
  @IsObject() presented: object;
}

export class PartnerReleasedData extends PartnerRef {
  @IsString() @Length(1, 500) reason: string;
  @IsOptional() @IsObject() baseline?: object;
}

import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';

/**
 * The partner bridge's journal (streams trm-<partner> and trm-unauthenticated): what crossed the
 * border, in which direction, with which verdict. Ids, kinds and digests only, never a person's data.
 */
export class CrossBorderLinkOpenedData {
  @IsString() @Length(1, 128) sharedCaseRef: string;
  @IsString() handoverId: string;
  @IsString() caseId: string;
  @IsString() partnerNodeId: string;
  @IsString() @Length(2, 2) partnerCountry: string;
  @IsIn(['destination', 'origin']) side: string;
}

/** One line of the handover history as both nodes can compare it. */
export class CrossBorderMessageData {
  @IsOptional() @IsString() @Length(1, 128) messageId?: string;
  @IsOptional() @IsString() kind?: string;
  @IsOptional() @IsString() @Length(1, 128) sharedCaseRef?: string;
  @IsOptional() @IsString() @Length(1, 128) partnerNodeId?: string;
  /** Refusals of unauthenticated messages name the sender the message claimed. */
  @IsOptional() @IsString() @Length(1, 128) claimedSender?: string;
  @IsIn(['outgoing', 'incoming']) direction: 'outgoing' | 'incoming';
  @IsOptional() @IsString() sentAt?: string;
  @IsOptional() @IsString() @Length(64, 64) digest?: string;
  @IsString() @Length(1, 200) outcome: string;
  @IsOptional() @IsString() @Length(0, 500) detail?: string;
  @IsOptional() @IsObject() checkpoint?: object;
  @IsOptional() @IsInt() @Min(0) attempts?: number;
  /** A withheld message names the local event type that stopped it (a consent withdrawn, an asylum application...). */
  @IsOptional() @IsString() @Length(1, 100) causedBy?: string;
}

export class CrossBorderMessageSentData extends CrossBorderMessageData {}
export class CrossBorderMessageReceivedData extends CrossBorderMessageData {}
export class CrossBorderMessageRefusedData extends CrossBorderMessageData {}
export class CrossBorderMessageWithheldData extends CrossBorderMessageData {}

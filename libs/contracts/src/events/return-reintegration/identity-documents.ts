import {
  DOCUMENT_REPLACEMENT_CHANNELS,
  IDENTITY_DOCUMENT_FOUND_STATUSES,
  IDENTITY_DOCUMENT_KINDS,
  type DocumentReplacementChannel,
  type IdentityDocumentFoundStatus,
  type IdentityDocumentKind,
} from '../../taxonomies/legal-status';
import { IsCode, IsDate, IsOneOf } from '../field-rules';

/**
 * An identity or travel document of the person and where it is. No document number is recorded (data
 * minimisation: the kind, status and expiry are what the case needs).
 */
export class IdentityDocumentRecordedData {
  @IsCode() documentId: string;
  @IsOneOf(IDENTITY_DOCUMENT_KINDS) kind: IdentityDocumentKind;
  @IsOneOf(IDENTITY_DOCUMENT_FOUND_STATUSES) status: IdentityDocumentFoundStatus;
  /** The last day it is valid, where known. */
  @IsDate(true) validUntil?: string;
}
export interface IdentityDocumentRecorded {
  type: 'IdentityDocumentRecorded';
  data: IdentityDocumentRecordedData;
}

/** A withheld or lost document is back with the person. */
export class IdentityDocumentRecoveredData {
  @IsCode() documentId: string;
  @IsDate(true) validUntil?: string;
}
export interface IdentityDocumentRecovered {
  type: 'IdentityDocumentRecovered';
  data: IdentityDocumentRecoveredData;
}

/** A replacement was requested: through the consulate of the country of origin or another authority. */
export class IdentityDocumentReplacementRequestedData {
  @IsCode() documentId: string;
  @IsOneOf(DOCUMENT_REPLACEMENT_CHANNELS) channel: DocumentReplacementChannel;
}
export interface IdentityDocumentReplacementRequested {
  type: 'IdentityDocumentReplacementRequested';
  data: IdentityDocumentReplacementRequestedData;
}

/** The replacement was issued, valid until the end of `validUntil`. */
export class IdentityDocumentIssuedData {
  @IsCode() documentId: string;
  @IsDate() validUntil: string;
}
export interface IdentityDocumentIssued {
  type: 'IdentityDocumentIssued';
  data: IdentityDocumentIssuedData;
}

/**
 * The person's identity and travel documents (CoE Convention art. 16(3)-(4)): withheld by the exploiter,
 * lost, recovered, replaced; a return journey needs a valid one.
 */
import {
  TRAVEL_DOCUMENT_KINDS,
  type CaseEvent,
  type DocumentReplacementChannel,
  type IdentityDocumentFoundStatus,
  type IdentityDocumentKind,
  type IdentityDocumentStatus,
  type ReturnReintegrationEvent,
} from '@nrm/contracts';
import { defined, type CommandBase } from '../shared/command';
import { requireIdentity } from '../shared/identity';
import { requireTransition } from '../shared/lifecycle';
import { RuleViolation } from '../shared/rule-violation';
import { requireNoAsylumBar } from './asylum-bar';
import { endOfDay } from './legal-status';
import type { AsylumStatus } from './state';

export interface RecordIdentityDocument extends CommandBase<'RecordIdentityDocument'> {
  documentId: string;
  kind: IdentityDocumentKind;
  status: IdentityDocumentFoundStatus;
  /** YYYY-MM-DD, the last day of validity, where known. */
  validUntil?: string;
}
export interface RecoverIdentityDocument extends CommandBase<'RecoverIdentityDocument'> {
  documentId: string;
  validUntil?: string;
}
export interface RequestDocumentReplacement extends CommandBase<'RequestDocumentReplacement'> {
  documentId: string;
  channel: DocumentReplacementChannel;
}
export interface IssueIdentityDocument extends CommandBase<'IssueIdentityDocument'> {
  documentId: string;
  validUntil: string;
}

export type DocumentCommand =
  RecordIdentityDocument | RecoverIdentityDocument | RequestDocumentReplacement | IssueIdentityDocument;

export const DOCUMENT_COMMAND_TYPES = [
  'RecordIdentityDocument',
  'RecoverIdentityDocument',
  'RequestDocumentReplacement',
  'IssueIdentityDocument',
] as const satisfies readonly DocumentCommand['type'][];

export interface IdentityDocumentState {
  kind: IdentityDocumentKind;
  status: IdentityDocumentStatus;
  validUntil?: string;
}
export type IdentityDocuments = Readonly<Record<string, IdentityDocumentState>>;

function documentIn(
  documents: IdentityDocuments,
  documentId: string,
  expected: readonly IdentityDocumentStatus[],
): IdentityDocumentState {
  const document = documents[documentId];
  requireTransition(document, `no document ${documentId} in this case`);
  requireTransition(
    expected.includes(document.status),
    `document ${documentId} is ${document.status}, expected ${expected.join(' or ')}`,
  );
  return document;
}

export function decideDocuments(
  command: DocumentCommand,
  state: { documents: IdentityDocuments; asylum: AsylumStatus; pseudonymous: boolean },
): ReturnReintegrationEvent[] {
  const { documents } = state;
  switch (command.type) {
    case 'RecordIdentityDocument':
      requireTransition(!documents[command.documentId], `document ${command.documentId} exists`);
      return [
        {
          type: 'IdentityDocumentRecorded',
          data: defined({
            documentId: command.documentId,
            kind: command.kind,
            status: command.status,
            validUntil: command.validUntil,
          }),
        },
      ];
    case 'RecoverIdentityDocument':
      documentIn(documents, command.documentId, ['withheld', 'lost']);
      return [
        {
          type: 'IdentityDocumentRecovered',
          data: defined({ documentId: command.documentId, validUntil: command.validUntil }),
        },
      ];
    case 'RequestDocumentReplacement':
      documentIn(documents, command.documentId, ['held', 'withheld', 'lost', 'recovered', 'issued']);
      // A replacement is issued in the person's name: a pseudonym is not enough.
      requireIdentity(state.pseudonymous, 'a travel-document replacement');
      // The consulate is the country of origin: no contact while asylum is pending or granted.
      if (command.channel === 'consulate') requireNoAsylumBar(state);
      return [
        {
          type: 'IdentityDocumentReplacementRequested',
          data: { documentId: command.documentId, channel: command.channel },
        },
      ];
    case 'IssueIdentityDocument':
      documentIn(documents, command.documentId, ['replacement_requested']);
      if (endOfDay(command.validUntil) <= Date.parse(command.at))
        throw new RuleViolation(
          'invalid-request',
          `validUntil (${command.validUntil}) must be after the issue`,
        );
      return [
        {
          type: 'IdentityDocumentIssued',
          data: { documentId: command.documentId, validUntil: command.validUntil },
        },
      ];
  }
}

export function evolveDocuments(documents: IdentityDocuments, event: CaseEvent): IdentityDocuments {
  const change = (documentId: string, update: Partial<IdentityDocumentState>): IdentityDocuments => {
    const current = documents[documentId];
    return current ? { ...documents, [documentId]: { ...current, ...update } } : documents;
  };
  switch (event.type) {
    case 'IdentityDocumentRecorded': {
      const { documentId, kind, status, validUntil } = event.data;
      return { ...documents, [documentId]: defined({ kind, status, validUntil }) };
    }
    case 'IdentityDocumentRecovered':
      return change(
        event.data.documentId,
        defined({ status: 'recovered' as const, validUntil: event.data.validUntil }),
      );
    case 'IdentityDocumentReplacementRequested':
      return change(event.data.documentId, { status: 'replacement_requested' });
    case 'IdentityDocumentIssued':
      return change(event.data.documentId, { status: 'issued', validUntil: event.data.validUntil });
    default:
      return documents;
  }
}

const USABLE: readonly IdentityDocumentStatus[] = ['held', 'recovered', 'issued'];

/** Whether the person holds an identity or travel document valid on `travelAt`. */
export function holdsValidTravelDocument(documents: IdentityDocuments, travelAt: string): boolean {
  const moment = Date.parse(travelAt);
  return Object.values(documents).some(
    (document) =>
      (TRAVEL_DOCUMENT_KINDS as readonly string[]).includes(document.kind) &&
      USABLE.includes(document.status) &&
      document.validUntil !== undefined &&
      endOfDay(document.validUntil) > moment,
  );
}

/** A return journey needs a passport, identity card or travel document the person holds, valid on the day. */
export function requireTravelDocuments(documents: IdentityDocuments, travelAt: string): void {
  if (!holdsValidTravelDocument(documents, travelAt)) {
    throw new RuleViolation(
      'travel-documents-required',
      'the person holds no identity or travel document (with its expiry recorded) valid on the travel date',
    );
  }
}

import type { CheckpointSigner } from '@nrm/event-store/integrity/checkpoint';
import { documentDigest, signDocument } from '@nrm/event-store/integrity/signed-document';
import {
  INTEGRITY_REPORT_FORMAT_VERSION,
  INTEGRITY_REPORT_KIND,
  type IntegrityReportData,
  type SignedIntegrityReport,
} from './integrity-report-data';

/** The report as the node signs it: everything in the embedded block but the signature. */
export type UnsignedIntegrityReport = Omit<SignedIntegrityReport, 'signature'>;

/** The data with the node key, signed as a whole under the kind `nrm-integrity-report`. */
export function signIntegrityReport(
  data: IntegrityReportData,
  signer: CheckpointSigner,
): SignedIntegrityReport {
  const unsigned: UnsignedIntegrityReport = {
    format: INTEGRITY_REPORT_KIND,
    formatVersion: INTEGRITY_REPORT_FORMAT_VERSION,
    data,
    publicKey: signer.publicKeyPem,
    publicKeyId: signer.keyId,
  };
  return { ...unsigned, signature: signDocument(INTEGRITY_REPORT_KIND, unsigned, signer) };
}

/** SHA-256 (hex) of the block's canonical JSON without the signature: what the signature covers. */
export function integrityReportDigest(report: SignedIntegrityReport): string {
  const { signature: _signature, ...unsigned } = report;
  return documentDigest(unsigned);
}

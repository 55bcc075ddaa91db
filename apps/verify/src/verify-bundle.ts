import { isObject, Json, UnreadableBundleError } from './bundle-shape';
import { embeddedReportJson } from './embedded-report';
import { GivenKey } from './signer-key';
import { verifyCaseExport } from './verify-case-export';
import { verifyIntegrityReport } from './verify-integrity-report';
import { verifyConsistencyProof, verifyEventProof } from './verify-log-proofs';
import { VerificationReport } from './verification-report';

/** The formats nrm-verify reads, by their `format` member. */
const VERIFIERS = {
  'nrm-case-export': verifyCaseExport,
  'nrm-event-proof': verifyEventProof,
  'nrm-consistency-proof': verifyConsistencyProof,
  'nrm-integrity-report': (document: Json, file: string, given?: GivenKey) =>
    verifyIntegrityReport(document, file, given),
} as const;

/**
 * Verifies a bundle's text: JSON of a known format, or an HTML integrity report (its embedded signed
 * data, and its visible text against it); UnreadableBundleError otherwise.
 */
export function verifyBundle(text: string, file: string, given?: GivenKey): VerificationReport {
  const embedded = embeddedReportJson(text, file);
  let document: unknown;
  try {
    document = JSON.parse(embedded ?? text);
  } catch {
    throw new UnreadableBundleError(
      `${file} is not JSON${embedded === undefined ? '' : ' in its report block'}`,
    );
  }
  if (embedded !== undefined) {
    if (!isObject(document) || document.format !== 'nrm-integrity-report') {
      throw new UnreadableBundleError(`${file} embeds a block that is not an nrm-integrity-report`);
    }
    return verifyIntegrityReport(document, file, given, text);
  }
  const format = isObject(document) ? document.format : undefined;
  if (!isObject(document) || typeof format !== 'string' || !(format in VERIFIERS)) {
    throw new UnreadableBundleError(
      `${file} is not a bundle nrm-verify knows (format ${Object.keys(VERIFIERS).join(', ')})`,
    );
  }
  return VERIFIERS[format as keyof typeof VERIFIERS](document, file, given);
}

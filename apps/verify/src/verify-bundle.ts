import { isObject, UnreadableBundleError } from './bundle-shape';
import { GivenKey } from './signer-key';
import { verifyCaseExport } from './verify-case-export';
import { verifyConsistencyProof, verifyEventProof } from './verify-log-proofs';
import { VerificationReport } from './verification-report';

/** The formats nrm-verify reads, by their `format` member. */
const VERIFIERS = {
  'nrm-case-export': verifyCaseExport,
  'nrm-event-proof': verifyEventProof,
  'nrm-consistency-proof': verifyConsistencyProof,
} as const;

/** Verifies a bundle's text; UnreadableBundleError when it is not JSON of a known format. */
export function verifyBundle(text: string, file: string, given?: GivenKey): VerificationReport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new UnreadableBundleError(`${file} is not JSON`);
  }
  const format = isObject(document) ? document.format : undefined;
  if (!isObject(document) || typeof format !== 'string' || !(format in VERIFIERS)) {
    throw new UnreadableBundleError(
      `${file} is not a bundle nrm-verify knows (format ${Object.keys(VERIFIERS).join(', ')})`,
    );
  }
  return VERIFIERS[format as keyof typeof VERIFIERS](document, file, given);
}

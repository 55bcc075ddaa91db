import type { SignedIntegrityReport } from '@nrm/application/audit/report/integrity-report-data';
import { renderIntegrityReport } from '@nrm/application/audit/report/render-integrity-report';
import { integrityReportDigest } from '@nrm/application/audit/report/sign-integrity-report';
import { verifyDocumentSignature } from '@nrm/event-store/integrity/signed-document';
import { isObject, Json, objectAt, stringAt } from './bundle-shape';
import { GivenKey, keyToCheckWith } from './signer-key';
import { Findings, VerificationReport } from './verification-report';

/** The kind the node signs an integrity report as (INTEGRITY_REPORT_KIND). */
const INTEGRITY_REPORT = 'nrm-integrity-report';

/**
 * An integrity report (the JSON block of the HTML file, or that block saved alone): the node's signature
 * over its data, the key, and, for the HTML, that the text a reader sees or prints is what the signed
 * data renders to. What the report states about the log (valid or not) is reported, not judged here.
 */
export function verifyIntegrityReport(
  document: Json,
  file: string,
  given?: GivenKey,
  html?: string,
): VerificationReport {
  const findings = new Findings();
  const data = objectAt(document, 'data');
  const node = isObject(data.node) ? String(data.node.id) : '(unnamed node)';
  const generatedAt = stringAt(document, 'data.generatedAt');
  findings.check(
    document.formatVersion === 1,
    'format version 1',
    `format version ${String(document.formatVersion)} is not one this nrm-verify knows (1)`,
  );
  const key = keyToCheckWith(document, given, findings);
  const { signature, ...unsigned } = document;
  if (key) {
    findings.check(
      typeof signature === 'string' && verifyDocumentSignature(INTEGRITY_REPORT, unsigned, signature, key),
      `the node signed this report's data as it is (SHA-256 ${integrityReportDigest(document as unknown as SignedIntegrityReport)}: compare a printed copy)`,
      typeof signature === 'string'
        ? "the report's signature does not verify: its data was changed after the node issued it, or another key signed it"
        : 'the report carries no signature',
    );
  }
  if (html !== undefined) {
    findings.check(
      safeRender(document) === html.replace(/\r\n/g, '\n'),
      'the visible report is exactly what its signed data renders to',
      'the visible text of the report differs from what its signed data renders to: it was changed after ' +
        'signing (or re-saved by a browser); rely on the signed data, not on the page',
    );
  }
  const verification = isObject(data.verification) ? data.verification : {};
  findings.notes.push(
    verification.valid === true
      ? `the report states that the node's log verified (${String(verification.size)} events) on ${generatedAt}`
      : `the report states that the node's log did NOT verify on ${generatedAt}: ${String(verification.reason)} at position ${String(verification.firstInvalidPosition)}`,
  );
  return findings.report(file, `integrity report of node ${node}, ${generatedAt}`);
}

/** What the node would have written for this data; undefined when the data is not renderable. */
function safeRender(document: Json): string | undefined {
  try {
    return renderIntegrityReport(document as unknown as SignedIntegrityReport);
  } catch {
    return undefined;
  }
}

import { Ed25519Signer, verifyDocumentSignature } from '@nrm/event-store';
import { REPORT_DATA_ELEMENT_ID } from './html-text';
import { reportDataFixture } from './integrity-report.fixture';
import { renderIntegrityReport } from './render-integrity-report';
import { integrityReportDigest, signIntegrityReport } from './sign-integrity-report';

const signer = Ed25519Signer.generate();

/** The text of the embedded block (its JSON), as a reader of the file finds it. */
const embedded = (html: string) =>
  html.match(
    new RegExp(`<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`),
  )?.[1];

describe('renderIntegrityReport', () => {
  const report = signIntegrityReport(reportDataFixture(), signer);
  const html = renderIntegrityReport(report);

  it('shows text as text: a hold detail or a legal basis holding markup is escaped', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('GDPR art. 17 &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The one script element is the data block; nothing else runs or loads.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\ssrc=|\shref=|@import|url\(/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('embeds the signed data, intact, in a block no string can end early', () => {
    const block = embedded(html);
    expect(block).toBeDefined();
    expect(block).not.toContain('</');
    const parsed = JSON.parse(block as string);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    const { signature, ...unsigned } = parsed;
    expect(verifyDocumentSignature('nrm-integrity-report', unsigned, signature, signer.publicKeyPem)).toBe(
      true,
    );
  });

  it('states the digest and the key id in the visible text, and each part of the report', () => {
    expect(html).toContain(integrityReportDigest(report));
    expect(html).toContain(signer.keyId);
    for (const part of [
      'The log and its head',
      'Checkpoint chain',
      'Verification',
      'Partner witnessing',
      'Access log',
      'Erasures',
      'Replay audit',
    ]) {
      expect(html).toContain(part);
    }
    expect(html).toContain('The log verifies');
    expect(html).toContain('<td class="num">4</td>');
    expect(html).toContain(
      'Not run in this report: on the stopped node, <code>npm run cli -- audit report --replay</code> includes it',
    );
    expect(html).toMatch(/@media print/);
  });

  it('says plainly when the log does not verify, and shows a replay audit that was run', () => {
    const failed = renderIntegrityReport(
      signIntegrityReport(
        reportDataFixture({
          verification: {
            valid: false,
            size: 42,
            root: 'f'.repeat(64),
            checkpointSize: 42,
            requireSignedHead: true,
            firstInvalidPosition: 17,
            reason: 'changed',
            detail: 'event 17 differs',
          },
          replay: {
            performedAt: '2026-03-02T11:30:00.000Z',
            equal: false,
            comparedRows: 120,
            differences: [{ model: 'cases', key: 'k<1>', kind: 'changed', fields: ['stage'] }],
          },
        }),
        signer,
      ),
    );
    expect(failed).toContain('THE LOG DOES NOT VERIFY');
    expect(failed).toContain('event 17 differs');
    expect(failed).toContain('DIFFER from the ones the node kept');
    expect(failed).toContain('<td>k&lt;1&gt;</td>');
  });
});

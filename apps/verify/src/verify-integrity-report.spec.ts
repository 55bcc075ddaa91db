import { reportDataFixture } from '@nrm/application/audit/report/integrity-report.fixture';
import { renderIntegrityReport } from '@nrm/application/audit/report/render-integrity-report';
import { signIntegrityReport } from '@nrm/application/audit/report/sign-integrity-report';
import { Ed25519Signer } from '@nrm/event-store';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runVerify } from './main';

const signer = Ed25519Signer.generate();
const html = renderIntegrityReport(signIntegrityReport(reportDataFixture(), signer));

describe('nrm-verify on an HTML integrity report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-verify-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const verify = (text: string, ...options: string[]) => {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, text);
    const out = new PassThrough();
    const err = new PassThrough();
    const code = runVerify([file, ...options], out, err);
    return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
  };

  it('finds a report the node issued VALID, under the key id given, and states what the report says', () => {
    const result = verify(html, '--key', signer.keyId);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/integrity report of node nrm-md, 2026-03-02T12:00:00.000Z/);
    expect(result.out).toMatch(/ok {4}the node signed this report's data as it is \(SHA-256 [0-9a-f]{64}/);
    expect(result.out).toMatch(/ok {4}the visible report is exactly what its signed data renders to/);
    expect(result.out).toMatch(/note {2}the report states that the node's log verified \(42 events\)/);
    expect(result.out.trim().split('\n').pop()).toBe('VALID');
  });

  it('finds a changed number in the embedded data INVALID, naming the signature', () => {
    const changed = html.replace('"total": 5', '"total": 4');
    expect(changed).not.toBe(html);
    const result = verify(changed);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAIL {2}the report's signature does not verify/);
    expect(result.out).toMatch(/INVALID/);
  });

  it('finds a changed visible number INVALID even though the signed data is intact', () => {
    const changed = html.replace('<td class="num">4</td>', '<td class="num">3</td>');
    expect(changed).not.toBe(html);
    const result = verify(changed);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/ok {4}the node signed this report's data as it is/);
    expect(result.out).toMatch(
      /FAIL {2}the visible text of the report differs from what its signed data renders to/,
    );
  });

  it('finds a report under another key INVALID when the node key is given', () => {
    const result = verify(html, '--key', Ed25519Signer.generate().keyId);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /FAIL {2}the document was issued under key [0-9a-f]{16}, not the node key you gave/,
    );
  });

  it('refuses an HTML file with two report blocks, and one with none, as no verdict', () => {
    const block = html.slice(html.indexOf('<script type="application/json"'), html.indexOf('</script>') + 9);
    expect(verify(html.replace('</body>', `${block}</body>`))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/embeds 2 integrity reports/),
    });
    expect(verify('<!doctype html><p>hello</p>')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/is not JSON/),
    });
  });
});

import type { SignedIntegrityReport } from '@nrm/application/audit/report/integrity-report-data';
import { Ed25519Signer } from '@nrm/event-store/integrity';
import { generateNodeEncryptionKey } from '@nrm/transnational';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../../apps/verify/src/main';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/** The embedded signed data of an HTML report. */
function embedded(html: string): SignedIntegrityReport {
  const block = html.match(/<script type="application\/json" id="nrm-integrity-report">([\s\S]*?)<\/script>/);
  if (!block) throw new Error('no embedded report');
  return JSON.parse(block[1]) as SignedIntegrityReport;
}

/** GET /api/audit/report: the signed, printable integrity report, through a real node. */
describe('integrity report (HTTP)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-report-'));
  let node: NodeHarness;
  let erasedCase: string;
  let keptCase: string;

  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_NODE_ID: 'nrm-de', NRM_NODE_COUNTRY: 'DE' });
    await node.withUsers(ALL_OPERATOR_ROLES);
    const register = async () => {
      const caseId = (
        await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
      ).body.caseId as string;
      // The victim consents to assistance: the case manager's reads of the person.
      await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: { purpose: 'assistance', granted: true },
      });
      return caseId;
    };
    erasedCase = await register();
    keptCase = await register();
    // Three reads of personal data: two by the case manager, one by the identification officer.
    for (const [as, caseId] of [
      ['case_manager', keptCase],
      ['case_manager', erasedCase],
      ['identification_officer', keptCase],
    ]) {
      expect((await node.request('GET', `/api/cases/${caseId}`, { as })).status).toBe(200);
    }
    const erased = await node.request('POST', `/api/cases/${erasedCase}/erasure`, {
      as: 'admin',
      body: { legalBasis: 'GDPR art. 17(1)(a) <request 2026/7>' },
    });
    expect(erased.status).toBe(201);
    const partner = await node.request('POST', '/api/partners', {
      as: 'admin',
      body: {
        nodeId: 'nrm-md',
        country: 'MD',
        publicKeyPem: Ed25519Signer.generate().publicKeyPem,
        encryptionKeyPem: generateNodeEncryptionKey().publicKeyPem,
        endpoint: 'https://nrm.gov.md',
        agreement: { reference: 'MoU DE-MD 2026/1', fields: { return: [] } },
      },
    });
    expect(partner.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the auditor a signed HTML download: sizes, reads by purpose and role, the erasure without the person', async () => {
    const res = await node.request('GET', '/api/audit/report', { as: 'auditor' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="integrity-report-nrm-de-${today}.html"`,
    );
    const html = res.body as string;
    const report = embedded(html);
    const head = (await node.request('GET', '/api/audit/checkpoint', { as: 'auditor' })).body.checkpoint;
    const accessLog = (await node.request('GET', '/api/audit/access-log', { as: 'auditor' })).body;

    expect(report).toMatchObject({ format: 'nrm-integrity-report', formatVersion: 1 });
    const { data } = report;
    expect(data.node).toEqual({ id: 'nrm-de', country: 'DE' });
    expect(data.verification).toMatchObject({ valid: true });
    // The report was generated before the access-log question above: the head may only have grown since.
    expect(data.log.head?.size).toBeLessThanOrEqual(head.size);
    expect(data.log.size).toBe(data.log.head?.size);
    expect(html).toContain(`<td>${data.log.size}</td>`);
    expect(html).toContain(data.log.head?.root as string);

    expect(data.accessLog.total).toBe(accessLog.total);
    const reads = (role: string) =>
      data.accessLog.byPurposeAndRole
        .filter((row: { role: string }) => row.role === role)
        .reduce((sum: number, row: { count: number }) => sum + row.count, 0);
    expect(reads('case_manager')).toBe(2);
    expect(reads('identification_officer')).toBeGreaterThanOrEqual(1);
    expect(data.accessLog.byChannel).toEqual([{ channel: 'api', count: accessLog.total }]);

    expect(data.erasures.count).toBe(1);
    expect(data.erasures.items[0]).toMatchObject({
      caseId: erasedCase,
      legalBasis: 'GDPR art. 17(1)(a) <request 2026/7>',
      actorRole: 'admin',
    });
    expect(html).toContain(erasedCase);
    expect(html).toContain('GDPR art. 17(1)(a) &lt;request 2026/7&gt;');
    expect(html).not.toMatch(/Vrabie|Ileana|1996-03-02/);

    expect(data.partners).toEqual([{ nodeId: 'nrm-md', country: 'MD', status: 'active' }]);
    expect(data.replay).toBeNull();
    expect(html).toContain('Not run in this report');

    // The embedded data verifies offline, and the page is what it renders to.
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    let text = '';
    const sink = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    expect(runVerify([file, '--key', head.keyId], sink, sink)).toBe(0);
    expect(text).toMatch(/\nVALID\n$/);
    writeFileSync(file, html.replace(`"total": ${accessLog.total}`, `"total": ${accessLog.total + 1}`));
    text = '';
    expect(runVerify([file], sink, sink)).toBe(1);
    expect(text).toMatch(/FAIL {2}the report's signature does not verify/);
  });

  it('is the auditor’s alone', async () => {
    for (const as of ['case_manager', 'identification_officer', 'admin']) {
      const res = await node.request('GET', '/api/audit/report', { as });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await node.request('GET', '/api/audit/report')).status).toBe(401);
  });
});

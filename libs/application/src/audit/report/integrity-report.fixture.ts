import type { IntegrityReportData } from './integrity-report-data';

/** A report's data as the builder makes it, for the renderer's and the verifier's tests. */
export function reportDataFixture(overrides: Partial<IntegrityReportData> = {}): IntegrityReportData {
  const head = { size: 42, root: 'c'.repeat(64), keyId: '1a2b3c4d5e6f7a8b' };
  return {
    node: { id: 'nrm-md', country: 'MD' },
    generatedAt: '2026-03-02T12:00:00.000Z',
    log: { size: 42, head },
    checkpoints: {
      count: 40,
      first: { size: 1, root: 'd'.repeat(64), keyId: head.keyId },
      latest: head,
      keys: [{ keyId: head.keyId, count: 40, fromSize: 1, toSize: 42 }],
      recent: [head],
    },
    verification: { valid: true, size: 42, root: head.root, checkpointSize: 42, requireSignedHead: true },
    partners: [
      {
        nodeId: 'nrm-de',
        country: 'DE',
        status: 'held',
        hold: { reason: 'inconsistent-history', detail: '<script>alert(1)</script>' },
        witnessed: { size: 9, root: 'e'.repeat(64), at: '2026-03-01T09:00:00.000Z' },
      },
    ],
    accessLog: {
      total: 5,
      from: '2026-03-01T08:00:00.000Z',
      to: '2026-03-02T11:00:00.000Z',
      byPurposeAndRole: [
        { purpose: 'case_management', role: 'case_manager', count: 4 },
        { purpose: 'subject_access_request', role: 'auditor', count: 1 },
      ],
      byChannel: [{ channel: 'api', count: 5 }],
    },
    erasures: {
      count: 1,
      items: [
        {
          caseId: '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11',
          at: '2026-03-02T10:00:00.000Z',
          legalBasis: 'GDPR art. 17 </script><script>alert("x")</script>',
          actorRole: 'admin',
          position: 40,
        },
      ],
    },
    replay: null,
    ...overrides,
  };
}

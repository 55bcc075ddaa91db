import { Ed25519Signer, SqliteEventStore, type AuditableLog, type NewEvent } from '@nrm/event-store';
import { randomUUID } from 'node:crypto';
import { buildIntegrityReport } from './build-integrity-report';
import type { IntegrityReportSources, PartnerState } from './integrity-report-sources';

const NODE = 'nrm-md';
const CASE_A = '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11';
const CASE_B = '5d0e3f3c-2c1b-4a7e-8f00-1e2d3c4b5a69';

function event(type: string, data: Record<string, unknown>, role = 'case_manager'): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    nodeId: NODE,
    actor: { userId: `user-${role}`, role },
    correlationId: randomUUID(),
    data,
  };
}

/** A node log holding two reads, an erasure and a message each way with partner nrm-de. */
async function nodeLog(signer: Ed25519Signer): Promise<SqliteEventStore> {
  const store = SqliteEventStore.open({ file: ':memory:', signer, origin: NODE });
  await store.append(`case-${CASE_A}`, [event('CaseRegistered', { caseId: CASE_A })], 'any');
  await store.append(
    `access-${CASE_A}`,
    [event('PersonalDataAccessed', { caseId: CASE_A, purpose: 'case_management', channel: 'api' })],
    'any',
  );
  await store.append(
    `access-${CASE_B}`,
    [event('PersonalDataAccessed', { caseId: CASE_B, purpose: 'case_management', channel: 'api' })],
    'any',
  );
  await store.append(
    `access-${CASE_A}`,
    [
      event(
        'PersonalDataAccessed',
        { caseId: CASE_A, purpose: 'subject_access_request', channel: 'cli' },
        'auditor',
      ),
    ],
    'any',
  );
  await store.append(
    `case-${CASE_A}`,
    [event('PersonalDataErased', { legalBasis: 'GDPR art. 17(1)(a)' }, 'admin')],
    'any',
  );
  await store.append(
    'trm-nrm-de',
    [
      event(
        'CrossBorderMessageReceived',
        {
          direction: 'incoming',
          outcome: 'accepted',
          checkpoint: { size: 7, root: 'a'.repeat(64) },
        },
        'partner_node',
      ),
      event(
        'CrossBorderMessageSent',
        {
          direction: 'outgoing',
          outcome: 'accepted',
          checkpoint: { size: 5, root: 'b'.repeat(64) },
        },
        'partner_bridge',
      ),
    ],
    'any',
  );
  return store;
}

const PARTNERS: PartnerState[] = [
  {
    nodeId: 'nrm-de',
    country: 'DE',
    status: 'active',
    witnessed: { size: 7, root: 'a'.repeat(64) },
    sent: { size: 5, root: 'b'.repeat(64) },
  },
  { nodeId: 'nrm-at', country: 'AT', status: 'held', hold: { reason: 'inconsistent', detail: 'forked' } },
];

function sources(log: AuditableLog, signer: Ed25519Signer): IntegrityReportSources {
  return {
    node: { id: NODE, country: 'MD' },
    log,
    signer,
    requireSignedHead: true,
    partners: async () => PARTNERS,
    now: () => new Date('2026-03-02T12:00:00Z'),
  };
}

describe('buildIntegrityReport', () => {
  const signer = Ed25519Signer.generate();

  it('states the log, its head and chain, a valid verification, and counts without names', async () => {
    const store = await nodeLog(signer);
    const progress: number[] = [];
    const data = await buildIntegrityReport(sources(store, signer), {
      onProgress: (read, total) => progress.push(read, total),
    });
    const head = await store.latestCheckpoint();
    expect(data.generatedAt).toBe('2026-03-02T12:00:00.000Z');
    expect(data.log).toEqual({ size: 7, head: { size: 7, root: head?.root, keyId: signer.keyId } });
    expect(data.checkpoints).toMatchObject({
      count: 6,
      first: { size: 1 },
      latest: { size: 7 },
      keys: [{ keyId: signer.keyId, count: 6, fromSize: 1, toSize: 7 }],
    });
    expect(data.verification).toMatchObject({
      valid: true,
      size: 7,
      checkpointSize: 7,
      requireSignedHead: true,
    });
    expect(progress).toEqual([7, 7]);
    expect(data.accessLog).toEqual({
      total: 3,
      from: expect.any(String),
      to: expect.any(String),
      byPurposeAndRole: [
        { purpose: 'case_management', role: 'case_manager', count: 2 },
        { purpose: 'subject_access_request', role: 'auditor', count: 1 },
      ],
      byChannel: [
        { channel: 'api', count: 2 },
        { channel: 'cli', count: 1 },
      ],
    });
    expect(data.erasures).toEqual({
      count: 1,
      items: [
        {
          caseId: CASE_A,
          at: expect.any(String),
          legalBasis: 'GDPR art. 17(1)(a)',
          actorRole: 'admin',
          position: 5,
        },
      ],
    });
    expect(data.replay).toBeNull();
    await store.close();
  });

  it('reports each partner: status, hold, the checkpoints kept each way and when they travelled', async () => {
    const store = await nodeLog(signer);
    const data = await buildIntegrityReport(sources(store, signer));
    const at = (await store.readStream('trm-nrm-de')).map((e) => e.recordedAt);
    expect(data.partners).toEqual([
      { nodeId: 'nrm-at', country: 'AT', status: 'held', hold: { reason: 'inconsistent', detail: 'forked' } },
      {
        nodeId: 'nrm-de',
        country: 'DE',
        status: 'active',
        witnessed: { size: 7, root: 'a'.repeat(64), at: at[0] },
        sent: { size: 5, root: 'b'.repeat(64), at: at[1] },
      },
    ]);
    await store.close();
  });

  it('records a changed event as an invalid log, and still counts the whole log', async () => {
    const store = await nodeLog(signer);
    // The second event's purpose rewritten in the database: its leaf no longer matches what was signed.
    const tampered: AuditableLog = Object.assign(Object.create(store) as AuditableLog, {
      readIntegrity: async (from: number | undefined, limit: number) =>
        (await store.readIntegrity(from, limit)).map((record) =>
          record.event.position === 2
            ? { ...record, event: { ...record.event, data: { ...record.event.data, purpose: 'other' } } }
            : record,
        ),
    });
    const data = await buildIntegrityReport(sources(tampered, signer));
    expect(data.verification).toMatchObject({ valid: false, firstInvalidPosition: 2 });
    expect(data.erasures.count).toBe(1);
    expect(data.accessLog.total).toBe(3);
    await store.close();
  });

  it('carries the replay audit result when one is given', async () => {
    const store = await nodeLog(signer);
    const replay = {
      performedAt: '2026-03-02T11:00:00.000Z',
      equal: false,
      comparedRows: 12,
      differences: [{ model: 'cases', key: CASE_A, kind: 'changed', fields: ['stage'] }],
    };
    expect((await buildIntegrityReport(sources(store, signer), { replay })).replay).toEqual(replay);
    await store.close();
  });
});

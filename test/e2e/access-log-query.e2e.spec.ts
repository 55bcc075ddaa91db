import type { Schema } from '@nrm/api-client';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/** The access log as an auditor pages through it: a time range and pages, with how many match in all. */
describe('GET /api/audit/access-log: time range and paging (HTTP)', () => {
  let node: NodeHarness;
  let caseId: string;
  let reads: Schema<'AccessLogEntry'>[];

  const accessLog = async (query: string) =>
    node.request('GET', `/api/audit/access-log?caseId=${caseId}&${query}`, { as: 'auditor' });

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = (await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION }))
      .body.caseId;
    // The victim consents to assistance: the case manager's reads of the person.
    await node.request('POST', `/api/cases/${caseId}/consents`, {
      as: 'identification_officer',
      body: { purpose: 'assistance', granted: true },
    });
    for (const purpose of ['assistance_planning', 'case_work', 'audit']) {
      await node.request('GET', `/api/cases/${caseId}?purpose=${purpose}`, { as: 'case_manager' });
    }
    reads = (await accessLog('')).body.items;
  });
  afterAll(() => node.stop());

  it('answers every match with its total when no page is asked for, as before', async () => {
    expect(reads.map((read) => read.purpose)).toEqual(['assistance_planning', 'case_work', 'audit']);
    expect((await accessLog('')).body.total).toBe(3);
  });

  it('pages oldest first and counts every match', async () => {
    const first = await accessLog('page=1&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ items: reads.slice(0, 2), total: 3 });
    expect((await accessLog('page=2&pageSize=2')).body).toEqual({ items: reads.slice(2), total: 3 });
    expect((await accessLog('page=3&pageSize=2')).body).toEqual({ items: [], total: 3 });
  });

  it('keeps reads from `from` on and before `to`, in any offset, a date meaning midnight UTC', async () => {
    const second = reads[1]!.at;
    expect((await accessLog(`from=${encodeURIComponent(second)}`)).body).toEqual({
      items: reads.slice(1),
      total: 2,
    });
    expect((await accessLog(`to=${encodeURIComponent(second)}`)).body.items).toEqual(reads.slice(0, 1));
    // The same instant written with an offset.
    const shifted = new Date(second).toISOString().replace('Z', '+00:00');
    expect((await accessLog(`from=${encodeURIComponent(shifted)}`)).body.total).toBe(2);
    const tomorrow = new Date(Date.parse(reads[2]!.at) + 86_400_000).toISOString().slice(0, 10);
    expect((await accessLog(`to=${tomorrow}`)).body.total).toBe(3);
    expect((await accessLog(`from=${tomorrow}`)).body.total).toBe(0);
  });

  it('refuses a local time, a date that does not exist and a page out of range, naming the field', async () => {
    for (const query of [
      'from=2026-01-01T10:00',
      'to=2026-02-30',
      'from=yesterday',
      'page=0',
      'pageSize=501',
    ]) {
      const answer = await accessLog(query);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      const field = query.split('=')[0];
      expect(JSON.stringify(answer.body.errors)).toContain(field);
    }
  });
});

import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';
import { earlyLastYear, LAST_YEAR, seedRegistrations } from '../support/statistics-seed';
import { eventually } from '../support/two-nodes';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Cell {
  value: number | null;
  suppressed: boolean;
}
interface Table {
  name: string;
  rows: { category: string; cells: Cell[] }[];
  totals: Cell[];
}

/** GET /api/statistics through a real node, on registrations recorded last year (a closed year). */
describe('statistics (HTTP)', () => {
  jest.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'nrm-statistics-'));
  let node: NodeHarness;

  const get = (query: string, as = 'analyst') => node.request('GET', `/api/statistics${query}`, { as });
  const tableOf = (body: { tables: Table[] }, name: string) => body.tables.find((t) => t.name === name)!;
  const row = (table: Table, category: string) => table.rows.find((r) => r.category === category)!;

  beforeAll(async () => {
    node = await NodeHarness.start({}, dataDir);
    await node.withUsers([...ALL_OPERATOR_ROLES, 'analyst']);
    const tokens = new Map(node.tokens);
    await node.stop();
    // 12 women and 3 men from Moldova, 1 man from Nigeria, in last year's first quarter.
    await seedRegistrations(node.config, [
      ...earlyLastYear(12, 'female'),
      ...earlyLastYear(3, 'male'),
      ...earlyLastYear(1, 'male', 'NG'),
    ]);
    node = await NodeHarness.start({}, dataDir);
    for (const [name, token] of tokens) node.tokens.set(name, token);
    await eventually('the statistics projection to catch up', async () => {
      const res = await get(`?from=${LAST_YEAR}`);
      return tableOf(res.body, 'registrations-by-sex')?.totals[0].value === 16 ? true : undefined;
    });
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers analysts, auditors and admins, and refuses (403) every other role', async () => {
    for (const role of ['analyst', 'auditor', 'admin']) expect((await get('', role)).status).toBe(200);
    for (const role of ['identification_officer', 'case_manager', 'return_officer', 'prosecution_liaison']) {
      expect((await get('', role)).status).toBe(403);
    }
    expect((await node.request('GET', '/api/statistics')).status).toBe(401);
  });

  it('refuses the analyst every case route: no case, no personal data', async () => {
    const caseId = (
      await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION })
    ).body.caseId;
    for (const url of [
      '/api/cases',
      '/api/cases/summary',
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/events`,
    ]) {
      expect({ url, status: (await node.request('GET', url, { as: 'analyst' })).status }).toEqual({
        url,
        status: 403,
      });
    }
  });

  it('states the method, and publishes counts of 11 and more while suppressing those below', async () => {
    const res = await get(`?period=quarter&from=${LAST_YEAR}&to=${LAST_YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.method.threshold).toBe(11);
    expect(res.body.periods).toEqual([1, 2, 3, 4].map((q) => `${LAST_YEAR}-Q${q}`));
    const bySex = tableOf(res.body, 'registrations-by-sex');
    // 4 men: suppressed; 12 women would then be 16 - 12: suppressed too (complementary).
    expect(row(bySex, 'male').cells[0]).toEqual({ value: null, suppressed: true });
    expect(row(bySex, 'female').cells[0]).toEqual({ value: null, suppressed: true });
    expect(bySex.totals[0]).toEqual({ value: 16, suppressed: false });
    // Every registration came from an NGO: 16, published.
    expect(row(tableOf(res.body, 'registrations-by-referral-source'), 'ngo').cells[0]).toEqual({
      value: 16,
      suppressed: false,
    });
    // Moldova (15) has its own row; Nigeria (1) is inside "other", which is suppressed.
    const byCitizenship = tableOf(res.body, 'registrations-by-citizenship');
    expect(byCitizenship.rows.map((r) => r.category)).toEqual(['MD', 'other']);
    expect(JSON.stringify(byCitizenship)).not.toContain('NG');
    expect(row(byCitizenship, 'other').cells[0]).toEqual({ value: null, suppressed: true });
  });

  it('never publishes the running year: a case registered today changes no answer', async () => {
    const before = await get('?period=quarter');
    await node.request('POST', '/api/cases', { as: 'identification_officer', body: REGISTRATION });
    const after = await get('?period=quarter');
    expect(after.body).toEqual(before.body);
    expect(after.body.periods).not.toContain(`${LAST_YEAR + 1}-Q1`);
    const yearly = await get(`?from=${LAST_YEAR}&to=${LAST_YEAR + 5}`);
    expect(yearly.body.periods).toEqual([String(LAST_YEAR)]);
  });

  it('accepts only fixed periods and years: 400 for anything else, 422 for from after to', async () => {
    for (const query of ['?period=month', '?from=1999', '?to=2101', '?from=2025-01-01', '?region=north']) {
      expect({ query, status: (await get(query)).status }).toEqual({ query, status: 400 });
    }
    const refused = await get(`?from=${LAST_YEAR}&to=${LAST_YEAR - 1}`);
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('invalid-request');
  });
});

import type { ReadModelRow } from '../port/read-model-row';
import { compareRows } from './row-differences';

async function* stream(rows: ReadModelRow[]): AsyncGenerator<ReadModelRow> {
  yield* rows;
}

const detail = (caseId: string, value: Record<string, unknown> = {}): ReadModelRow => ({
  model: 'case-detail',
  key: caseId,
  caseId,
  value: { lastPosition: 3, listing: { stage: 'registered' }, detail: { caseId }, ...value },
});
const history = (position: number, caseId = 'c-1', type = 'PresumedVictimRegistered'): ReadModelRow => ({
  model: 'case-history',
  key: String(position),
  caseId,
  value: { caseId, type },
});
const access = (position: number, caseId = 'c-1'): ReadModelRow => ({
  model: 'access-log',
  key: String(position),
  caseId,
  value: { caseId, userId: 'u-1', purpose: 'case_management' },
});

describe('compareRows', () => {
  it('finds nothing between equal streams and counts every row compared, per model', async () => {
    const rows = [detail('c-1'), detail('c-2'), history(1), history(2), history(10), access(11)];
    const result = await compareRows(stream(rows), stream(rows.map((r) => structuredClone(r))));
    expect(result).toEqual({
      tallies: [
        { model: 'case-detail', compared: 2, notCompared: 0 },
        { model: 'case-history', compared: 3, notCompared: 0 },
        { model: 'access-log', compared: 1, notCompared: 0 },
        { model: 'case-statistics', compared: 0, notCompared: 0 },
      ],
      differences: [],
      differenceCount: 0,
    });
  });

  it('names a changed field with both values, a row the live store lacks and one it should not have', async () => {
    const live = [
      detail('c-1', { listing: { stage: 'closed' } }),
      detail('c-9'), // no such case in the log
      history(1),
      history(2),
      // access 3 deleted
    ];
    const replayed = [detail('c-1'), history(1), history(2), access(3)];

    const result = await compareRows(stream(live), stream(replayed));

    expect(result.differences).toEqual([
      {
        model: 'case-detail',
        key: 'c-1',
        caseId: 'c-1',
        kind: 'changed',
        fields: [{ path: '/listing/stage', live: 'closed', replayed: 'registered' }],
      },
      { model: 'case-detail', key: 'c-9', caseId: 'c-9', kind: 'unexpected-in-live' },
      { model: 'access-log', key: '3', caseId: 'c-1', kind: 'missing-in-live' },
    ]);
    expect(result.differenceCount).toBe(3);
  });

  it('orders positions as numbers, not as text (2 before 10)', async () => {
    const rows = [history(2), history(10)];
    const result = await compareRows(stream(rows), stream(rows));
    expect(result.differenceCount).toBe(0);
  });

  it('names the case as the log has it when the live row was moved to another case', async () => {
    const result = await compareRows(stream([history(4, 'c-other')]), stream([history(4, 'c-1')]));
    expect(result.differences).toEqual([
      {
        model: 'case-history',
        key: '4',
        caseId: 'c-1',
        kind: 'changed',
        fields: [{ path: '/caseId', live: 'c-other', replayed: 'c-1' }],
      },
    ]);
  });

  it('never shows a personal field, however deep the change, but shows which field differs', async () => {
    const person = { subjectId: 's-1', ciphertext: 'AAAA', iv: 'x' };
    const guardian = { authority: 'court', appointedAt: '2025-01-01', name: { ciphertext: 'BBBB' } };
    const live = detail('c-1', {
      detail: { caseId: 'c-1', person: { ...person, ciphertext: 'ZZZZ' }, guardian },
    });
    const replayed = detail('c-1', { detail: { caseId: 'c-1', person } });

    const { differences } = await compareRows(stream([live]), stream([replayed]));

    expect(differences[0].fields).toEqual([
      { path: '/detail/person/ciphertext', live: '(differs)', replayed: '(differs)' },
      {
        path: '/detail/guardian',
        live: { authority: 'court', appointedAt: '2025-01-01', name: '(differs)' },
      },
    ]);
    expect(JSON.stringify(differences)).not.toMatch(/AAAA|BBBB|ZZZZ/);
  });

  it('skips the rows the caller says changed later, on either side, and counts them', async () => {
    const live = [detail('c-1', { listing: { stage: 'closed' } }), history(1), history(5)];
    const replayed = [detail('c-1'), history(1)];
    const result = await compareRows(stream(live), stream(replayed), {
      skip: (row) => row.key === 'c-1' || (row.model === 'case-history' && Number(row.key) > 4),
    });
    expect(result.differences).toEqual([]);
    expect(result.tallies).toEqual([
      { model: 'case-detail', compared: 0, notCompared: 1 },
      { model: 'case-history', compared: 1, notCompared: 1 },
      { model: 'access-log', compared: 0, notCompared: 0 },
      { model: 'case-statistics', compared: 0, notCompared: 0 },
    ]);
  });

  it('keeps the first differences only, but counts them all', async () => {
    const replayed = [1, 2, 3, 4, 5].map((p) => history(p));
    const result = await compareRows(stream([]), stream(replayed), { maxDifferences: 2 });
    expect(result.differences.map((d) => d.key)).toEqual(['1', '2']);
    expect(result.differenceCount).toBe(5);
  });

  it('refuses a stream out of order rather than report rows as missing', async () => {
    await expect(compareRows(stream([history(2), history(1)]), stream([]))).rejects.toThrow(
      'the live rows are out of order: case-history 1 after case-history 2',
    );
    await expect(compareRows(stream([]), stream([access(1), history(2)]))).rejects.toThrow(/replayed rows/);
  });
});

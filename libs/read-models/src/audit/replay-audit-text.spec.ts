import type { ReplayAuditReport } from './replay-audit';
import { replayAuditText } from './replay-audit-text';

const base: ReplayAuditReport = {
  matches: true,
  logHead: 20,
  comparedUpTo: 20,
  eventsReplayed: 20,
  liveCheckpoints: [],
  tallies: [
    { model: 'case-detail', compared: 2, notCompared: 0 },
    { model: 'case-history', compared: 19, notCompared: 0 },
    { model: 'access-log', compared: 1, notCompared: 0 },
  ],
  differences: [],
  differenceCount: 0,
  checkpointProblems: [],
  notes: [],
};

describe('replayAuditText', () => {
  it('says the read models match, with what was compared', () => {
    expect(replayAuditText(base)).toBe(
      [
        'read models match the log: 22 rows in 3 models compared, as of log position 20 (log head 20)',
        '  case-detail: 2 compared',
        '  case-history: 19 compared',
        '  access-log: 1 compared',
        '',
      ].join('\n'),
    );
  });

  it('names each difference: model, case, field, both values; and what was not compared', () => {
    const text = replayAuditText({
      ...base,
      matches: false,
      comparedUpTo: 18,
      tallies: [
        { model: 'case-detail', compared: 1, notCompared: 1 },
        { model: 'case-history', compared: 17, notCompared: 2 },
        { model: 'access-log', compared: 1, notCompared: 0 },
      ],
      differences: [
        {
          model: 'case-detail',
          key: 'c-1',
          caseId: 'c-1',
          kind: 'changed',
          fields: [
            { path: '/listing/stage', live: 'closed', replayed: 'registered' },
            { path: '/listing/agencies/1', live: 'POLICE-X' },
            { path: '/detail/person/ciphertext', live: '(differs)', replayed: '(differs)' },
            { path: '/detail/services', replayed: ['x'.repeat(300)] },
          ],
        },
        { model: 'access-log', key: '12', caseId: 'c-1', kind: 'missing-in-live' },
      ],
      differenceCount: 3,
      notes: ['compared as of log position 18 of 20'],
    });
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'read models DIFFER from the log: 3 differences in 19 rows compared, as of log position 18 (log head 20)',
      '  case-detail: 1 compared, 1 not compared (changed after position 18)',
      '  case-history: 17 compared, 2 not compared (changed after position 18)',
      '  access-log: 1 compared',
    ]);
    expect(lines.slice(4, 11)).toEqual([
      'note: compared as of log position 18 of 20',
      'case-detail c-1: changed',
      '  /listing/stage: live "closed", replayed "registered"',
      '  /listing/agencies/1: live "POLICE-X", replayed (absent)',
      '  /detail/person/ciphertext: live "(differs)", replayed "(differs)"',
      `  /detail/services: live (absent), replayed ["${'x'.repeat(157)}…`,
      'access-log position 12 (case c-1): missing in the live read models',
    ]);
    expect(lines[11]).toBe('... and 1 more difference, not listed');
  });
});

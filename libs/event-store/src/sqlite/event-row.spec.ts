import Database from 'better-sqlite3';
import { eventLeafHash } from '../integrity/canonical-event';
import { NewEvent } from '../port';
import { sampleEvent } from '../testing/sample-events';
import { EventRow, prepareEvent, rowToEvent, storedLeafOf, StoredLeafRow } from './event-row';
import { leafHashOfText } from '../integrity/merkle';
import { applySchema } from './schema';
import { prepareStatements } from './sqlite-statements';

/**
 * The writer builds each leaf around the column texts it stores; the verifier hashes the event it reads
 * back. These must agree byte for byte, or a log written today stops verifying.
 */
describe('prepareEvent', () => {
  let db: Database.Database;
  let statements: ReturnType<typeof prepareStatements>;
  beforeEach(() => {
    db = new Database(':memory:');
    applySchema(db);
    statements = prepareStatements(db);
  });
  afterEach(() => db.close());

  function writeAndReadBack(event: NewEvent, revision = 0): { leaf: Buffer; readBack: Buffer } {
    const { values, leaf } = prepareEvent('stream-1', revision, '2025-03-01T10:00:01.000Z', event);
    const info = statements.insertEvent.run(values, leaf, Buffer.alloc(32));
    const row = db.prepare('SELECT * FROM events WHERE position = ?').get(info.lastInsertRowid) as EventRow;
    return { leaf, readBack: eventLeafHash(rowToEvent(row)) };
  }

  const cases: [string, Partial<NewEvent>][] = [
    ['a plain event without causation or personal data', {}],
    [
      'causation and personal data',
      {
        causationId: 'cause-1',
        personal: { subjectId: 'victim:1', keyVersion: 2, iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' },
      },
    ],
    [
      'keys out of order, numeric-looking keys and undefined members',
      { data: { z: 1, a: { y: [3, undefined, { b: 2, a: 1 }], x: undefined }, '10': 'ten', '9': 'nine' } },
    ],
    [
      'text that JSON escapes, and keys beyond ASCII',
      { data: { quote: 'say "hi"\n\t\\', Zoë: 'é', 名前: '名前', emoji: '😀', control: '\u0001', é: 1 } },
    ],
    [
      'numbers at the edges of their text form',
      { data: { negativeZero: -0, big: 1e21, small: 5e-7, fraction: 0.1 + 0.2, max: Number.MAX_VALUE } },
    ],
    ['a date, which is stored as its ISO text', { data: { at: new Date(Date.UTC(2025, 2, 1, 10)) } }],
    [
      'bigints, which come back as rounded numbers',
      { data: { beyond: 12345678901234567890n, huge: 10n ** 21n, small: 42n, nested: [2n ** 60n] } },
    ],
    ['an own member named __proto__', { data: JSON.parse('{"__proto__":{"polluted":true},"a":1}') }],
    ['an array as the actor', { actor: ['user-1', 'case-worker'] as unknown as NewEvent['actor'] }],
  ];

  it.each(cases)('hashes what a reader parses back: %s', (_, overrides) => {
    const { leaf, readBack } = writeAndReadBack(sampleEvent(overrides));
    expect(leaf.toString('hex')).toBe(readBack.toString('hex'));
  });

  it.each(cases.filter(([name]) => !name.startsWith('bigints')))(
    'gives the verifier the stored text of the same leaf without parsing the row: %s',
    (_, overrides) => {
      const { values, leaf } = prepareEvent(
        'stream-1',
        0,
        '2025-03-01T10:00:01.000Z',
        sampleEvent(overrides),
      );
      statements.insertEvent.run(values, leaf, Buffer.alloc(32));
      const [stored] = statements.readStoredLeaves.all(0, 1) as StoredLeafRow[];
      expect(leafHashOfText(storedLeafOf(stored).canonicalJson).toString('hex')).toBe(leaf.toString('hex'));
    },
  );

  it('hashes an event to the leaf logs already hold for it (computed by the writer before this encoding)', () => {
    const event: NewEvent = {
      id: '0b6f3c52-6d3e-4f7e-9d1c-2a4b8e5f7a90',
      type: 'ConsentGiven',
      schemaVersion: 2,
      occurredAt: '2025-03-01T10:00:00.000Z',
      nodeId: 'node-test',
      actor: { userId: 'user-1', role: 'case-worker', agency: 'ngo-1' },
      correlationId: 'corr-1',
      causationId: 'cause-1',
      data: { purpose: 'data_sharing', recipient: 'MD', nested: { b: [1, 2.5, null], a: 'Zoë 名前 😀' } },
      personal: { subjectId: 'victim:1', keyVersion: 1, iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' },
    };
    const { leaf } = prepareEvent('case-1', 7, '2025-03-01T10:00:01.000Z', event);
    expect(leaf.toString('hex')).toBe('d03849892be0bee8354e075df2a3102e8628dd01a474ece7877903dd5b936cbf');
  });

  it('commits the leaf to every member, the revision and the recording time included', () => {
    const event = sampleEvent({ causationId: 'cause-1' });
    const base = prepareEvent('s', 3, '2025-03-01T10:00:01.000Z', event).leaf;
    const variants = [
      prepareEvent('t', 3, '2025-03-01T10:00:01.000Z', event),
      prepareEvent('s', 4, '2025-03-01T10:00:01.000Z', event),
      prepareEvent('s', 3, '2025-03-01T10:00:02.000Z', event),
      prepareEvent('s', 3, '2025-03-01T10:00:01.000Z', { ...event, causationId: undefined }),
      prepareEvent('s', 3, '2025-03-01T10:00:01.000Z', { ...event, schemaVersion: 2 }),
      prepareEvent('s', 3, '2025-03-01T10:00:01.000Z', { ...event, data: { note: 'other' } }),
    ];
    for (const { leaf } of variants) expect(leaf.equals(base)).toBe(false);
  });
});

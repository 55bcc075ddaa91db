import {
  filterOf,
  filterShape,
  mongoOperationsSection,
  pushdownSentence,
  summarizeOperations,
} from './mongo-operations';

describe('the MongoDB operations of the Kafka + MongoDB node', () => {
  it('groups filters by their shape, without their values', () => {
    expect(filterShape({ _id: 'c1', lastPosition: { $lt: 42 } })).toBe(
      '{"_id":"…","lastPosition":{"$lt":"…"}}',
    );
    expect(filterShape({ _id: { $in: ['a', 'b'] } })).toBe('{"_id":{"$in":["…"]}}');
    expect(filterShape({ agencies: { $in: [] }, stage: null })).toBe('{"agencies":{"$in":[]},"stage":null}');
    expect(filterShape(undefined)).toBe('{}');
  });

  it('takes a bulk write’s filter from its first update or delete, other operations’ from their first argument', () => {
    const guard = { _id: 'c1', lastPosition: { $lt: 3 } };
    expect(filterOf('bulkWrite', [[{ updateOne: { filter: guard, update: {} } }]])).toBe(guard);
    expect(filterOf('bulkWrite', [[{ insertOne: { document: {} } }]])).toBeUndefined();
    expect(filterOf('bulkWrite', [[]])).toBeUndefined();
    expect(filterOf('updateOne', [guard, {}])).toBe(guard);
  });

  it('ranks operations by their time and counts them per request answered', () => {
    const { totalMs, top } = summarizeOperations(
      [
        { operation: 'checkpoints.findOne {"_id":"…"}', calls: 400, milliseconds: 200 },
        { operation: 'case_detail.bulkWrite {"_id":"…"}', calls: 100, milliseconds: 800 },
      ],
      100,
    );
    expect(totalMs).toBe(1000);
    expect(top).toEqual([
      {
        operation: 'case_detail.bulkWrite {"_id":"…"}',
        calls: 100,
        milliseconds: 800,
        perRequest: 1,
        meanMs: 8,
        share: 0.8,
      },
      {
        operation: 'checkpoints.findOne {"_id":"…"}',
        calls: 400,
        milliseconds: 200,
        perRequest: 4,
        meanMs: 0.5,
        share: 0.2,
      },
    ]);
    const lines = mongoOperationsSection('FerretDB v1', { totalMs, top }, 100);
    expect(lines.join('\n')).toContain('100 requests answered, 10.0 ms in MongoDB per request');
    expect(lines).toContain('| `case_detail.bulkWrite {"_id":"…"}` | 100 | 1.00 | 8.0 | 80.0 % |');
  });
});

describe('the explained filters of the Kafka + MongoDB node', () => {
  it('names the filters the server reads the whole collection for, and says nothing when it does not tell', () => {
    const lines = pushdownSentence('case_detail', [
      { filter: '{"_id":"…"}', pushedDown: true },
      { filter: '{"_id":{"$in":["…"]}}', pushedDown: false },
    ]);
    expect(lines[0]).toBe(
      'The server\'s explain of these filters on `case_detail`: `{"_id":"…"}` answered from its storage\'s ' +
        'index; `{"_id":{"$in":["…"]}}` not pushed down: it reads every document of the collection and filters ' +
        'them itself, so each of those operations costs more as cases accumulate.',
    );
    expect(pushdownSentence('case_detail', undefined)).toEqual([]);
  });
});

import { canonicalEventBytes } from '../integrity/canonical-event';
import { sampleEvent } from '../testing/sample-events';
import { canonicalJsonOfRow, prepareEvent } from './event-row';

describe('canonicalJsonOfRow', () => {
  const personal = { subjectId: 'victim:1', keyVersion: 2, iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };

  it.each([
    ['with causation and personal data', { causationId: 'cmd-1', personal }],
    ['without either', {}],
    [
      'with nested data, unicode and characters JSON escapes',
      { data: { z: [3, { b: 'ă"ș\\\n', a: null }], a: 'Ωmega \u2028', m: { y: 1.5, x: -2 } } },
    ],
  ])('gives the bytes canonicalEventBytes gives, %s', (_name, overrides) => {
    const { columns, stored } = prepareEvent('case-1', 4, '2026-01-02T03:04:05.678Z', sampleEvent(overrides));
    expect(canonicalJsonOfRow({ ...columns, position: 9 })).toBe(
      canonicalEventBytes(stored).toString('utf8'),
    );
  });
});

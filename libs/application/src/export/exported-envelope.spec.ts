import { eventLeafHash } from '@nrm/event-store/integrity/canonical-event';
import type { StoredEvent } from '@nrm/event-store/port';
import { exportedEnvelopeOf, loggedEventOf } from './exported-envelope';

const logged: StoredEvent = {
  id: '5f0c1e0e-8a57-4a55-9b0e-0d7f6c1d2a11',
  streamId: 'case-7c3f',
  revision: 3,
  position: 41,
  type: 'GuardianAppointed',
  schemaVersion: 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
  recordedAt: '2026-03-01T10:00:00.120Z',
  nodeId: 'md-nrm',
  actor: { userId: 'u-1', role: 'identification_officer', agency: 'CPA' },
  correlationId: 'c-1',
  causationId: 'r-9',
  data: { authority: 'Child Protection Authority' },
  personal: { subjectId: 'victim:7c3f', keyVersion: 1, iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' },
};

const exported = (event: StoredEvent) => ({
  ...exportedEnvelopeOf(event),
  data: event.data,
  sealedPersonal: event.personal,
  leafHash: eventLeafHash(event).toString('hex'),
});

describe('an exported event maps back to the logged one', () => {
  it('rebuilds exactly the event the leaf hash covers, with and without causation and personal part', () => {
    const { causationId: _none, personal: _sealed, ...bare } = logged;
    for (const event of [logged, bare]) {
      const rebuilt = loggedEventOf(exported(event));
      expect(rebuilt && eventLeafHash(rebuilt).toString('hex')).toBe(eventLeafHash(event).toString('hex'));
    }
  });

  it('has nothing to rebuild when the data is withheld from the recipient', () => {
    const { data: _withheld, ...event } = exported(logged);
    expect(loggedEventOf(event)).toBeUndefined();
  });
});

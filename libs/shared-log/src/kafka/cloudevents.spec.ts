import type { StoredEvent } from '@nrm/event-store/port';
import {
  CE_HEADERS,
  CloudEventDecodeError,
  decodeCloudEvent,
  encodeCloudEvent,
  nodeSource,
} from './cloudevents';

const stored: StoredEvent = {
  id: '6f1c2a54-4f7e-4c0e-9a52-1f0f3f6b2d11',
  type: 'PresumedVictimRegistered',
  schemaVersion: 2,
  occurredAt: '2025-03-01T10:00:00.000Z',
  nodeId: 'nrm-md',
  actor: { userId: 'u-1', role: 'case_manager', agency: 'ngo-1' },
  correlationId: 'c-1',
  causationId: 'k-1',
  data: { formsOfExploitation: ['labour'] },
  personal: { subjectId: 'victim:1', keyVersion: 1, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' },
  streamId: 'case-1',
  revision: 0,
  position: 42,
  recordedAt: '2025-03-01T10:00:01.000Z',
};

describe('CloudEvents Kafka binary binding', () => {
  it('round-trips a stored event, personal part untouched', () => {
    const message = encodeCloudEvent(stored);
    expect(
      decodeCloudEvent({
        key: Buffer.from(message.key),
        value: Buffer.from(message.value),
        headers: message.headers,
      }),
    ).toEqual(stored);
    expect(JSON.parse(message.value).personal).toEqual(stored.personal);
  });

  it('round-trips an event without personal part or causation id', () => {
    const { personal: _p, causationId: _c, ...plain } = stored;
    const message = encodeCloudEvent(plain);
    const decoded = decodeCloudEvent({ key: message.key, value: message.value, headers: message.headers });
    expect(decoded).toEqual(plain);
    expect('personal' in decoded).toBe(false);
  });

  it('keys by stream and sets the required attributes and the envelope extensions', () => {
    const message = encodeCloudEvent(stored);
    expect(message.key).toBe('case-1');
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: stored.id,
      ce_type: 'PresumedVictimRegistered',
      ce_source: 'urn:nrm:node:nrm-md',
      ce_subject: 'case-1',
      ce_time: stored.occurredAt,
      'content-type': 'application/json',
      ce_position: '42',
      ce_schemaversion: '2',
      ce_recordedat: stored.recordedAt,
      ce_revision: '0',
    });
  });

  it('uses attribute names CloudEvents allows (lower-case letters and digits, at most 20)', () => {
    for (const header of Object.values(CE_HEADERS)) {
      expect(header.startsWith('ce_')).toBe(true);
      expect(header.slice(3)).toMatch(/^[a-z0-9]{1,20}$/);
    }
    const ceHeaders = Object.keys(encodeCloudEvent(stored).headers).filter((h) => h.startsWith('ce_'));
    expect(ceHeaders.sort()).toEqual(Object.values(CE_HEADERS).sort());
  });

  it('makes the source a URN that survives odd node ids', () => {
    const source = nodeSource('node 1/ä');
    expect(source).toMatch(/^urn:nrm:node:[A-Za-z0-9%._~-]+$/);
    const message = encodeCloudEvent({ ...stored, nodeId: 'node 1/ä' });
    expect(decodeCloudEvent(message).nodeId).toBe('node 1/ä');
  });

  it('refuses messages that are not NRM CloudEvents', () => {
    const message = encodeCloudEvent(stored);
    const without = (name: string) => {
      const headers: Record<string, string> = { ...message.headers };
      delete headers[name];
      return { ...message, headers };
    };
    expect(() => decodeCloudEvent(without('ce_id'))).toThrow(CloudEventDecodeError);
    expect(() =>
      decodeCloudEvent({ ...message, headers: { ...message.headers, ce_specversion: '0.3' } }),
    ).toThrow(/specversion/);
    expect(() => decodeCloudEvent({ ...message, headers: { ...message.headers, ce_revision: 'x' } })).toThrow(
      /ce_revision/,
    );
    expect(() =>
      decodeCloudEvent({ ...message, headers: { ...message.headers, ce_source: 'http://x' } }),
    ).toThrow(/ce_source/);
    expect(() => decodeCloudEvent({ ...message, value: 'not json' })).toThrow(/not JSON/);
  });
});

import type { PartnerTransport } from '@nrm/transnational';
import { PartnerInboxController } from './partner-inbox.controller';
import type { PartnerInboxService } from './partner-inbox.service';

/** The reply's status and headers, as the controller sets them. */
function reply() {
  const sent = { status: 0, headers: {} as Record<string, string> };
  const fastify = {
    status(code: number) {
      sent.status = code;
      return fastify;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return fastify;
    },
  };
  return { sent, fastify: fastify as never };
}

const kafkaTransport = {} as PartnerTransport;

describe('PartnerInboxController on a node whose transport is not HTTP (Kafka)', () => {
  it('answers 503 with Retry-After, without the error text, when the inbox throws: the sender retries', async () => {
    const failing = { receive: () => Promise.reject(new Error('SQLITE_BUSY at /data/events.sqlite')) };
    const controller = new PartnerInboxController(failing as unknown as PartnerInboxService, kafkaTransport);
    const { sent, fastify } = reply();
    const body = await controller.receive({}, fastify);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|data\//);
  });

  it('answers the inbox’s verdict otherwise', async () => {
    const accepting = { receive: () => Promise.resolve({ outcome: 'accepted' as const }) };
    const controller = new PartnerInboxController(
      accepting as unknown as PartnerInboxService,
      kafkaTransport,
    );
    const { sent, fastify } = reply();
    expect(await controller.receive({}, fastify)).toEqual({ outcome: 'accepted' });
    expect(sent.status).toBe(202);
  });
});

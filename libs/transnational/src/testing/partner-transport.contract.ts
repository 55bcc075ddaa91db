import { randomUUID } from 'node:crypto';
import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import type { Partner } from '../registry/partner';
import type {
  Delivery,
  InboxHandler,
  InboxVerdict,
  PartnerTransport,
} from '../transport/partner-transport.port';

/** What the contract hands the factory: B's inbox and A's delivery callback. */
export interface PartnerTransportHooks {
  inboxB: InboxHandler;
  onDeliveredA: (delivery: Delivery) => void;
}

/** Two connected nodes, A sending to B, both started with the hooks. */
export interface PartnerTransportPair {
  /** Node A's transport (the current one: `restartA` replaces it). */
  a: PartnerTransport;
  /** Node A's id: the sender of every envelope. */
  nodeIdA: string;
  /** B as A's registry knows it: what A passes to `send`. */
  partnerB: Partner;
  /** B stops taking messages (HTTP: its server closes; Kafka: its consumer stops). */
  takeBOffline(): Promise<void>;
  /** B takes messages again, where it was. */
  bringBOnline(): Promise<void>;
  /**
   * Resolves once A did what it can while B is offline with `count` messages for it (HTTP: the oldest
   * one failed at least twice; Kafka: all of them published).
   */
  settleWhileBOffline(count: number): Promise<void>;
  /** A's process restarts: its transport closes and a new one opens on the same outbox file, started with the same hooks. */
  restartA(): Promise<PartnerTransport>;
  /** B disappears from A's registry (true) or comes back (false): meanwhile A's queue to B waits. */
  setBUnlisted(unlisted: boolean): void;
  dispose(): Promise<void>;
}

export interface PartnerTransportContractOptions {
  /** What A's `onDelivered` says for an accepted message: the receiver's verdict (HTTP) or `published` (Kafka). */
  deliveryVerdicts: 'receiver' | 'published';
  /** Per-case timeout. Default 60 s. */
  timeoutMs?: number;
}

/** A recording inbox: accepts each id once (then `duplicate`), rejects or is unavailable on request. */
export class RecordingInbox {
  /** Every id the handler was called with, in call order (redeliveries included). */
  readonly calls: string[] = [];
  /** Ids accepted, in order: each at most once. */
  readonly accepted: string[] = [];
  readonly rejectIds = new Set<string>();
  /** Id → how many more calls answer `unavailable`. */
  readonly unavailableFor = new Map<string, number>();

  readonly handler: InboxHandler = async (envelope: unknown): Promise<InboxVerdict> => {
    const id = (envelope as { id?: unknown }).id;
    if (typeof id !== 'string') return { outcome: 'rejected', reason: 'no id' };
    this.calls.push(id);
    const unavailable = this.unavailableFor.get(id) ?? 0;
    if (unavailable > 0) {
      this.unavailableFor.set(id, unavailable - 1);
      return { outcome: 'unavailable', reason: 'test inbox is busy' };
    }
    if (this.rejectIds.has(id)) return { outcome: 'rejected', reason: 'test inbox refuses it' };
    if (this.accepted.includes(id)) return { outcome: 'duplicate' };
    this.accepted.push(id);
    return { outcome: 'accepted' };
  };

  callsOf(id: string): number {
    return this.calls.filter((call) => call === id).length;
  }
}

/** An envelope of the right shape; the transport treats everything but the routing members as opaque. */
export function plainTestEnvelope(sender: string, recipient: string, subject: string): CrossBorderEnvelope {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `urn:nrm:node:${sender}`,
    type: 'org.nrm.trm.handover.proposed',
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    nrmsender: sender,
    nrmrecipient: recipient,
    nrmpurpose: 'return',
    nrmcheckpoint: { origin: sender, size: 1, root: '00'.repeat(32), signature: 'c2ln', keyId: 'k1' },
    nrmconsistency: { fromSize: 0, proof: [] },
    nrmsignature: 'c2ln',
    data: { alg: 'X25519-HKDF-SHA256-A256GCM', epk: 'ZXBr', iv: 'aXY', ct: 'Y3Q', tag: 'dGFn' },
  };
}

/** A partner record for tests (keys are not used by transports). */
export function plainTestPartner(nodeId: string, endpoint?: string): Partner {
  const partner: Partner = {
    nodeId,
    country: 'ZZ',
    publicKeyPem: '',
    encryptionKeyPem: '',
    agreement: { reference: 'TEST', fields: {} },
    status: 'active',
  };
  if (endpoint !== undefined) partner.endpoint = endpoint;
  return partner;
}

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The PartnerTransport contract: every adapter runs it against real servers. `factory` builds a started
 * pair of nodes (fast retry backoffs, so waiting stays short) from the hooks.
 */
export function describePartnerTransportContract(
  name: string,
  factory: (hooks: PartnerTransportHooks) => Promise<PartnerTransportPair>,
  options: PartnerTransportContractOptions,
): void {
  const timeout = options.timeoutMs ?? 60_000;

  describe(`PartnerTransport contract: ${name}`, () => {
    let inbox: RecordingInbox;
    let deliveries: Delivery[];
    let pair: PartnerTransportPair;
    let sender: string;
    let recipient: string;

    beforeEach(async () => {
      inbox = new RecordingInbox();
      deliveries = [];
      pair = await factory({ inboxB: inbox.handler, onDeliveredA: (d) => void deliveries.push(d) });
      recipient = pair.partnerB.nodeId;
      sender = pair.nodeIdA;
    }, timeout);

    afterEach(async () => {
      await pair?.dispose();
    }, timeout);

    const envelope = (subject: string) => plainTestEnvelope(sender, recipient, subject);
    const sendAll = async (envelopes: CrossBorderEnvelope[]) => {
      for (const e of envelopes) await pair.a.send(pair.partnerB, e);
    };
    const ids = (envelopes: CrossBorderEnvelope[]) => envelopes.map((e) => e.id);
    const acceptedAll = (envelopes: CrossBorderEnvelope[]) =>
      eventually(
        () => envelopes.every((e) => inbox.accepted.includes(e.id)),
        `B accepted ${envelopes.length} messages (has ${inbox.accepted.length})`,
      );
    const deliveredAll = (envelopes: CrossBorderEnvelope[]) =>
      eventually(
        () => envelopes.every((e) => deliveries.some((d) => d.envelope.id === e.id)),
        `A was told of ${envelopes.length} deliveries (has ${deliveries.length})`,
      );
    const expectOneDeliveryEach = (envelopes: CrossBorderEnvelope[]) => {
      for (const e of envelopes) expect(deliveries.filter((d) => d.envelope.id === e.id)).toHaveLength(1);
    };
    const acceptedVerdict = options.deliveryVerdicts === 'receiver' ? 'accepted' : 'published';

    it(
      'delivers every message once, in the order sent, across subjects',
      async () => {
        const sent = Array.from({ length: 12 }, (_, i) => envelope(`case-${i % 3}`));
        await sendAll(sent);
        await acceptedAll(sent);
        await deliveredAll(sent);
        expect(inbox.accepted).toEqual(ids(sent));
        expectOneDeliveryEach(sent);
        for (const d of deliveries) {
          expect(d.recipientNodeId).toBe(recipient);
          expect(d.verdict).toEqual({ outcome: acceptedVerdict });
          expect(d.attempts).toBeGreaterThanOrEqual(1);
        }
        expect(deliveries.map((d) => d.envelope.id)).toEqual(ids(sent));
        await eventually(async () => Object.keys(await pair.a.pending()).length === 0, 'nothing is pending');
      },
      timeout,
    );

    it(
      'sends a message id once, however often it is sent',
      async () => {
        const [first, second] = [envelope('case-1'), envelope('case-1')];
        await pair.a.send(pair.partnerB, first);
        await pair.a.send(pair.partnerB, first);
        await acceptedAll([first]);
        await pair.a.send(pair.partnerB, first);
        await pair.a.send(pair.partnerB, second);
        await acceptedAll([second]);
        await deliveredAll([first, second]);
        expect(inbox.callsOf(first.id)).toBe(1);
        expect(inbox.accepted).toEqual(ids([first, second]));
        expectOneDeliveryEach([first, second]);
      },
      timeout,
    );

    it(
      'keeps what is sent while B is offline and delivers all of it, in order, once B is back',
      async () => {
        await pair.takeBOffline();
        const sent = Array.from({ length: 6 }, (_, i) => envelope(`case-${i % 2}`));
        await sendAll(sent);
        await pair.settleWhileBOffline(sent.length);
        expect(inbox.calls).toEqual([]);
        await pair.bringBOnline();
        await acceptedAll(sent);
        await deliveredAll(sent);
        expect(inbox.accepted).toEqual(ids(sent));
        expectOneDeliveryEach(sent);
      },
      timeout,
    );

    it(
      'delivers after the sender restarted while B was offline',
      async () => {
        await pair.takeBOffline();
        const before = Array.from({ length: 4 }, (_, i) => envelope(`case-${i}`));
        await sendAll(before);
        await pair.settleWhileBOffline(before.length);
        const a = await pair.restartA();
        const after = [envelope('case-9'), envelope('case-0')];
        for (const e of after) await a.send(pair.partnerB, e);
        await pair.bringBOnline();
        await acceptedAll([...before, ...after]);
        await deliveredAll([...before, ...after]);
        expect(inbox.accepted).toEqual(ids([...before, ...after]));
        expectOneDeliveryEach([...before, ...after]);
        await eventually(async () => Object.keys(await a.pending()).length === 0, 'nothing is pending');
      },
      timeout,
    );

    it(
      'takes a rejection as final: not retried, and the messages after it still go',
      async () => {
        const sent = [envelope('case-1'), envelope('case-2'), envelope('case-1')];
        inbox.rejectIds.add(sent[1].id);
        await sendAll(sent);
        await acceptedAll([sent[0], sent[2]]);
        await deliveredAll(sent);
        expect(inbox.accepted).toEqual(ids([sent[0], sent[2]]));
        expect(inbox.callsOf(sent[1].id)).toBe(1);
        expectOneDeliveryEach(sent);
        const rejected = deliveries.find((d) => d.envelope.id === sent[1].id);
        if (options.deliveryVerdicts === 'receiver')
          expect(rejected?.verdict).toEqual({ outcome: 'rejected', reason: 'test inbox refuses it' });
        else expect(rejected?.verdict).toEqual({ outcome: 'published' });
        await eventually(async () => Object.keys(await pair.a.pending()).length === 0, 'nothing is pending');
      },
      timeout,
    );

    it(
      'offers a message again while the inbox is unavailable, and nothing after it overtakes it',
      async () => {
        const sent = [envelope('case-1'), envelope('case-2')];
        inbox.unavailableFor.set(sent[0].id, 3);
        await sendAll(sent);
        await acceptedAll(sent);
        expect(inbox.calls).toEqual([sent[0].id, sent[0].id, sent[0].id, sent[0].id, sent[1].id]);
        expect(inbox.accepted).toEqual(ids(sent));
      },
      timeout,
    );

    it(
      'withdraw(subject) drops only that subject’s undelivered messages; pending() counts the rest',
      async () => {
        pair.setBUnlisted(true);
        const [a1, b1, a2, b2] = [
          envelope('case-a'),
          envelope('case-b'),
          envelope('case-a'),
          envelope('case-b'),
        ];
        await sendAll([a1, b1, a2, b2]);
        expect(await pair.a.pending()).toEqual({ [recipient]: 4 });
        expect(await pair.a.withdraw('case-a')).toBe(2);
        expect(await pair.a.withdraw('case-a')).toBe(0);
        expect(await pair.a.withdraw('case-unknown')).toBe(0);
        expect(await pair.a.pending()).toEqual({ [recipient]: 2 });
        pair.setBUnlisted(false);
        await acceptedAll([b1, b2]);
        await deliveredAll([b1, b2]);
        expect(inbox.calls).toEqual(ids([b1, b2]));
        expect(deliveries.map((d) => d.envelope.id)).toEqual(ids([b1, b2]));
        await eventually(async () => Object.keys(await pair.a.pending()).length === 0, 'nothing is pending');
      },
      timeout,
    );
  });
}

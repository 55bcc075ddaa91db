import { Ed25519Signer, SignedCheckpoint } from '@nrm/event-store/integrity';
import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import { signEnvelope } from '../envelope/envelope-signature';
import type { Partner } from '../registry/partner';
import { makeTestEnvelope, makeTestPartner, TestEnvelopeOptions } from '../testing/test-partner';
import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_MAX_MESSAGE_AGE_MS,
  InboxContext,
  judgeIncoming,
} from './inbox-policy';

const NOW = '2025-06-02T12:00:00.000Z';
const at = (offsetMs: number): string => new Date(Date.parse(NOW) + offsetMs).toISOString();

describe('judgeIncoming', () => {
  const local = makeTestPartner({ nodeId: 'nrm-ro' });
  const sender = makeTestPartner({ nodeId: 'nrm-md' });
  const stranger = makeTestPartner({ nodeId: 'nrm-xx' });

  function context(overrides: Partial<InboxContext> & { partner?: Partial<Partner> } = {}): InboxContext {
    const { partner, ...rest } = overrides;
    return {
      localNodeId: local.nodeId,
      partners: new Map([[sender.nodeId, { ...sender.partner, ...partner }]]),
      now: NOW,
      alreadySeen: false,
      ...rest,
    };
  }
  const message = (options: TestEnvelopeOptions = {}): CrossBorderEnvelope =>
    makeTestEnvelope(sender, local, { time: at(-60_000), ...options });
  /** What the sender shows next after `kept`: its log grew, the proof starts at `kept`. */
  function nextAfter(
    kept: SignedCheckpoint,
    grow = 3,
    options: TestEnvelopeOptions = {},
  ): CrossBorderEnvelope {
    sender.log.append(grow);
    return message({ fromSize: kept.size, ...options });
  }

  beforeAll(() => sender.log.append(4));

  describe('accept', () => {
    it('accepts a first, well-formed, signed, in-agreement message and witnesses its checkpoint', () => {
      const envelope = message();
      expect(judgeIncoming(envelope, context())).toEqual({
        verdict: 'accept',
        envelope,
        witness: { status: 'extends' },
      });
    });

    it('accepts the raw JSON text the transport received', () => {
      const envelope = message();
      expect(judgeIncoming(JSON.stringify(envelope), context())).toMatchObject({
        verdict: 'accept',
        envelope,
      });
    });

    it('accepts a later message whose checkpoint extends the one kept, and one that did not move', () => {
      const kept = sender.log.checkpoint();
      const next = nextAfter(kept);
      expect(judgeIncoming(next, context({ lastWitnessed: kept }))).toMatchObject({
        verdict: 'accept',
        witness: { status: 'extends' },
      });
      const same = message({ fromSize: next.nrmcheckpoint.size });
      expect(judgeIncoming(same, context({ lastWitnessed: next.nrmcheckpoint }))).toMatchObject({
        verdict: 'accept',
        witness: { status: 'same' },
      });
    });

    it('accepts a purpose the agreement lists without any field (only protocol fields travel)', () => {
      const agreement = { ...sender.partner.agreement, fields: { reintegration: [] } };
      const envelope = message({
        purpose: 'reintegration',
        kind: 'reintegration.progress-recorded',
        payload: {},
      });
      expect(judgeIncoming(envelope, context({ partner: { agreement } })).verdict).toBe('accept');
    });
  });

  describe('duplicate', () => {
    it('answers duplicate for a message id already given a verdict', () => {
      expect(judgeIncoming(message(), context({ alreadySeen: true }))).toEqual({ verdict: 'duplicate' });
    });

    it('answers duplicate even though the retried message carries an old checkpoint', () => {
      const old = message();
      const kept = nextAfter(old.nrmcheckpoint, 2).nrmcheckpoint;
      expect(judgeIncoming(old, context({ alreadySeen: true, lastWitnessed: kept }))).toEqual({
        verdict: 'duplicate',
      });
    });

    it('never tells a forger which ids were seen: the signature is checked first', () => {
      const forged = signEnvelope(message(), stranger.signer);
      expect(judgeIncoming(forged, context({ alreadySeen: true }))).toMatchObject({
        verdict: 'reject',
        reason: 'bad-signature',
      });
    });
  });

  describe('reject', () => {
    it.each<[string, unknown]>([
      ['null', null],
      ['text that is not JSON', 'hello'],
      [
        'an envelope without signature',
        (({ nrmsignature: _s, ...rest }) => rest)(makeTestEnvelope(sender, local)),
      ],
    ])('refuses %s as malformed, without an envelope to record', (_what, input) => {
      const judgement = judgeIncoming(input, context());
      expect(judgement).toMatchObject({ verdict: 'reject', reason: 'malformed' });
      expect(judgement).not.toHaveProperty('envelope');
    });

    it('refuses a sender the registry does not know', () => {
      const envelope = makeTestEnvelope(stranger, local, { time: at(0) });
      expect(judgeIncoming(envelope, context())).toMatchObject({
        verdict: 'reject',
        reason: 'unknown-sender',
      });
    });

    it('refuses a registry entry filed under another node id than its own', () => {
      const envelope = makeTestEnvelope(stranger, local, { time: at(0) });
      const partners = new Map([[stranger.nodeId, { ...sender.partner }]]);
      expect(judgeIncoming(envelope, context({ partners }))).toMatchObject({
        verdict: 'reject',
        reason: 'unknown-sender',
      });
    });

    it('refuses a message signed by another key than the partner key', () => {
      const envelope = signEnvelope(message(), Ed25519Signer.generate());
      expect(judgeIncoming(envelope, context())).toMatchObject({
        verdict: 'reject',
        reason: 'bad-signature',
      });
    });

    it('refuses a message changed on the way', () => {
      const envelope = { ...message(), nrmpurpose: 'reintegration' } as CrossBorderEnvelope;
      const judgement = judgeIncoming(envelope, context());
      expect(judgement).toMatchObject({ verdict: 'reject', reason: 'bad-signature' });
      expect(judgement).not.toHaveProperty('envelope');
    });

    it('refuses everything from a removed partner, even a retry of a message it sent before', () => {
      for (const alreadySeen of [false, true]) {
        expect(
          judgeIncoming(message(), context({ alreadySeen, partner: { status: 'removed' } })),
        ).toMatchObject({
          verdict: 'reject',
          reason: 'partner-removed',
        });
      }
    });

    it('refuses a message the partner signed for another node (replayed here)', () => {
      const envelope = makeTestEnvelope(sender, stranger, { time: at(0) });
      expect(judgeIncoming(envelope, context())).toMatchObject({
        verdict: 'reject',
        reason: 'wrong-recipient',
        envelope,
      });
    });

    it('refuses a purpose the agreement does not cover, and keeps its checkpoint', () => {
      const agreement = {
        ...sender.partner.agreement,
        fields: { return: sender.partner.agreement.fields.return },
      };
      const envelope = message({ purpose: 'reintegration', kind: 'reintegration.plan-adopted' });
      const judgement = judgeIncoming(envelope, context({ partner: { agreement } }));
      expect(judgement).toMatchObject({
        verdict: 'reject',
        reason: 'out-of-agreement',
        envelope,
        witnessed: envelope.nrmcheckpoint,
      });
    });

    it.each([
      ['ended', at(-1)],
      ['has an unreadable end date', 'soon'],
    ])('refuses a message under an agreement that %s', (_what, validUntil) => {
      const agreement = { ...sender.partner.agreement, validUntil };
      expect(judgeIncoming(message(), context({ partner: { agreement } }))).toMatchObject({
        verdict: 'reject',
        reason: 'out-of-agreement',
      });
    });

    it('lets a restriction request through even when the agreement lists no such purpose or has ended', () => {
      const agreement = { reference: 'MoU-OLD', fields: { return: [] }, validUntil: at(-86_400_000) };
      const envelope = message({
        purpose: 'restriction',
        kind: 'consent.restriction-requested',
        payload: {},
      });
      expect(judgeIncoming(envelope, context({ partner: { agreement } })).verdict).toBe('accept');
      const handover = message();
      expect(judgeIncoming(handover, context({ partner: { agreement } }))).toMatchObject({
        reason: 'out-of-agreement',
      });
    });

    it('accepts under an agreement that ends later', () => {
      const agreement = { ...sender.partner.agreement, validUntil: at(1000) };
      expect(judgeIncoming(message(), context({ partner: { agreement } })).verdict).toBe('accept');
    });
  });

  describe('stale', () => {
    const skew = DEFAULT_MAX_CLOCK_SKEW_MS;
    const maxAge = DEFAULT_MAX_MESSAGE_AGE_MS;

    it.each([
      ['from beyond the allowed clock skew', at(skew + 1000)],
      ['older than the id memory', at(-maxAge - skew - 1000)],
    ])('refuses a message %s', (_what, time) => {
      expect(judgeIncoming(message({ time }), context())).toMatchObject({
        verdict: 'reject',
        reason: 'stale',
      });
    });

    it.each([
      ['a little ahead (clock skew)', at(skew - 1000)],
      ['days old (an outage the sender waited out)', at(-maxAge + 3_600_000)],
    ])('accepts a message %s', (_what, time) => {
      expect(judgeIncoming(message({ time }), context()).verdict).toBe('accept');
    });

    it('uses the window the caller sets', () => {
      const envelope = message({ time: at(90_000) });
      expect(judgeIncoming(envelope, context()).verdict).toBe('accept');
      expect(judgeIncoming(envelope, context({ maxClockSkewMs: 30_000 }))).toMatchObject({ reason: 'stale' });
      const old = message({ time: at(-2 * 3_600_000) });
      expect(judgeIncoming(old, context({ maxMessageAgeMs: 3_600_000 }))).toMatchObject({ reason: 'stale' });
    });

    it('refuses a replay whose id was forgotten without holding the partner over its old checkpoint', () => {
      const old = message({ time: at(-maxAge - skew - 60_000) });
      const kept = nextAfter(old.nrmcheckpoint, 5).nrmcheckpoint;
      const judgement = judgeIncoming(old, context({ lastWitnessed: kept }));
      expect(judgement).toMatchObject({ verdict: 'reject', reason: 'stale' });
      expect(judgement).not.toHaveProperty('witnessed');
    });

    it('keeps the checkpoint of a message that waited too long but extends the one kept', () => {
      const kept = sender.log.checkpoint();
      const late = nextAfter(kept, 2, { time: at(-maxAge - skew - 60_000) });
      expect(judgeIncoming(late, context({ lastWitnessed: kept }))).toMatchObject({
        verdict: 'reject',
        reason: 'stale',
        witnessed: late.nrmcheckpoint,
      });
    });
  });

  describe('hold', () => {
    it('holds every message from a partner that is held', () => {
      const envelope = message();
      expect(judgeIncoming(envelope, context({ partner: { status: 'held' } }))).toMatchObject({
        verdict: 'hold',
        reason: 'partner-held',
        envelope,
      });
    });

    it('holds a message whose checkpoint shows a rewritten history, with the evidence', () => {
      const kept = sender.log.checkpoint();
      const rewritten = sender.log.fork().rewrite(1).append(2);
      const envelope = message({
        checkpoint: rewritten.checkpoint(),
        consistency: { fromSize: kept.size, proof: rewritten.consistencyFrom(kept.size) },
      });
      const judgement = judgeIncoming(envelope, context({ lastWitnessed: kept }));
      expect(judgement).toMatchObject({
        verdict: 'hold',
        reason: 'witness-failed',
        envelope,
        witness: { status: 'rewritten' },
      });
      expect(judgement).not.toHaveProperty('witnessed');
    });

    it.each([
      [
        'rolled back',
        (kept: SignedCheckpoint) => ({ checkpoint: sender.log.checkpoint(kept.size - 1), fromSize: 0 }),
      ],
      ['from a gap', (kept: SignedCheckpoint) => ({ fromSize: kept.size - 1 })],
      [
        'from another log',
        () => ({ checkpoint: sender.log.checkpoint(sender.log.size, sender.signer, 'nrm-ua') }),
      ],
      [
        'signed by another key',
        () => ({ checkpoint: sender.log.checkpoint(sender.log.size, stranger.signer) }),
      ],
    ])('holds a message whose checkpoint is %s', (_what, change) => {
      const kept = sender.log.checkpoint();
      sender.log.append(2);
      const envelope = message({ fromSize: kept.size, ...change(kept) });
      expect(judgeIncoming(envelope, context({ lastWitnessed: kept }))).toMatchObject({
        verdict: 'hold',
        reason: 'witness-failed',
      });
    });

    it('holds a rewritten history even when the message is also out of agreement', () => {
      const kept = sender.log.checkpoint();
      const fork = sender.log.fork(kept.size - 1).append(1);
      const envelope = message({
        checkpoint: fork.checkpoint(),
        consistency: { fromSize: kept.size, proof: [] },
      });
      const agreement = { ...sender.partner.agreement, validUntil: at(-1) };
      expect(judgeIncoming(envelope, context({ lastWitnessed: kept, partner: { agreement } }))).toMatchObject(
        {
          verdict: 'hold',
          witness: { status: 'rewritten' },
        },
      );
    });
  });

  it('needs a valid clock', () => {
    expect(() => judgeIncoming(message(), context({ now: 'yesterday' }))).toThrow(TypeError);
  });
});

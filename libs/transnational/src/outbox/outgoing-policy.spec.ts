import type { DomainEvent } from '@nrm/domain';
import { consentGiven, day, event, handoverRequestReceived, registered } from '@nrm/domain/testing';
import type { TrmMessageKind } from '../envelope/cross-border-envelope';
import type { CaseFact } from '../protocol/case-messages';
import type { DataSharingAgreement, Partner } from '../registry/partner';
import { makeTestPartner, TEST_AGREEMENT } from '../testing/test-partner';
import {
  judgeOutgoing,
  OutgoingContext,
  OutgoingEvent,
  OutgoingLink,
  OutgoingRoute,
  OutgoingWithholdReason,
  routeOutgoing,
} from './outgoing-policy';

const NOW = day(10);
const HANDOVER = '0b9f5a51-7a4e-4c1e-9f57-3c2b1a0d9e8f';
const OTHER_HANDOVER = '5d0c7e2a-3b1f-4a6e-8c9d-2e4f6a8b0c1d';

/** This node is the country of destination (DE), proposing a return to MD. */
const DESTINATION: OutgoingLink = { side: 'destination', handoverId: HANDOVER, partnerCountry: 'MD' };
/** This node is the country of origin (MD), answering DE. */
const ORIGIN: OutgoingLink = { side: 'origin', handoverId: HANDOVER, partnerCountry: 'DE' };

const PARTNER: Partner = makeTestPartner({ nodeId: 'nrm-md', country: 'MD' }).partner;

const proposed = event('HandoverProposed', {
  handoverId: HANDOVER,
  toCountry: 'MD',
  responseDueAt: day(20),
  sharedCaseRef: 'ref-1',
});
const withdrawn = (recipient?: string, purpose: 'data_sharing' | 'return' = 'data_sharing') =>
  event('ConsentWithdrawn', recipient === undefined ? { purpose } : { purpose, recipient });
const asylumApplied = event('AsylumApplicationRecorded', { appliedAt: day(5) });
const received = handoverRequestReceived({ handoverId: HANDOVER });
const accepted = event(
  'HandoverAccepted',
  { handoverId: HANDOVER, recordedBy: 'return_officer', receivingAgency: 'MD-NRM' },
  { reasons: 'family ready to receive her' },
);
const restricted = event('ProcessingRestrictionRequested', {
  byCountry: 'DE',
  byNode: 'nrm-de',
  requestedAt: day(3),
});
const progress = event('ReintegrationProgressRecorded', { status: 'on_track' }, { notes: 'back at school' });

/** A destination case whose victim agreed to share data with MD, up to `extra`. */
const consentedDestination = (...extra: DomainEvent[]): DomainEvent[] => [
  ...registered(),
  consentGiven('data_sharing', 'MD'),
  ...extra,
];

/** routeOutgoing, read as given (a link) / when (an event) / then (the route). */
function givenLink(link: OutgoingLink) {
  return {
    when(happened: DomainEvent | OutgoingEvent) {
      const route = routeOutgoing(link, happened as OutgoingEvent);
      return {
        then: (expected: OutgoingRoute) => expect(route).toEqual(expected),
        thenNothing: () => expect(route).toEqual({ route: 'none', withdrawQueued: false }),
      };
    },
  };
}

/** judgeOutgoing, read as given (a case history) / when (a message is due, and what else holds) / then. */
function given(history: readonly DomainEvent[], link: OutgoingLink = DESTINATION) {
  return {
    when(kind: TrmMessageKind, facts: Partial<Omit<OutgoingContext, 'kind' | 'history' | 'link'>> = {}) {
      const judgement = judgeOutgoing({
        kind,
        link,
        history: history as CaseFact[],
        partner: PARTNER,
        now: NOW,
        signedCheckpoint: true,
        ...facts,
      });
      return {
        judgement,
        thenWithholds: (reason: OutgoingWithholdReason) =>
          expect(judgement).toEqual({ verdict: 'withhold', kind, reason }),
        /** Sent; with `payload`, exactly that payload. */
        thenSends: (payload?: Record<string, unknown>) => {
          expect(judgement).toMatchObject({ verdict: 'send', kind });
          if (payload) expect(judgement).toHaveProperty('payload', payload);
        },
      };
    },
  };
}

const agreementWith = (changes: Partial<DataSharingAgreement>): Partner => ({
  ...PARTNER,
  agreement: { ...TEST_AGREEMENT, ...changes },
});

describe('routeOutgoing: what a local event means for one linked partner', () => {
  describe('erasure', () => {
    it.each([DESTINATION, ORIGIN])('drops what is queued and sends nothing ($side)', (link) => {
      givenLink(link)
        .when({ type: 'PersonalDataErased', data: {}, erasesPersonalData: true })
        .then({ route: 'none', withdrawQueued: true });
    });

    it('drops nothing for an event that erases nothing', () => {
      givenLink(DESTINATION).when({ type: 'PersonalDataErased', data: {} }).thenNothing();
    });
  });

  describe('the handover the link was opened for', () => {
    it('sends a step of the linked handover', () => {
      givenLink(DESTINATION)
        .when(proposed)
        .then({ route: 'message', kind: 'handover.proposed', withdrawQueued: false });
      givenLink(ORIGIN)
        .when(accepted)
        .then({ route: 'message', kind: 'handover.accepted', withdrawQueued: false });
    });

    it('never sends a step of another handover on this link', () => {
      givenLink(DESTINATION)
        .when({ ...proposed, data: { ...proposed.data, handoverId: OTHER_HANDOVER } })
        .thenNothing();
      givenLink(ORIGIN)
        .when({ ...accepted, data: { ...accepted.data, handoverId: OTHER_HANDOVER } })
        .thenNothing();
    });

    it('sends what belongs to no handover in particular (reintegration)', () => {
      givenLink(ORIGIN)
        .when(progress)
        .then({ route: 'message', kind: 'reintegration.progress-recorded', withdrawQueued: false });
    });
  });

  describe('what each side sends', () => {
    it('sends only what the side records: the destination proposes, the origin answers', () => {
      givenLink(ORIGIN).when(proposed).thenNothing();
      givenLink(DESTINATION).when(accepted).thenNothing();
    });

    it('sends nothing for an event that has no message', () => {
      givenLink(DESTINATION).when(consentGiven('data_sharing', 'MD')).thenNothing();
    });
  });

  describe('asylum', () => {
    it('at the destination drops what is queued and withholds everything', () => {
      givenLink(DESTINATION)
        .when(asylumApplied)
        .then({ route: 'withhold', kind: 'any', reason: 'asylum', withdrawQueued: true });
    });

    it('at the origin is nothing to tell', () => {
      givenLink(ORIGIN).when(asylumApplied).thenNothing();
    });
  });

  describe('consent withdrawn', () => {
    it("at the destination, for sharing with the partner's country: drops what is queued, asks for restriction", () => {
      givenLink(DESTINATION)
        .when(withdrawn('MD'))
        .then({ route: 'message', kind: 'consent.restriction-requested', withdrawQueued: true });
    });

    it.each([
      ['for sharing with another country', withdrawn('RO')],
      ['for sharing without a recipient', withdrawn()],
      ['for another purpose', withdrawn('MD', 'return')],
    ])('at the destination, %s: nothing', (_what, withdrawal) => {
      givenLink(DESTINATION).when(withdrawal).thenNothing();
    });

    it('at the origin: nothing is dropped or sent (later reintegration messages are withheld)', () => {
      givenLink(ORIGIN).when(withdrawn('DE')).thenNothing();
    });
  });
});

describe('judgeOutgoing: whether a due message goes, and with what', () => {
  describe('send', () => {
    it('sends the protocol fields and only the optional fields the agreement lists', () => {
      const outcome = given(consentedDestination(proposed)).when('handover.proposed');
      expect(outcome.judgement).toEqual({
        verdict: 'send',
        kind: 'handover.proposed',
        purpose: 'return',
        partner: PARTNER,
        // The history holds the name too; TEST_AGREEMENT does not list it for 'return'.
        payload: {
          handoverId: HANDOVER,
          responseDueAt: day(20),
          presumedMinor: false,
          'person.ageBand': '24--26',
        },
        carriesPersonalData: false,
      });
    });

    it('says when the payload carries personal data (the read goes to the access log)', () => {
      const partner = agreementWith({ fields: { return: ['person.givenName'] } });
      const outcome = given(consentedDestination(proposed)).when('handover.proposed', { partner });
      outcome.thenSends({
        handoverId: HANDOVER,
        responseDueAt: day(20),
        presumedMinor: false,
        'person.givenName': 'Ana',
      });
      expect(outcome.judgement).toMatchObject({ carriesPersonalData: true });
    });

    it('sends nothing personal once the personal parts cannot be read (erased)', () => {
      const partner = agreementWith({ fields: { return: ['person.givenName'] } });
      const erased = consentedDestination(proposed).map(({ type, data }) => ({ type, data }) as DomainEvent);
      const outcome = given(erased).when('handover.proposed', { partner });
      outcome.thenSends({ handoverId: HANDOVER, responseDueAt: day(20), presumedMinor: false });
      expect(outcome.judgement).toMatchObject({ carriesPersonalData: false });
    });

    it('sends an answer with its personal reasons when the agreement lists them', () => {
      const partner = agreementWith({ fields: { return: ['return.receivingAgency', 'answer.reasons'] } });
      const outcome = given([received, accepted], ORIGIN).when('handover.accepted', { partner });
      outcome.thenSends({
        handoverId: HANDOVER,
        'return.receivingAgency': 'MD-NRM',
        'answer.reasons': 'family ready to receive her',
      });
      expect(outcome.judgement).toMatchObject({ carriesPersonalData: true });
    });
  });

  describe('sharing bar: consent, asylum, restriction', () => {
    it('withholds at the destination without a data-sharing consent naming the partner country', () => {
      given([...registered(), proposed])
        .when('handover.proposed')
        .thenWithholds('consent-withdrawn');
      given([...registered(), consentGiven('data_sharing', 'RO'), proposed])
        .when('handover.proposed')
        .thenWithholds('consent-withdrawn');
    });

    it('withholds at the destination once the consent is withdrawn, but the restriction request goes', () => {
      const history = consentedDestination(proposed, withdrawn('MD'));
      given(history).when('return.travel-started').thenWithholds('consent-withdrawn');
      given(history).when('consent.restriction-requested').thenSends({});
    });

    it('withholds everything at the destination while asylum is pending, the restriction request included', () => {
      const history = consentedDestination(proposed, asylumApplied, withdrawn('MD'));
      given(history).when('return.travel-started').thenWithholds('asylum');
      given(history).when('consent.restriction-requested').thenWithholds('asylum');
    });

    it('sends again at the destination once asylum is refused', () => {
      const refused = event('AsylumApplicationClosed', { outcome: 'refused' });
      given(consentedDestination(asylumApplied, refused, proposed))
        .when('handover.proposed')
        .thenSends();
    });

    it('sends answers from the origin without consent recorded there, but nothing after a restriction', () => {
      given([received, accepted], ORIGIN).when('handover.accepted').thenSends();
      given([received, restricted, accepted], ORIGIN).when('handover.accepted').thenWithholds('restricted');
    });

    it("withholds reintegration news from the origin without a consent naming the destination's country", () => {
      given([received, progress], ORIGIN).when('reintegration.progress-recorded').thenWithholds('no-consent');
      given([received, consentGiven('data_sharing', 'DE'), progress], ORIGIN)
        .when('reintegration.progress-recorded')
        .thenSends({ status: 'on_track' });
    });
  });

  describe('partner registry and agreement', () => {
    it.each<[string, Partner | undefined, OutgoingWithholdReason]>([
      ['the linked partner is not in the registry', undefined, 'partner-removed'],
      ['the linked partner was removed', { ...PARTNER, status: 'removed' }, 'partner-removed'],
      [
        'the agreement does not list the purpose',
        agreementWith({ fields: { reintegration: [] } }),
        'out-of-agreement',
      ],
      ['the agreement has ended', agreementWith({ validUntil: day(9) }), 'out-of-agreement'],
    ])('withholds when %s', (_what, partner, reason) => {
      given(consentedDestination(proposed)).when('handover.proposed', { partner }).thenWithholds(reason);
    });

    it('still sends to a held partner (holding concerns what it sends here)', () => {
      given(consentedDestination(proposed))
        .when('handover.proposed', { partner: { ...PARTNER, status: 'held' } })
        .thenSends();
    });

    it('sends under an agreement that ends later', () => {
      given(consentedDestination(proposed))
        .when('handover.proposed', { partner: agreementWith({ validUntil: day(11) }) })
        .thenSends();
    });

    it('always lets the restriction request through, even under an ended agreement without that purpose', () => {
      const partner = agreementWith({ fields: { return: [] }, validUntil: day(1) });
      given(consentedDestination(proposed, withdrawn('MD')))
        .when('consent.restriction-requested', { partner })
        .thenSends({});
    });
  });

  describe('signed checkpoint', () => {
    it('withholds when this node has no signed checkpoint for the partner to witness', () => {
      given(consentedDestination(proposed))
        .when('handover.proposed', { signedCheckpoint: false })
        .thenWithholds('no-signed-checkpoint');
    });
  });

  describe('order of the gates (the first that fails is recorded)', () => {
    const removed: Partner = { ...agreementWith({ validUntil: day(1) }), status: 'removed' };

    it('names the sharing bar before anything about the partner', () => {
      given([...registered(), proposed])
        .when('handover.proposed', { partner: removed, signedCheckpoint: false })
        .thenWithholds('consent-withdrawn');
    });

    it('names the removed partner before its agreement', () => {
      given(consentedDestination(proposed))
        .when('handover.proposed', { partner: removed, signedCheckpoint: false })
        .thenWithholds('partner-removed');
    });

    it('names the agreement before the checkpoint', () => {
      given(consentedDestination(proposed))
        .when('handover.proposed', {
          partner: agreementWith({ validUntil: day(1) }),
          signedCheckpoint: false,
        })
        .thenWithholds('out-of-agreement');
    });
  });
});

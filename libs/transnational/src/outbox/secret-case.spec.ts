import type { VictimWish } from '@nrm/contracts';
import type { DomainEvent } from '@nrm/domain';
import { consentGiven, day, event, handoverRequestReceived, registered } from '@nrm/domain/testing';
import type { CaseFact } from '../protocol/case-messages';
import { SHAREABLE_FIELDS, type Partner } from '../registry/partner';
import { makeTestPartner, TEST_AGREEMENT } from '../testing/test-partner';
import { judgeOutgoing, type OutgoingLink } from './outgoing-policy';

const HANDOVER = '0b9f5a51-7a4e-4c1e-9f57-3c2b1a0d9e8f';
const DESTINATION: OutgoingLink = { side: 'destination', handoverId: HANDOVER, partnerCountry: 'MD' };
const ORIGIN: OutgoingLink = { side: 'origin', handoverId: HANDOVER, partnerCountry: 'DE' };
/** An agreement that lets every field travel: what is left out below is left out by the wish alone. */
const EVERYTHING: Partner = {
  ...makeTestPartner({ nodeId: 'nrm-md', country: 'MD' }).partner,
  agreement: {
    ...TEST_AGREEMENT,
    fields: { return: SHAREABLE_FIELDS, reintegration: SHAREABLE_FIELDS, restriction: [] },
  },
};

const stated = (wishes: VictimWish[], n: number) =>
  event('VictimWishesStated', { statementId: `w${n}`, wishes, statedAt: day(n) });
const proposed = event('HandoverProposed', {
  handoverId: HANDOVER,
  toCountry: 'MD',
  responseDueAt: day(20),
  sharedCaseRef: 'ref-1',
});
const destination = (...wishes: DomainEvent[]) => [
  ...registered(),
  consentGiven('data_sharing', 'MD'),
  ...wishes,
  proposed,
];

function payloadOf(
  history: readonly DomainEvent[],
  link: OutgoingLink,
  kind: Parameters<typeof judgeOutgoing>[0]['kind'],
) {
  const judgement = judgeOutgoing({
    kind,
    link,
    history: history as CaseFact[],
    partner: EVERYTHING,
    now: day(10),
    signedCheckpoint: true,
  });
  if (judgement.verdict !== 'send') throw new Error(`withheld: ${judgement.reason}`);
  return judgement.payload;
}

describe('a wish to keep the case secret narrows what partners receive', () => {
  it('sends the proposal with only what the return needs while the wish stands', () => {
    const payload = payloadOf(
      destination(stated(['keep_case_secret', 'return_to_origin'], 2)),
      DESTINATION,
      'handover.proposed',
    );
    expect(payload).toEqual({
      handoverId: HANDOVER,
      responseDueAt: day(20),
      presumedMinor: false,
      'person.givenName': 'Ana',
      'person.familyName': 'Popescu',
      'person.citizenship': 'MD',
    });
  });

  it('sends what the agreement allows without the wish, or once the victim no longer states it', () => {
    const full = payloadOf(destination(), DESTINATION, 'handover.proposed');
    expect(full).toMatchObject({
      'case.formsOfExploitation': ['forced_labour'],
      'person.sex': 'female',
      'person.ageBand': '24--26',
    });
    expect(
      payloadOf(
        destination(stated(['keep_case_secret'], 2), stated(['return_to_origin'], 3)),
        DESTINATION,
        'handover.proposed',
      ),
    ).toEqual(full);
  });

  it('leaves the reintegration notes out of what the country of origin shares back', () => {
    const origin = (...wishes: DomainEvent[]) => [
      handoverRequestReceived({ handoverId: HANDOVER }),
      consentGiven('data_sharing', 'DE'),
      ...wishes,
      event('ReintegrationProgressRecorded', { status: 'on_track' }, { notes: 'back at school' }),
    ];
    expect(payloadOf(origin(), ORIGIN, 'reintegration.progress-recorded')).toEqual({
      status: 'on_track',
      'reintegration.notes': 'back at school',
    });
    expect(
      payloadOf(origin(stated(['keep_case_secret'], 2)), ORIGIN, 'reintegration.progress-recorded'),
    ).toEqual({
      status: 'on_track',
    });
  });
});

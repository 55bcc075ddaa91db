import { decideForCase } from '@nrm/domain';
import type { DataSharingAgreement } from '../registry/partner';
import { candidatePayload, commandForMessage, outgoingKind, type CaseFact } from './case-messages';
import { agreementAllows, checkPayload, minimalPayload } from './minimal-payload';

const HANDOVER = '0b9f5a51-7a4e-4c1e-9f57-3c2b1a0d9e8f';
const history: CaseFact[] = [
  {
    type: 'PresumedVictimRegistered',
    data: {
      caseId: 'c',
      referralSource: 'police',
      countryOfExploitation: 'DE',
      formsOfExploitation: ['forced_labour'],
      indicators: ['IND-7'],
      meansOfControl: [],
      sex: 'female',
      citizenship: 'MD',
      ageBand: '21--23',
      ageUncertain: false,
      presumedMinor: false,
      registeredAt: '2026-01-01T00:00:00.000Z',
    },
    personal: { givenName: 'Ana', familyName: 'Rusu', dateOfBirth: '2004-02-03' },
  },
  { type: 'ReturnRiskAssessed', data: { level: 'low', familyAssessed: true }, personal: { notes: 'secret' } },
];
const proposed: CaseFact = {
  type: 'HandoverProposed',
  data: {
    handoverId: HANDOVER,
    toCountry: 'MD',
    responseDueAt: '2026-02-01T00:00:00.000Z',
    sharedCaseRef: 'r',
  },
};
const agreement: DataSharingAgreement = {
  reference: 'MoU',
  fields: { return: ['person.givenName', 'person.familyName', 'return.riskLevel'] },
};

describe('cross-border payloads', () => {
  it('sends only the protocol fields and what the agreement lists — never indicators or notes', () => {
    const kind = outgoingKind('destination', 'HandoverProposed')!;
    const payload = minimalPayload(kind, candidatePayload(kind, proposed, [...history, proposed]), agreement);
    expect(payload).toEqual({
      handoverId: HANDOVER,
      responseDueAt: '2026-02-01T00:00:00.000Z',
      presumedMinor: false,
      'person.givenName': 'Ana',
      'person.familyName': 'Rusu',
      'return.riskLevel': 'low',
    });
    expect(JSON.stringify(payload)).not.toMatch(/IND-7|secret|2004-02-03/);
  });

  it('proposes a person registered under a pseudonym with the identity recorded later, never the pseudonym', () => {
    const [registration, risk] = history;
    const pseudonymous: CaseFact[] = [
      {
        ...registration,
        data: { ...registration.data, pseudonymous: true },
        personal: { pseudonym: 'Rose' },
      },
      {
        type: 'IdentityRecorded',
        data: { recordedAt: '2026-01-10T00:00:00.000Z' },
        personal: { givenName: 'Ana', familyName: 'Rusu' },
      },
      risk,
      proposed,
    ];
    const kind = outgoingKind('destination', 'HandoverProposed')!;
    const candidate = candidatePayload(kind, proposed, pseudonymous);
    expect(candidate).toMatchObject({ 'person.givenName': 'Ana', 'person.familyName': 'Rusu' });
    expect(JSON.stringify(minimalPayload(kind, candidate, agreement))).not.toContain('Rose');
  });

  it('proposes a converted person at risk with the person as registered and the forms as converted', () => {
    const converted: CaseFact[] = [
      {
        type: 'PersonAtRiskRegistered',
        data: {
          caseId: 'c',
          vulnerabilities: ['stranded_migrant'],
          referralSource: 'ngo',
          sex: 'male',
          citizenship: 'MD',
          ageBand: '9--17',
          ageUncertain: false,
          presumedMinor: true,
          registeredAt: '2026-01-01T00:00:00.000Z',
        },
        personal: { givenName: 'Dan', familyName: 'Rusu' },
      },
      {
        type: 'PersonAtRiskConverted',
        data: {
          indicators: ['IND-9'],
          countryOfExploitation: 'DE',
          formsOfExploitation: ['forced_begging'],
          meansOfControl: [],
          convertedAt: '2026-01-10T00:00:00.000Z',
        },
      },
    ];
    const kind = outgoingKind('destination', 'HandoverProposed')!;
    const payload = candidatePayload(kind, proposed, [...converted, proposed]);
    expect(payload).toMatchObject({
      presumedMinor: true,
      'person.sex': 'male',
      'person.givenName': 'Dan',
      'case.formsOfExploitation': ['forced_begging'],
    });
    expect(JSON.stringify(payload)).not.toMatch(/IND-9|stranded_migrant/);
  });

  it('lets the receiver refuse a payload that carries more than the agreement, or lacks a protocol field', () => {
    const over = {
      handoverId: HANDOVER,
      responseDueAt: '2026-02-01T00:00:00.000Z',
      presumedMinor: false,
      'person.dateOfBirth': '2004-02-03',
    };
    expect(checkPayload('handover.proposed', over, agreement)).toMatchObject({
      ok: false,
      reason: 'out-of-agreement',
    });
    expect(checkPayload('handover.proposed', { handoverId: HANDOVER }, agreement)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(
      checkPayload(
        'handover.proposed',
        { handoverId: HANDOVER, responseDueAt: 'soon', presumedMinor: false },
        agreement,
      ),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('turns a checked proposal into a new case in the country of origin, person encrypted apart', () => {
    const kind = 'handover.proposed';
    const payload = minimalPayload(kind, candidatePayload(kind, proposed, [...history, proposed]), agreement);
    expect(checkPayload(kind, payload, agreement)).toEqual({ ok: true });
    const command = commandForMessage(kind, payload, {
      caseId: '6a1f3d2c-0000-4000-8000-000000000001',
      at: '2026-01-20T00:00:00.000Z',
      sharedCaseRef: 'r',
      fromCountry: 'DE',
      fromNode: 'nrm-de',
    });
    const [event] = decideForCase(command, []);
    expect(event.type).toBe('HandoverRequestReceived');
    expect((event as { personal?: unknown }).personal).toEqual({ givenName: 'Ana', familyName: 'Rusu' });
    expect(event.data).toMatchObject({ fromCountry: 'DE', returnRiskLevel: 'low', formsOfExploitation: [] });
  });

  it('knows which side sends what: answers from the origin, the journey from the destination', () => {
    expect(outgoingKind('origin', 'HandoverAccepted')).toBe('handover.accepted');
    expect(outgoingKind('destination', 'HandoverAccepted')).toBeUndefined();
    expect(outgoingKind('destination', 'ReturnTravelStarted')).toBe('return.travel-started');
    expect(outgoingKind('origin', 'ReturnTravelStarted')).toBeUndefined();
  });

  it('stops a message whose purpose the agreement lacks or after it expired; restriction always travels', () => {
    const now = '2026-03-01T00:00:00.000Z';
    expect(agreementAllows('handover.proposed', agreement, now)).toBe(true);
    expect(agreementAllows('reintegration.plan-adopted', agreement, now)).toBe(false);
    expect(
      agreementAllows('handover.proposed', { ...agreement, validUntil: '2026-02-01T00:00:00Z' }, now),
    ).toBe(false);
    expect(agreementAllows('consent.restriction-requested', { reference: 'x', fields: {} }, now)).toBe(true);
  });
});

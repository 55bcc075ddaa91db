import { walkToHandover, type Step } from '../../testing/case-fixtures';
import { familyCatalogue } from '../../testing/family-fixtures';
import { foldSteps } from '../../testing/stored-steps';

const caseId = '0b6f0c1e-4a8e-4a57-9d3c-3f1f2b7f6a10';
const t0 = '2025-01-06T09:00:00.000Z';

const fold = (steps: Step[]) => foldSteps(caseId, steps);

describe('case detail: the family', () => {
  const walk = [...walkToHandover(caseId, t0).slice(0, 2), ...familyCatalogue(t0)];

  it('lists the members (names as ciphertext only), their child rules, assessment, tracing and parentage', () => {
    const family = fold(walk)?.family;
    expect(family?.members).toEqual([
      expect.objectContaining({
        memberId: 'm-1',
        relation: 'child',
        bornInDestination: true,
        presumedMinor: true,
        person: expect.objectContaining({ ciphertext: expect.any(String) }),
        guardian: expect.objectContaining({
          authority: 'Child Protection Authority',
          name: expect.any(Object),
        }),
        bestInterests: expect.objectContaining({ outcome: 'reunite', reunificationInBestInterests: true }),
      }),
      expect.objectContaining({ memberId: 'm-2', relation: 'parent', bornInDestination: false }),
    ]);
    expect(JSON.stringify(family)).not.toMatch(/Daria|Karla/);
    expect(family?.assessment).toMatchObject({ memberIds: ['m-1', 'm-2'], needs: ['medical'] });
    expect(family?.parentage).toEqual([
      expect.objectContaining({
        proceedingId: 'pr-1',
        memberId: 'm-1',
        outcome: 'recognised',
        steps: [expect.objectContaining({ step: 'application_filed' })],
      }),
    ]);
    expect(family?.tracings).toEqual([
      expect.objectContaining({
        tracingId: 'tr-1',
        outcome: 'found',
        reunification: expect.objectContaining({ status: 'reunified' }),
      }),
      expect.objectContaining({
        tracingId: 'tr-2',
        outcome: 'not_safe',
        reunification: expect.objectContaining({ status: 'refused', reason: 'not_safe' }),
      }),
    ]);
  });

  it('marks one member erased by their own erasure, and every member by the victim’s', () => {
    const memberErased: Step = {
      type: 'FamilyMemberDataErased',
      at: t0,
      data: { memberId: 'm-1', legalBasis: 'x' },
    };
    const one = fold([...walk, memberErased])?.family?.members;
    expect(one?.map((m) => [m.memberId, m.erasedAt !== undefined])).toEqual([
      ['m-1', true],
      ['m-2', false],
    ]);
    const all = fold([...walk, { type: 'PersonalDataErased', at: t0, data: { legalBasis: 'x' } }])?.family
      ?.members;
    expect(all?.every((m) => m.erasedAt !== undefined)).toBe(true);
  });

  it('keeps a plan line’s members', () => {
    const plan: Step = {
      type: 'AssistancePlanAdopted',
      at: t0,
      data: { planId: 'p', services: [{ serviceId: 's', kind: 'medical', memberIds: ['m-1'] }] },
    };
    expect(fold([...walk, plan])?.assistancePlan?.services).toEqual([
      { serviceId: 's', kind: 'medical', memberIds: ['m-1'] },
    ]);
  });
});

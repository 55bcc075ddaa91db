import { day, registration, type Step } from '../../testing/case-fixtures';
import { foldSteps } from '../../testing/stored-steps';

const caseId = '7d3e2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b';
const t0 = '2025-01-06T09:00:00.000Z';

const fold = (steps: Step[]) => foldSteps(caseId, steps);

const registered = registration({ caseId, at: t0, reflectionDays: 90 });
const notified: Step = {
  type: 'RemovalOrderNotified',
  at: day(t0, 5),
  data: { orderId: 'ro-1', notifiedAt: day(t0, 4) },
};
const alert = { kind: 'removal_before_identification', ref: 'ro-1', dueAt: day(t0, 4) };

describe('legal status deadlines', () => {
  it('has no legal status until something is recorded', () => {
    expect(fold(registered)?.legalStatus).toBeUndefined();
  });

  it('makes a granted permit’s renewal due 30 days before it expires, moved by a renewal', () => {
    const applied: Step = {
      type: 'ResidencePermitApplied',
      at: day(t0, 2),
      data: { permitId: 'p-1', basis: 'personal_situation', appliedAt: day(t0, 2) },
    };
    const granted: Step = {
      type: 'ResidencePermitGranted',
      at: day(t0, 3),
      data: { permitId: 'p-1', validUntil: '2025-06-30' },
    };
    const renewed: Step = {
      type: 'ResidencePermitRenewed',
      at: day(t0, 4),
      data: { permitId: 'p-1', validUntil: '2025-12-31' },
    };
    const expiry = (dueAt: string) => ({ kind: 'residence_permit_expiry', ref: 'p-1', dueAt });
    expect(fold([...registered, applied])?.deadlines).not.toContainEqual(
      expect.objectContaining({ kind: 'residence_permit_expiry' }),
    );
    // Valid through 30 June: due on 1 June, 30 days before the first day it is no longer valid.
    expect(fold([...registered, applied, granted])?.deadlines).toContainEqual(
      expiry('2025-06-01T00:00:00.000Z'),
    );
    const detail = fold([...registered, applied, granted, renewed]);
    expect(detail?.deadlines).toContainEqual(expiry('2025-12-02T00:00:00.000Z'));
    expect(detail?.legalStatus?.residencePermits).toEqual([
      {
        permitId: 'p-1',
        basis: 'personal_situation',
        appliedAt: day(t0, 2),
        status: 'granted',
        decidedAt: day(t0, 3),
        validUntil: '2025-12-31',
        renewedAt: day(t0, 4),
      },
    ]);
  });

  it('raises the removal alert while the identification is pending, due at the notification', () => {
    expect(fold([...registered, notified])?.deadlines).toContainEqual(alert);
  });

  it.each<[string, Step]>([
    [
      'the identification concluded',
      {
        type: 'IdentificationConcluded',
        at: day(t0, 6),
        data: { status: 'not_identified', decidingBody: 'police', formsOfExploitation: [] },
      },
    ],
    [
      'the order was suspended',
      { type: 'RemovalOrderLifted', at: day(t0, 6), data: { orderId: 'ro-1', outcome: 'suspended' } },
    ],
  ])('clears the alert once %s', (_label, step) => {
    expect(fold([...registered, notified, step])?.deadlines).not.toContainEqual(alert);
  });
});

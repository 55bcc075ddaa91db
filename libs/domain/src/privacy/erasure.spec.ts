import { CaseNotFoundError } from '../shared/case-errors';
import { decideErasure, erasureStateOf, PERSONAL_DATA_ERASED } from './erasure';

const command = { caseId: 'c1', legalBasis: 'GDPR art. 17(1)(a)' };
const registered = { type: 'PresumedVictimRegistered', revision: 0 };

describe('erasure decision', () => {
  it('given a case, records the erasure with its legal basis', () => {
    expect(decideErasure(command, erasureStateOf([registered]))).toEqual([
      { type: PERSONAL_DATA_ERASED, data: { legalBasis: command.legalBasis } },
    ]);
  });

  it('given a case erased before, records nothing again', () => {
    const state = erasureStateOf([registered, { type: PERSONAL_DATA_ERASED, revision: 1 }]);
    expect(state).toEqual({ revision: 1, erasedAt: 1 });
    expect(decideErasure(command, state)).toEqual([]);
  });

  it('given no case, refuses as not found', () => {
    expect(() => decideErasure(command, erasureStateOf([]))).toThrow(CaseNotFoundError);
  });
});

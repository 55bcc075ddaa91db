import { CaseNotFoundError } from '../shared/case-errors';
import { RuleViolation } from '../shared/rule-violation';
import {
  decideErasure,
  decideMemberErasure,
  erasureStateOf,
  FAMILY_MEMBER_DATA_ERASED,
  memberErasureStateOf,
  PERSONAL_DATA_ERASED,
} from './erasure';

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

describe('erasure of one family member', () => {
  const member = { caseId: 'c1', memberId: 'm1', legalBasis: 'GDPR art. 17(1)(a)' };
  const history = [
    { type: 'PresumedVictimRegistered', revision: 0, data: {} },
    { type: 'FamilyMemberLinked', revision: 1, data: { memberId: 'm1' } },
    { type: 'FamilyMemberLinked', revision: 2, data: { memberId: 'm2' } },
  ];

  it('given a linked member, records their erasure alone', () => {
    expect(decideMemberErasure(member, memberErasureStateOf(history, 'm1'))).toEqual([
      { type: FAMILY_MEMBER_DATA_ERASED, data: { memberId: 'm1', legalBasis: member.legalBasis } },
    ]);
  });

  it('given the member (or the whole case) erased before, records nothing again; another member is not', () => {
    const erased = [...history, { type: FAMILY_MEMBER_DATA_ERASED, revision: 3, data: { memberId: 'm1' } }];
    expect(decideMemberErasure(member, memberErasureStateOf(erased, 'm1'))).toEqual([]);
    expect(
      decideMemberErasure({ ...member, memberId: 'm2' }, memberErasureStateOf(erased, 'm2')),
    ).toHaveLength(1);
    const caseErased = [...history, { type: PERSONAL_DATA_ERASED, revision: 3, data: {} }];
    expect(decideMemberErasure(member, memberErasureStateOf(caseErased, 'm1'))).toEqual([]);
  });

  it('refuses a member not linked to the case (invalid-request), and a missing case as not found', () => {
    expect(() =>
      decideMemberErasure({ ...member, memberId: 'nope' }, memberErasureStateOf(history, 'nope')),
    ).toThrow(RuleViolation);
    expect(() => decideMemberErasure(member, memberErasureStateOf([], 'm1'))).toThrow(CaseNotFoundError);
  });
});

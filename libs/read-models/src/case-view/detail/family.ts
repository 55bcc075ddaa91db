import type { FamilyAssistanceEvent, FamilyReturnEvent } from '@nrm/contracts';
import type { EncryptedPersonalData, StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail, FamilyMemberView, FamilyView } from '../../port/case-views';
import type { StoredCaseEvent } from './case-events';
import { updateFirst } from './updates';

type StoredFamilyEvent = Extract<
  StoredCaseEvent,
  { type: (FamilyAssistanceEvent | FamilyReturnEvent)['type'] }
>;

const EMPTY_FAMILY: FamilyView = { members: [], tracings: [], parentage: [] };

/** The node events that erase: the victim (and with them every member) or one member. */
const PERSONAL_DATA_ERASED = 'PersonalDataErased';
const FAMILY_MEMBER_DATA_ERASED = 'FamilyMemberDataErased';

/**
 * Family members linked to the case, their guardians and best-interests determinations, the family
 * assessment, tracing and reunification, and parentage recognition. Members' names stay ciphertext
 * (under each member's own key), as the person's do.
 */
export function evolveFamily(view: CaseDetail, event: StoredFamilyEvent): CaseDetail {
  const family = view.family ?? EMPTY_FAMILY;
  const at = event.occurredAt;
  switch (event.type) {
    case 'FamilyMemberLinked': {
      const { memberId, relation, bornInDestination, sex, ageBand, presumedMinor, linkedAt } = event.data;
      if (family.members.some((m) => m.memberId === memberId)) return view;
      const member: FamilyMemberView = {
        memberId,
        relation,
        bornInDestination: bornInDestination ?? false,
        sex,
        ageBand,
        presumedMinor,
        linkedAt,
        ...personalOf(event),
      };
      return withFamily(view, { ...family, members: [...family.members, member] });
    }
    case 'MemberGuardianAppointed': {
      const name = event.personal;
      return withMember(view, family, event.data.memberId, (m) => ({
        ...m,
        guardian: { authority: event.data.authority, appointedAt: at, ...(name ? { name } : {}) },
      }));
    }
    case 'MemberBestInterestsDetermined': {
      const { outcome, reunificationInBestInterests } = event.data;
      return withMember(view, family, event.data.memberId, (m) => ({
        ...m,
        bestInterests: {
          outcome,
          determinedAt: at,
          ...(reunificationInBestInterests === undefined ? {} : { reunificationInBestInterests }),
        },
      }));
    }
    case 'FamilyAssessed':
      return withFamily(view, {
        ...family,
        assessment: { memberIds: event.data.memberIds, needs: event.data.needs, at },
      });
    case 'ParentageRecognitionStarted': {
      const { memberId, proceedingId, authority } = event.data;
      if (family.parentage.some((p) => p.proceedingId === proceedingId)) return view;
      return withFamily(view, {
        ...family,
        parentage: [...family.parentage, { proceedingId, memberId, authority, startedAt: at, steps: [] }],
      });
    }
    case 'ParentageRecognitionStepRecorded':
      return withFamily(view, {
        ...family,
        parentage: updateFirst(
          family.parentage,
          (p) => p.proceedingId === event.data.proceedingId,
          (p) => ({ ...p, steps: [...p.steps, { step: event.data.step, at }] }),
        ),
      });
    case 'ParentageRecognitionConcluded':
      return withFamily(view, {
        ...family,
        parentage: updateFirst(
          family.parentage,
          (p) => p.proceedingId === event.data.proceedingId,
          (p) => ({ ...p, outcome: event.data.outcome, concludedAt: at }),
        ),
      });
    case 'FamilyTracingRequested': {
      const { tracingId, memberId, country } = event.data;
      if (family.tracings.some((t) => t.tracingId === tracingId)) return view;
      return withFamily(view, {
        ...family,
        tracings: [...family.tracings, { tracingId, memberId, country, requestedAt: at }],
      });
    }
    case 'FamilyTracingConcluded':
      return withTracing(view, family, event.data.tracingId, {
        outcome: event.data.outcome,
        concludedAt: at,
      });
    case 'FamilyReunified':
      return withTracing(view, family, event.data.tracingId, { reunification: { status: 'reunified', at } });
    case 'FamilyReunificationRefused':
      return withTracing(view, family, event.data.tracingId, {
        reunification: { status: 'refused', reason: event.data.reason, at },
      });
  }
}

/**
 * Erasure as the family shows it: erasing the victim erases every member linked to the case; erasing
 * one member marks that member only. The keys are shredded by the erasure service; this only records
 * when, so that an erased member reads as erased even to a caller who may not see names.
 */
export function evolveFamilyErasure(view: CaseDetail, event: StoredEvent): CaseDetail {
  const family = view.family;
  if (!family) return view;
  const erase = (m: FamilyMemberView): FamilyMemberView =>
    m.erasedAt ? m : { ...m, erasedAt: event.occurredAt };
  if (event.type === PERSONAL_DATA_ERASED)
    return withFamily(view, { ...family, members: family.members.map(erase) });
  if (event.type === FAMILY_MEMBER_DATA_ERASED) {
    const memberId = event.data.memberId;
    return withMember(view, family, typeof memberId === 'string' ? memberId : '', erase);
  }
  return view;
}

function personalOf(event: StoredEvent): { person?: EncryptedPersonalData } {
  return event.personal ? { person: event.personal } : {};
}

function withFamily(view: CaseDetail, family: FamilyView): CaseDetail {
  return { ...view, family };
}

function withMember(
  view: CaseDetail,
  family: FamilyView,
  memberId: string,
  update: (member: FamilyMemberView) => FamilyMemberView,
): CaseDetail {
  const members = updateFirst(family.members, (m) => m.memberId === memberId, update);
  return members === family.members ? view : withFamily(view, { ...family, members });
}

function withTracing(
  view: CaseDetail,
  family: FamilyView,
  tracingId: string,
  change: Partial<FamilyView['tracings'][number]>,
): CaseDetail {
  return withFamily(view, {
    ...family,
    tracings: updateFirst(
      family.tracings,
      (t) => t.tracingId === tracingId,
      (t) => ({ ...t, ...change }),
    ),
  });
}

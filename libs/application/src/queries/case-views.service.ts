import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@nrm/config/clock';
import { CaseNotFoundError } from '@nrm/domain';
import type { Principal } from '@nrm/iam/roles';
import { PersonalDataCipher } from '@nrm/privacy';
import {
  caseKindOf,
  CaseDetail,
  CaseHistoryEntry,
  FamilyMemberView,
  PersonView,
  READ_MODEL_STORE,
  ReadModelStore,
  revealPersonalData,
  withOverdue,
} from '@nrm/read-models';
import { AccessLog } from '../access-log/access-log';
import { mayAccessCase } from '../cases/case-scope';
import { RequestContext } from '../cases/command-context';
import { CaseEventView, CaseView, ERASED, FamilyMemberCaseView, withheldFrom } from './case-view';
import { personalDataPurpose, personalDataWithheld } from './personal-data-policy';
import { meetingsHavePersonalData, meetingsWithoutPersonal, revealMeetings } from './meetings-view';
import { revealWishes, wishesHavePersonalData, wishesWithoutPersonal } from './wishes-view';

/**
 * The one place a case is shown: record scope, overdue flags, the personal-data policy with its
 * access-log record, one answer for erased data, and data minimisation. Used by the case routes and
 * by the exporter, so that a case reads the same through both.
 */
@Injectable()
export class CaseViews {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The case, or CaseNotFoundError both when it does not exist and when it is outside the caller's scope. */
  async inScope(caseId: string, principal: Principal): Promise<CaseDetail> {
    const detail = await this.readModels.getCase(caseId);
    if (!detail || !mayAccessCase(principal, detail.agencies)) throw new CaseNotFoundError(caseId);
    return detail;
  }

  /**
   * GET /api/cases/:id: personal data only under a purpose the caller may state, recorded before it is
   * shown; never when the caller asks without the person (`includePerson: false`).
   */
  async read(caseId: string, context: RequestContext, asked: PersonalDataAsked = {}): Promise<CaseView> {
    const detail = await this.inScope(caseId, context.principal);
    return this.disclose(detail, detail, context, asked);
  }

  /**
   * `shown` (the live case, or the case as it was) for a caller already admitted to `live`, under the
   * personal-data policy: whether the caller may see the person is judged on the live case (its
   * consents as they stand now); the read is recorded before anything is decrypted. `now` judges the
   * overdue flags (default: now).
   */
  async disclose(
    shown: CaseDetail,
    live: CaseDetail,
    context: RequestContext,
    asked: PersonalDataAsked,
    now?: string,
  ): Promise<CaseView> {
    const purpose =
      asked.includePerson === false ? undefined : personalDataPurpose(context.principal, live, asked.purpose);
    const reveal = purpose !== undefined && hasPersonalData(shown);
    // Recorded before anything is shown: a read that cannot be logged does not happen.
    if (reveal) await this.accessLog.record(context.principal, live.caseId, purpose, 'api', context);
    // Prosecution liaison learns that the team met, not what it decided (assistance data, like the history).
    const view = await this.present(shown, reveal, now, {
      withholdMeetings: withheldFrom(context.principal, 'TeamMeetingRecorded'),
    });
    const withheld =
      asked.includePerson === false || !hasPersonalData(shown)
        ? undefined
        : personalDataWithheld(context.principal, live);
    return withheld ? { ...view, personalDataWithheld: withheld } : view;
  }

  /** The view of a case already admitted; decrypts only when `reveal` (the caller recorded the access). */
  async present(
    detail: CaseDetail,
    reveal: boolean,
    now?: string,
    options: { withholdMeetings?: boolean } = {},
  ): Promise<CaseView> {
    const {
      person: _person,
      actors: _actors,
      agenciesByConsent: _byConsent,
      guardian,
      wishes,
      family,
      meetings,
      pseudonym,
      ...rest
    } = detail;
    // Overdue is judged now, as in the list: a flag both sides of a handover see on their own case
    // (a past view: at the moment it stands for).
    const deadlines = withOverdue(rest.deadlines, now ?? this.clock.now());
    const guardianView: CaseView['guardian'] = guardian && {
      authority: guardian.authority,
      appointedAt: guardian.appointedAt,
    };
    const view: CaseView = {
      ...rest,
      kind: caseKindOf(detail),
      deadlines,
      overdue: deadlines.some((d) => d.overdue),
      guardian: guardianView,
      ...(pseudonym ? { pseudonym: { ...pseudonym } } : {}),
      ...(wishes ? { wishes: wishesWithoutPersonal(wishes) } : {}),
      ...(meetings ? { meetings: meetingsWithoutPersonal(meetings) } : {}),
      ...(family ? { family: { ...family, members: family.members.map(memberWithoutCiphertext) } } : {}),
    };
    if (!reveal || !hasPersonalData(detail)) return view;
    if (wishes && wishesHavePersonalData(wishes)) view.wishes = await revealWishes(wishes, this.cipher);
    if (meetings && meetingsHavePersonalData(meetings) && !options.withholdMeetings)
      view.meetings = await revealMeetings(meetings, this.cipher);
    const shownFamily = view.family;
    if (family && shownFamily) {
      shownFamily.members = await Promise.all(
        family.members.map((member, i) => this.revealMember(member, shownFamily.members[i])),
      );
    }
    const revealed = await revealPersonalData(detail, this.cipher);
    if (revealed.person.status === 'erased') {
      view.person = ERASED;
      if (view.pseudonym && !view.pseudonym.identityRecordedAt) view.pseudonym.name = ERASED;
    } else if (revealed.person.status === 'ok') {
      const shownPerson = revealed.person.value;
      // Registered under a pseudonym and no identity yet: the pseudonym names the person meanwhile.
      if ('pseudonym' in shownPerson) view.pseudonym = { ...view.pseudonym, name: shownPerson.pseudonym };
      else view.person = shownPerson;
    }
    if (guardianView && revealed.guardianName.status !== 'absent') {
      guardianView.name = revealed.guardianName.status === 'ok' ? revealed.guardianName.value.name : ERASED;
    }
    return view;
  }

  /** A member's names and guardian's name, each decrypted with the key its ciphertext names (the member's own). */
  private async revealMember(
    member: FamilyMemberView,
    shown: FamilyMemberCaseView,
  ): Promise<FamilyMemberCaseView> {
    const revealed = { ...shown };
    if (member.person) {
      const person = await this.cipher.decrypt<PersonView>(member.person);
      revealed.person = person.status === 'ok' ? person.value : ERASED;
    }
    if (member.guardian?.name && revealed.guardian) {
      const name = await this.cipher.decrypt<{ name: string }>(member.guardian.name);
      revealed.guardian = { ...revealed.guardian, name: name.status === 'ok' ? name.value.name : ERASED };
    }
    return revealed;
  }

  /** The case's history, oldest first, minimised for the prosecution side. */
  async history(caseId: string, principal: Principal): Promise<CaseEventView[]> {
    await this.inScope(caseId, principal);
    const history = await this.readModels.getHistory(caseId);
    if (!history.length) throw new CaseNotFoundError(caseId);
    return history.map((entry: CaseHistoryEntry) => ({
      position: entry.position,
      revision: entry.revision,
      eventId: entry.eventId,
      type: entry.type,
      occurredAt: entry.occurredAt,
      actor: entry.actor,
      ...(withheldFrom(principal, entry.type) ? {} : { data: entry.data }),
    }));
  }
}

/** What a caller asks of a case's personal data (GET /api/cases/:id). */
export interface PersonalDataAsked {
  purpose?: string;
  /** false: without the person, whatever the role. */
  includePerson?: boolean;
}

function hasPersonalData(detail: CaseDetail): boolean {
  return (
    detail.person !== undefined ||
    detail.guardian?.name !== undefined ||
    wishesHavePersonalData(detail.wishes) ||
    meetingsHavePersonalData(detail.meetings) ||
    (detail.family?.members.some((m) => m.person !== undefined || m.guardian?.name !== undefined) ?? false)
  );
}

/** A member as the read model holds them, without the ciphertext of their names. */
function memberWithoutCiphertext(member: FamilyMemberView): FamilyMemberCaseView {
  const { person: _person, guardian, ...rest } = member;
  return guardian
    ? { ...rest, guardian: { authority: guardian.authority, appointedAt: guardian.appointedAt } }
    : rest;
}

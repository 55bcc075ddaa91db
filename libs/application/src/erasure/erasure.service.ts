import { Inject, Injectable } from '@nestjs/common';
import { caseStreamId } from '@nrm/contracts';
import {
  decideErasure,
  decideMemberErasure,
  erasureStateOf,
  linkedMemberIds,
  memberErasureStateOf,
  memberSubjectId,
} from '@nrm/domain';
import { AppendResult, EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { ProjectionRunner } from '@nrm/read-models';
import { actorOf, RequestContext } from '../cases/command-context';
import { subjectIdOfCase } from '../cases/case-repository';
import { decideAndAppend } from '../log/decide-and-append';
import { EventWriter } from '../log/event-writer';

const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Erasure by crypto-shredding: the subject's keys are destroyed, so every ciphertext of this person,
 * in the log and in every copy, becomes unreadable, while the log (which hashes ciphertext) still
 * verifies and the case still accepts new events.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: EventWriter,
    private readonly cipher: PersonalDataCipher,
    private readonly projections: ProjectionRunner,
  ) {}

  /**
   * Recorded first, then carried out: a crash in between leaves a record to retry from, never a
   * shredded key with no trace of who erased it and why. Idempotent: a repeated erasure answers the
   * revision of the first record and records nothing new, but shreds again.
   */
  async erase(caseId: string, legalBasis: string, context: RequestContext): Promise<{ revision: number }> {
    const stream = caseStreamId(caseId);
    const decided = await decideAndAppend({
      load: async () => {
        const state = erasureStateOf(await this.store.readStream(stream));
        return { state, revision: state.revision };
      },
      decide: ({ state }) => decideErasure({ caseId, legalBasis }, state),
      append: (events, expected) =>
        this.writer.append(stream, events, expected, {
          actor: actorOf(context.principal),
          correlationId: context.correlationId,
          causationId: context.causationId,
        }),
    });
    await this.shred(caseId);
    return this.settled(decided);
  }

  /**
   * Erases one family member linked to the case: their key only, so the victim and the other members
   * stay readable. Recorded first, then carried out, and idempotent, as the victim's erasure.
   */
  async eraseMember(
    caseId: string,
    memberId: string,
    legalBasis: string,
    context: RequestContext,
  ): Promise<{ revision: number }> {
    const stream = caseStreamId(caseId);
    const decided = await decideAndAppend({
      load: async () => {
        const state = memberErasureStateOf(await this.store.readStream(stream), memberId);
        return { state, revision: state.revision };
      },
      decide: ({ state }) => decideMemberErasure({ caseId, memberId, legalBasis }, state),
      append: (events, expected) =>
        this.writer.append(stream, events, expected, {
          actor: actorOf(context.principal),
          correlationId: context.correlationId,
          causationId: context.causationId,
        }),
    });
    await this.cipher.shred(memberSubjectId(caseId, memberId));
    return this.settled(decided);
  }

  private async settled(decided: {
    appended?: AppendResult;
    state: { erasedAt?: number };
    revision: number;
  }): Promise<{ revision: number }> {
    if (!decided.appended) return { revision: decided.state.erasedAt ?? decided.revision };
    await this.projections
      .waitForPosition(decided.appended.position, READ_YOUR_WRITES_TIMEOUT_MS)
      .catch(() => undefined);
    return { revision: decided.appended.nextRevision };
  }

  /**
   * Destroys the keys of the case's subjects (the victim and every family member linked to the case:
   * erasing the victim's case erases their family's data with it) and drops them from this process's
   * cipher cache at once. Other
   * processes of a split node (their own PersonalDataCipher caches) keep a cached key for at most the
   * cache TTL (PersonalDataCipherOptions.cacheTtlMs, 60 s by default) before asking the key store,
   * which then answers 'erased'.
   */
  private async shred(caseId: string): Promise<void> {
    const members = linkedMemberIds(await this.store.readStream(caseStreamId(caseId)));
    await this.cipher.shred(subjectIdOfCase(caseId));
    for (const memberId of members) await this.cipher.shred(memberSubjectId(caseId, memberId));
  }
}

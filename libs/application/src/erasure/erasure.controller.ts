import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { ProjectionRunner } from '@nrm/read-models';
import { IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { caseStreamId, subjectIdOfCase } from '../cases/case-stream';
import { CommandResponse } from '../cases/command-response.dto';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProblemException } from '@nrm/http/problem';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

export class ErasureDto {
  @ApiProperty({ example: 'GDPR art. 17(1)(a)', maxLength: 200 })
  @IsString()
  @Length(3, 200)
  legalBasis: string;
}

/**
 * Erasure by crypto-shredding: the subject's keys are destroyed, so every ciphertext of this person,
 * in the log and in every copy, becomes unreadable, while the log (which hashes ciphertext) still
 * verifies and the case still accepts new events.
 */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/cases')
export class ErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  /**
   * Idempotent: a repeated erasure of the same case answers 201 with the revision of the first erasure
   * event and records nothing new (the person is already erased; a second record would only add noise
   * to the log). It still shreds again, so a retry after a crash between the record and the shredding
   * completes the erasure.
   */
  @Post(':id/erasure')
  @Roles('admin')
  @ApiCreatedResponse({ type: CommandResponse })
  async erase(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ErasureDto,
    @CurrentUser() user: Principal,
  ): Promise<CommandResponse> {
    const stream = caseStreamId(caseId);
    for (let attempt = 0; ; attempt++) {
      const existing = await this.store.readStream(stream);
      if (!existing.length) throw ProblemException.notFound();
      const earlier = existing.find((event) => event.type === PERSONAL_DATA_ERASED);
      if (earlier) {
        await this.shred(caseId);
        return { caseId, revision: earlier.revision };
      }
      try {
        // The erasure is recorded first, then carried out: a crash in between leaves a record to retry
        // from, never a shredded key with no trace of who erased it and why. The expected revision makes
        // two erasures racing on the same case record one event.
        const result = await this.store.append(
          stream,
          [
            {
              id: randomUUID(),
              type: PERSONAL_DATA_ERASED,
              schemaVersion: 1,
              occurredAt: this.clock.now().toISOString(),
              nodeId: this.config.nodeId,
              actor: { userId: user.userId, role: user.role, agency: user.agency },
              correlationId: randomUUID(),
              data: { legalBasis: body.legalBasis },
            },
          ],
          existing[existing.length - 1].revision,
        );
        await this.shred(caseId);
        await this.projections.waitForPosition(result.position, 5000).catch(() => undefined);
        return { caseId, revision: result.nextRevision };
      } catch (error) {
        // Another event landed in between: read again (it may be the other erasure).
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 4) throw error;
      }
    }
  }

  /**
   * Destroys the subject's keys and drops them from this process's cipher cache at once. Other
   * processes of a split node (their own PersonalDataCipher caches) keep a cached key for at most the
   * cache TTL (PersonalDataCipherOptions.cacheTtlMs, 60 s by default) before asking the key store,
   * which then answers 'erased'.
   */
  private shred(caseId: string): Promise<void> {
    return this.cipher.shred(subjectIdOfCase(caseId));
  }
}

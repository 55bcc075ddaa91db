import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, StoredEvent } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import type { CaseFact } from '@nrm/transnational';
import { toDomainEvent } from '@nrm/application/cases/case-repository';
import { caseStreamId } from '@nrm/contracts';

export interface CaseFactsRead {
  facts: CaseFact[];
  /** The stored event of each fact (same order). */
  stored: StoredEvent[];
  /** Some personal part could not be read because the person was erased. */
  erased: boolean;
}

/**
 * A case's history as the bridge needs it to build a message: upcast, personal parts decrypted (an
 * erased person's parts stay undefined, so nothing about them can travel). Only the bridge reads
 * this way, and the dispatcher records each such read in the access log.
 */
@Injectable()
export class CaseFactsReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async read(caseId: string, upToPosition: number): Promise<CaseFactsRead> {
    const stored = (await this.store.readStream(caseStreamId(caseId))).filter(
      (e) => e.position <= upToPosition,
    );
    let erased = false;
    const facts: CaseFact[] = [];
    for (const event of stored) {
      const domain = toDomainEvent(event);
      let personal: Record<string, unknown> | undefined;
      if (event.personal) {
        const opened = await this.cipher.decrypt(event.personal);
        if (opened.status === 'ok') personal = opened.value;
        else erased = true;
      }
      facts.push({ type: domain.type, data: domain.data, personal } as CaseFact);
    }
    return { facts, stored, erased };
  }
}

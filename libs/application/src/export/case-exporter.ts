import { Inject, Injectable } from '@nestjs/common';
import { contextOf, isCaseEventType } from '@nrm/contracts';
import { eventLeafHash } from '@nrm/event-store';
import type { EncryptedPersonalData, StoredEvent } from '@nrm/event-store/port';
import { PersonalDataCipher } from '@nrm/privacy';
import { CaseDetail, revealPersonalData } from '@nrm/read-models';
import { AccessLog } from '../access-log/access-log';
import { Principal } from '@nrm/iam/roles';
import { mayAccessCase } from '../cases/case-scope';
import { caseStreamId } from '../cases/case-stream';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import type { NodeAdapters } from '../infrastructure/node-adapters';
import { NODE_ADAPTERS } from '../infrastructure/tokens';
import { personalDataPurpose } from '../queries/personal-data-policy';
import { CaseExport, ErasedMarker, ExportChannel, ExportedEvent, HOW_TO_VERIFY } from './case-export';

export type ExportStores = Pick<NodeAdapters, 'eventStore' | 'readModels' | 'auditableLog' | 'signer'>;

const ERASED: ErasedMarker = { erased: true };

/**
 * Builds a case's export under the same rules as reading it: record scope, the personal-data policy of
 * GET /api/cases/:id, the prosecution side's data minimisation, and one access-log record per export.
 * Shared by the HTTP route and the CLI (which constructs it on the node's stores directly).
 */
@Injectable()
export class CaseExporter {
  constructor(
    @Inject(NODE_ADAPTERS) private readonly stores: ExportStores,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'nodeId' | 'country'>,
  ) {}

  /** The export, or undefined when the case does not exist or is outside the caller's scope. */
  async export(
    caseId: string,
    principal: Principal,
    purpose: string,
    channel: ExportChannel,
  ): Promise<CaseExport | undefined> {
    const detail = await this.stores.readModels.getCase(caseId);
    if (!detail || !mayAccessCase(principal, detail.agencies)) return undefined;
    // The stated purpose is what auditors need to see personal data at all (as on GET /api/cases/:id).
    const reveal = personalDataPurpose(principal, detail, purpose) !== undefined;
    const exportedAt = this.clock.now().toISOString();
    // Recorded before anything is read out: an export that cannot be logged does not happen.
    await this.accessLog.record(principal, caseId, purpose, channel);
    const stored = await this.stores.eventStore.readStream(caseStreamId(caseId));
    // Read last, so that it covers every exported event (and the access record just made).
    const checkpoint = await this.stores.auditableLog.latestCheckpoint();
    const minimise = principal.role === 'prosecution_liaison';
    const events: ExportedEvent[] = [];
    for (const event of stored) events.push(await this.exportEvent(event, reveal, minimise));
    return {
      format: 'nrm-case-export',
      formatVersion: 1,
      node: { id: this.config.nodeId, country: this.config.country },
      exportedAt,
      exportedBy: {
        userId: principal.userId,
        username: principal.username,
        role: principal.role,
        agency: principal.agency,
      },
      purpose,
      channel,
      personalData: reveal ? 'included' : 'withheld',
      caseId,
      case: await this.caseView(detail, reveal),
      events,
      integrity: {
        checkpoint: checkpoint ?? null,
        publicKey: this.stores.signer.publicKeyPem,
        howToVerify: HOW_TO_VERIFY,
      },
    };
  }

  /** The case as GET /api/cases/:id shows it; an erased name reads as { erased: true }. */
  private async caseView(detail: CaseDetail, reveal: boolean): Promise<Record<string, unknown>> {
    const { person, guardian, ...rest } = detail;
    const view: Record<string, unknown> = { ...rest };
    const guardianView: Record<string, unknown> | undefined = guardian && {
      authority: guardian.authority,
      appointedAt: guardian.appointedAt,
    };
    view.guardian = guardianView;
    if (!reveal || (!person && !guardian?.name)) return view;
    const revealed = await revealPersonalData(detail, this.cipher);
    if (revealed.person.status !== 'absent') {
      view.person = revealed.person.status === 'ok' ? revealed.person.value : ERASED;
    }
    if (guardianView && revealed.guardianName.status !== 'absent') {
      guardianView.name = revealed.guardianName.status === 'ok' ? revealed.guardianName.value.name : ERASED;
    }
    return view;
  }

  private async exportEvent(event: StoredEvent, reveal: boolean, minimise: boolean): Promise<ExportedEvent> {
    // Data minimisation: the prosecution side learns that assistance happened, not what it was.
    const withheld = minimise && isAssistanceEvent(event.type);
    return {
      position: event.position,
      revision: event.revision,
      eventId: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      ...(event.causationId === undefined ? {} : { causationId: event.causationId }),
      ...(withheld ? {} : { data: event.data }),
      ...(reveal && !withheld && event.personal ? { personal: await this.open(event.personal) } : {}),
      leafHash: eventLeafHash(event).toString('hex'),
    };
  }

  private async open(personal: EncryptedPersonalData): Promise<Record<string, unknown> | ErasedMarker> {
    const opened = await this.cipher.decrypt(personal);
    return opened.status === 'ok' ? opened.value : ERASED;
  }
}

function isAssistanceEvent(type: string): boolean {
  return isCaseEventType(type) && contextOf(type) === 'assistance';
}

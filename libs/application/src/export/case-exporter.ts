import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@nrm/config/clock';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { caseStreamId } from '@nrm/contracts';
import {
  AuditableLog,
  Ed25519Signer,
  EventInclusionProof,
  eventInclusionProofs,
  eventLeafHash,
  signDocument,
} from '@nrm/event-store';
import { EVENT_STORE, EventStore, type EncryptedPersonalData, type StoredEvent } from '@nrm/event-store/port';
import { Principal } from '@nrm/iam/roles';
import { PersonalDataCipher } from '@nrm/privacy';
import { randomUUID } from 'node:crypto';
import { AccessLog } from '../access-log/access-log';
import { AUDITABLE_LOG, NODE_SIGNER } from '../infrastructure/tokens';
import { ERASED, ErasedMarker, withheldFrom } from '../queries/case-view';
import { CaseViews } from '../queries/case-views.service';
import { personalDataPurpose } from '../queries/personal-data-policy';
import { CASE_EXPORT_DOCUMENT, CaseExport, ExportChannel, ExportedEvent, HOW_TO_VERIFY } from './case-export';
import { exportedEnvelopeOf } from './exported-envelope';

/** The request an export answers (its ids go into the access-log record). */
export interface ExportTrace {
  correlationId: string;
  causationId?: string;
}

/**
 * Builds a case's export under the same rules as reading it: record scope, the personal-data policy of
 * GET /api/cases/:id, the prosecution side's data minimisation, and one access-log record per export.
 * Shared by the HTTP route and the CLI (which constructs it on the node's stores directly).
 */
@Injectable()
export class CaseExporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDITABLE_LOG)
    private readonly auditableLog: Pick<AuditableLog, 'latestCheckpoint' | 'readIntegrity'>,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
    private readonly views: CaseViews,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: Pick<NodeConfig, 'nodeId' | 'country'>,
  ) {}

  /** The export; CaseNotFoundError when the case does not exist or is outside the caller's scope. */
  async export(
    caseId: string,
    principal: Principal,
    purpose: string,
    channel: ExportChannel,
    trace: ExportTrace = { correlationId: randomUUID() },
  ): Promise<CaseExport> {
    const detail = await this.views.inScope(caseId, principal);
    // The stated purpose is what auditors need to see personal data at all (as on GET /api/cases/:id).
    const reveal = personalDataPurpose(principal, detail, purpose) !== undefined;
    const exportedAt = this.clock.now().toISOString();
    // Recorded before anything is read out: an export that cannot be logged does not happen.
    await this.accessLog.record(principal, caseId, purpose, channel, trace);
    const stored = await this.store.readStream(caseStreamId(caseId));
    // Read last, so that it covers every exported event (and the access record just made).
    const checkpoint = await this.auditableLog.latestCheckpoint();
    const proofs = checkpoint
      ? await eventInclusionProofs(
          this.auditableLog,
          stored.map((event) => event.position),
          checkpoint.size,
        )
      : new Map<number, EventInclusionProof>();
    const events: ExportedEvent[] = [];
    for (const event of stored) {
      events.push(await this.exportEvent(event, reveal, principal, proofs.get(event.position)));
    }
    const unsigned: Omit<CaseExport, 'integrity'> & {
      integrity: Omit<CaseExport['integrity'], 'signature'>;
    } = {
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
      case: await this.views.present(detail, reveal),
      events,
      integrity: {
        checkpoint: checkpoint ?? null,
        publicKey: this.signer.publicKeyPem,
        publicKeyId: this.signer.keyId,
        howToVerify: HOW_TO_VERIFY,
      },
    };
    // Signed as the recipient will read it: through JSON, where undefined members are gone.
    const document = JSON.parse(JSON.stringify(unsigned)) as typeof unsigned;
    const signature = signDocument(CASE_EXPORT_DOCUMENT, document, this.signer);
    return { ...document, integrity: { ...document.integrity, signature } };
  }

  private async exportEvent(
    event: StoredEvent,
    reveal: boolean,
    principal: Principal,
    proof: EventInclusionProof | undefined,
  ): Promise<ExportedEvent> {
    const withheld = withheldFrom(principal, event.type);
    return {
      ...exportedEnvelopeOf(event),
      ...(withheld ? {} : { data: event.data }),
      ...(reveal && !withheld && event.personal ? { personal: await this.open(event.personal) } : {}),
      ...(withheld || !event.personal ? {} : { sealedPersonal: event.personal }),
      leafHash: eventLeafHash(event).toString('hex'),
      ...(proof ? { inclusion: { leafIndex: proof.leafIndex, path: proof.path } } : {}),
    };
  }

  private async open(personal: EncryptedPersonalData): Promise<Record<string, unknown> | ErasedMarker> {
    const opened = await this.cipher.decrypt(personal);
    return opened.status === 'ok' ? opened.value : ERASED;
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { AccessLog } from '../access-log/access-log';
import { Roles } from '@nrm/iam/access.decorators';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import type { AuditableLog, Ed25519Signer, LogVerification, SignedCheckpoint } from '@nrm/event-store';
import type { AccessLogEntry } from '@nrm/read-models';
import { ApiOkBody } from '../bootstrap/openapi-response-body';
import { AUDITABLE_LOG, LOG_SIGNS_EVERY_APPEND, NODE_SIGNER } from '../infrastructure/tokens';
import { AccessLogQueryDto, VerifyQueryDto } from './audit.dto';
import { verifyNodeLog } from './verify-node-log';

/** GET /api/audit/verify: the node's log checked against every checkpoint it signed. */
export type LogVerificationAnswer = Pick<
  LogVerification,
  'valid' | 'size' | 'root' | 'checkpointSize' | 'firstInvalidPosition' | 'reason' | 'detail'
>;

/** GET /api/audit/checkpoint: the latest signed tree head (none yet: null), with the key to check it. */
export interface CheckpointAnswer {
  checkpoint: SignedCheckpoint | null;
  /** Ed25519 public key (PEM) of the node. */
  publicKey: string;
}

/** GET /api/audit/access-log: the reads of personal data that match, oldest first. */
export interface AccessLogPage {
  items: AccessLogEntry[];
  /** How many entries match in all (more than `items` when a page was asked for). */
  total: number;
}

/** Entries per page when only `page` is given. */
const DEFAULT_ACCESS_LOG_PAGE_SIZE = 100;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
@Roles('auditor')
export class AuditController {
  constructor(
    @Inject(AUDITABLE_LOG) private readonly auditableLog: AuditableLog,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
    @Inject(LOG_SIGNS_EVERY_APPEND) private readonly signsEveryAppend: boolean,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly accessLog: AccessLog,
  ) {}

  /** Recomputes the whole Merkle log and checks it against every checkpoint the node signed. */
  @Get('verify')
  @ApiOkBody('Whether the log is intact; where it is not, the first place it was changed and how')
  async verify(@Query() query: VerifyQueryDto): Promise<LogVerificationAnswer> {
    const trusted =
      query.knownSize !== undefined && query.knownRoot !== undefined
        ? [{ size: query.knownSize, root: query.knownRoot }]
        : [];
    const result = await verifyNodeLog(
      { auditableLog: this.auditableLog, signer: this.signer, signsEveryAppend: this.signsEveryAppend },
      this.config.nodeId,
      trusted,
    );
    return {
      valid: result.valid,
      size: result.size,
      root: result.root,
      checkpointSize: result.checkpointSize,
      firstInvalidPosition: result.firstInvalidPosition,
      reason: result.reason,
      detail: result.detail,
    };
  }

  /** The latest signed tree head, with the key to check it: what partners and auditors keep. */
  @Get('checkpoint')
  @ApiOkBody('The latest signed checkpoint and the node’s public key')
  async checkpoint(): Promise<CheckpointAnswer> {
    return {
      checkpoint: (await this.auditableLog.latestCheckpoint()) ?? null,
      publicKey: this.signer.publicKeyPem,
    };
  }

  @Get('access-log')
  @ApiServiceUnavailableResponse({ description: 'The access log is still catching up with the node log' })
  @ApiOkBody('Who read which case’s personal data, why, through which channel and when')
  async accessLogQuery(@Query() query: AccessLogQueryDto): Promise<AccessLogPage> {
    const { caseId, userId, from, to, page, pageSize } = query;
    const paged = page !== undefined || pageSize !== undefined;
    return this.accessLog.page({
      caseId,
      userId,
      from,
      to,
      page: paged ? { number: page ?? 1, size: pageSize ?? DEFAULT_ACCESS_LOG_PAGE_SIZE } : undefined,
    });
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { AccessLog } from '../access-log/access-log';
import { Roles } from '@nrm/iam/access.decorators';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import type { AuditableLog, Ed25519Signer } from '@nrm/event-store';
import { AUDITABLE_LOG, LOG_SIGNS_EVERY_APPEND, NODE_SIGNER } from '../infrastructure/tokens';
import { AccessLogQueryDto, VerifyQueryDto } from './audit.dto';
import { verifyNodeLog } from './verify-node-log';

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
  @ApiOkResponse({ description: '{ valid, size, root, firstInvalidPosition?, reason? }' })
  async verify(@Query() query: VerifyQueryDto) {
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
  @ApiOkResponse({ description: '{ checkpoint: { origin, size, root, signature, keyId }, publicKey }' })
  async checkpoint() {
    return {
      checkpoint: (await this.auditableLog.latestCheckpoint()) ?? null,
      publicKey: this.signer.publicKeyPem,
    };
  }

  @Get('access-log')
  @ApiServiceUnavailableResponse({ description: 'The access log is still catching up with the node log' })
  @ApiOkResponse({ description: '{ items: [{ at, userId, role, agency, caseId, purpose }] }' })
  async accessLogQuery(@Query() query: AccessLogQueryDto) {
    return { items: await this.accessLog.query(query) };
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessLog } from '../access-log/access-log';
import { Roles } from '@nrm/iam/access.decorators';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { NodeAdapters } from '../infrastructure/node-adapters';
import { NODE_ADAPTERS } from '../infrastructure/tokens';
import { AccessLogQueryDto, VerifyQueryDto } from './audit.dto';
import { verifyNodeLog } from './verify-node-log';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
@Roles('auditor')
export class AuditController {
  constructor(
    @Inject(NODE_ADAPTERS) private readonly adapters: NodeAdapters,
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
    const result = await verifyNodeLog(this.adapters, this.config.nodeId, trusted);
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
      checkpoint: (await this.adapters.auditableLog.latestCheckpoint()) ?? null,
      publicKey: this.adapters.signer.publicKeyPem,
    };
  }

  @Get('access-log')
  @ApiOkResponse({ description: '{ items: [{ at, userId, role, agency, caseId, purpose }] }' })
  async accessLogQuery(@Query() query: AccessLogQueryDto) {
    return { items: await this.accessLog.query(query) };
  }
}

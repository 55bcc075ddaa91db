import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { produceIntegrityReport } from '@nrm/application/audit/report/integrity-report';
import { AUDITABLE_LOG, LOG_SIGNS_EVERY_APPEND, NODE_SIGNER } from '@nrm/application/infrastructure/tokens';
import { CLOCK, type Clock } from '@nrm/config/clock';
import { NODE_CONFIG, type NodeConfig } from '@nrm/config/node-config';
import type { AuditableLog, Ed25519Signer } from '@nrm/event-store';
import type { ReplyHeaders } from '@nrm/http/reply-headers';
import { Roles } from '@nrm/iam/access.decorators';
import { PartnerRegistryService } from '../registry/partner-registry.service';
import type { BridgeStateStore } from './bridge-state';
import { BRIDGE_STATE } from './partner-transport.provider';
import { partnerWitnessingStates } from './partner-witnessing-states';

/**
 * GET /api/audit/report: the integrity report as a printable, self-contained HTML download, signed by the
 * node key (docs/audit.md). Here, beside the bridge, because each partner's witnessing state is the
 * bridge's. No personal data: counts, ids, dates, hashes.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class IntegrityReportController {
  constructor(
    @Inject(AUDITABLE_LOG) private readonly log: AuditableLog,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
    @Inject(LOG_SIGNS_EVERY_APPEND) private readonly signsEveryAppend: boolean,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BRIDGE_STATE) private readonly bridge: BridgeStateStore,
    private readonly registry: PartnerRegistryService,
  ) {}

  @Get('report')
  @Roles('auditor')
  @ApiProduces('text/html')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOkResponse({
    description:
      'A download (Content-Disposition: attachment; integrity-report-<node>-<date>.html): log size and head, ' +
      'checkpoint chain, verification, partner witnessing, access-log counts, erasures, replay audit; the ' +
      'signed data embedded as JSON (nrm-verify checks it offline)',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async report(@Res({ passthrough: true }) reply: ReplyHeaders): Promise<string> {
    const report = await produceIntegrityReport({
      node: { id: this.config.nodeId, country: this.config.country },
      log: this.log,
      signer: this.signer,
      requireSignedHead: this.signsEveryAppend,
      partners: async () => partnerWitnessingStates((await this.registry.state()).state, this.bridge),
      now: () => this.clock.now(),
    });
    reply.header('content-disposition', `attachment; filename="${report.fileName}"`);
    return report.html;
  }
}

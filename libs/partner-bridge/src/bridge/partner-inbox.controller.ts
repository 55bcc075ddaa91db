import { Body, Controller, Inject, Logger, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  answerInbox,
  CLOUDEVENTS_JSON,
  HttpPartnerTransport,
  type InboxHttpResponse,
} from '@nrm/transnational';
import type { FastifyReply } from 'fastify';
import { Public } from '@nrm/iam/access.decorators';
import { PartnerInboxService } from './partner-inbox.service';
import { PARTNER_TRANSPORT, PartnerTransport } from './partner-transport.provider';

const OUTCOME = {
  type: 'object',
  required: ['outcome'],
  properties: { outcome: { type: 'string', enum: ['accepted', 'duplicate'] } },
};

/**
 * Partner nodes PUSH their signed envelopes here (CloudEvents structured mode). No bearer token: a
 * partner proves itself with its Ed25519 signature, checked against the registry before anything is
 * trusted; rate limits apply as on every /api route.
 */
@ApiTags('partners')
@Controller('api/partners')
export class PartnerInboxController {
  private readonly logger = new Logger('PartnerBridge');

  constructor(
    private readonly inbox: PartnerInboxService,
    @Inject(PARTNER_TRANSPORT) private readonly transport: PartnerTransport,
  ) {}

  @Post('inbox')
  @Public()
  @ApiConsumes(CLOUDEVENTS_JSON, 'application/json')
  @ApiBody({ schema: { type: 'object', description: 'A signed CloudEvents 1.0 envelope (structured mode)' } })
  @ApiAcceptedResponse({ description: 'Accepted and applied', schema: OUTCOME })
  @ApiOkResponse({ description: 'A duplicate: recorded before, nothing applied again', schema: OUTCOME })
  @ApiUnprocessableEntityResponse({ description: 'Rejected (reason names why); final, do not retry' })
  @ApiServiceUnavailableResponse({ description: 'Not now (inbox not running, partner held): retry later' })
  @ApiOperation({
    summary: 'Partner nodes deliver signed cross-border envelopes (application/cloudevents+json)',
    description:
      '202 accepted, 200 duplicate, 422 rejected (problem+json with reason; final), 503 retry later. ' +
      'Authenticated by the envelope signature, not by a bearer token.',
  })
  async receive(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const answer = await this.answer(body);
    reply.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
    return answer.body;
  }

  /**
   * Through the HTTP transport when it is the node's transport (it knows whether its inbox runs); a
   * node on Kafka still answers a partner's POST the same way. Either way an inbox that throws is a
   * 503 that the sender retries, never a 500.
   */
  private answer(body: unknown): Promise<InboxHttpResponse> {
    if (this.transport instanceof HttpPartnerTransport) return this.transport.receive(body);
    return answerInbox(
      (envelope) => this.inbox.receive(envelope),
      body,
      (error) => this.logger.error(`partner inbox failed: ${(error as Error).message}`),
    );
  }
}

import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { inboxResponse } from '@nrm/transnational';
import type { FastifyReply } from 'fastify';
import { Public } from '@nrm/iam/access.decorators';
import { PartnerInboxService } from './partner-inbox.service';

/**
 * Partner nodes PUSH their signed envelopes here (CloudEvents structured mode). No bearer token: a
 * partner proves itself with its Ed25519 signature, checked against the registry before anything is
 * trusted; rate limits apply as on every /api route.
 */
@ApiTags('partners')
@Controller('api/partners')
export class PartnerInboxController {
  constructor(private readonly inbox: PartnerInboxService) {}

  @Post('inbox')
  @Public()
  @ApiOperation({
    summary: 'Partner nodes deliver signed cross-border envelopes (application/cloudevents+json)',
    description:
      '202 accepted, 200 duplicate, 422 rejected (problem+json with reason; final), 503 retry later. ' +
      'Authenticated by the envelope signature, not by a bearer token.',
  })
  async receive(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const answer = inboxResponse(await this.inbox.receive(body));
    reply.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
    return answer.body;
  }
}

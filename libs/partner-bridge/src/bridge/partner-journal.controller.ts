import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiOkBody } from '@nrm/application/bootstrap/openapi-response-body';
import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Roles } from '@nrm/iam/access.decorators';
import { TRM_UNAUTHENTICATED_STREAM, trmStreamOf } from '@nrm/contracts';
import { JOURNAL_TYPES, JournalEntry, JournalMessageRecord, JournalRecord } from './trm-journal';
import type { CrossBorderLink } from './bridge-state';

export class PartnerJournalQueryDto {
  @ApiPropertyOptional({
    description: 'A partner node id, or "unauthenticated" for messages refused before any sender was known',
    example: 'nrm-md',
  })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, { message: 'partner must be a node id or "unauthenticated"' })
  partner: string;

  @ApiPropertyOptional({ description: 'Newest entries to return (default 100, at most 1000)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** GET /api/audit/partner-journal: the newest records about one partner, oldest first. */
export interface PartnerJournal {
  /** The partner asked for, or "unauthenticated". */
  partner: string;
  items: JournalRecord[];
}

/**
 * Every record the bridge kept about one partner (sent, received, refused, withheld, links) or about
 * unauthenticated senders: what auditors and admins check after an alert (forged, unknown, replayed
 * or held messages). Ids, kinds, outcomes and hashes only: no personal data.
 */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('api/audit')
export class PartnerJournalController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('partner-journal')
  @Roles('auditor', 'admin')
  @ApiOkBody('The partner journal, oldest first')
  async journal(@Query() query: PartnerJournalQueryDto): Promise<PartnerJournal> {
    const stream =
      query.partner === 'unauthenticated' ? TRM_UNAUTHENTICATED_STREAM : trmStreamOf(query.partner);
    const events = await this.store.readStream(stream);
    const limit = query.limit ?? 100;
    return {
      partner: query.partner,
      items: events.slice(-limit).map((e): JournalRecord => {
        const recordedAt = e.occurredAt;
        if (e.type === JOURNAL_TYPES.linked) {
          const link = e.data as unknown as CrossBorderLink;
          return { type: e.type, recordedAt, sharedCaseRef: link.sharedCaseRef, side: link.side };
        }
        const type = e.type as JournalMessageRecord['type'];
        return { type, recordedAt, ...(e.data as unknown as JournalEntry) };
      }),
    };
  }
}

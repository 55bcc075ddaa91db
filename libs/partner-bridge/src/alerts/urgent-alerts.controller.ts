import { Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiOkBody } from '@nrm/application/bootstrap/openapi-response-body';
import { CurrentUser, Roles } from '@nrm/iam/access.decorators';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';
import { CaseIdPipe } from '@nrm/application/cases/case-id.pipe';
import { CaseRepository } from '@nrm/application/cases/case-repository';
import { mayAccessCase } from '@nrm/application/cases/case-scope';
import { actorOf, CallContext, RequestContext } from '@nrm/application/cases/command-context';
import { EventWriter } from '@nrm/application/log/event-writer';
import { ProblemException } from '@nrm/http/problem';
import { CLOCK, Clock } from '@nrm/config/clock';
import { caseStreamId, URGENT_ALERTS_STREAM } from '@nrm/contracts';
import { DuplicateEventIdError, EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { partnerForCountry } from '@nrm/transnational';
import { PartnerRegistryService } from '../registry/partner-registry.service';
import { derivedEventId, TrmJournal } from '../bridge/trm-journal';
import { UrgentAlertAcknowledgementResponse } from './urgent-alerts.dto';
import {
  CaseUrgentAlerts,
  deliveryOf,
  foldReceivedAlerts,
  RaisedUrgentAlert,
  ReceivedUrgentAlerts,
} from './urgent-alerts';

const ALERT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Urgent alerts between countries (Convention CETS 197, art. 33; docs/transnational.md): the alerts
 * this node received from partners, which every operator sees first and one acknowledges; and, per
 * case, the alerts raised here with their delivery. Codes and ids only: no personal data.
 */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('api')
export class UrgentAlertsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: EventWriter,
    private readonly journal: TrmJournal,
    private readonly registry: PartnerRegistryService,
    private readonly cases: CaseRepository,
  ) {}

  @Get('alerts')
  @Roles(...OPERATOR_ROLES)
  @ApiOkBody('Urgent alerts received from partner nodes: open first, newest first')
  async received(): Promise<ReceivedUrgentAlerts> {
    return { alerts: foldReceivedAlerts(await this.store.readStream(URGENT_ALERTS_STREAM)) };
  }

  /** Someone here took the alert in hand: recorded with who and when; an alert is acknowledged once. */
  @Post('alerts/:alertId/acknowledgement')
  @Roles(...OPERATOR_ROLES)
  @ApiCreatedResponse({ type: UrgentAlertAcknowledgementResponse })
  @ApiConflictResponse({ description: 'The alert was acknowledged already' })
  async acknowledge(
    @Param('alertId') alertId: string,
    @CallContext() call: RequestContext,
  ): Promise<UrgentAlertAcknowledgementResponse> {
    const id = alertId.toLowerCase();
    if (!ALERT_ID.test(id)) throw ProblemException.notFound('No such alert');
    const alert = foldReceivedAlerts(await this.store.readStream(URGENT_ALERTS_STREAM)).find(
      (a) => a.alertId === id,
    );
    if (!alert) throw ProblemException.notFound('No such alert');
    if (alert.status !== 'open') throw ProblemException.conflict('The alert was acknowledged already');
    const acknowledgedAt = this.clock.now().toISOString();
    try {
      await this.writer.append(
        URGENT_ALERTS_STREAM,
        [{ type: 'UrgentAlertAcknowledged', data: { alertId: id, acknowledgedAt } }],
        'any',
        {
          actor: actorOf(call.principal),
          correlationId: call.correlationId,
          causationId: call.causationId,
          // One acknowledgement per alert, also when two operators press at once.
          eventId: () => derivedEventId(id, 'acknowledged'),
        },
      );
    } catch (error) {
      if (error instanceof DuplicateEventIdError)
        throw ProblemException.conflict('The alert was acknowledged already');
      throw error;
    }
    return { alertId: id, acknowledgedAt, acknowledgedBy: call.principal.userId };
  }

  @Get('cases/:id/urgent-alerts')
  @Roles(...OPERATOR_ROLES, 'auditor')
  @ApiOkBody('The urgent alerts raised on this case and their delivery')
  async ofCase(
    @Param('id', CaseIdPipe) caseId: string,
    @CurrentUser() user: Principal,
  ): Promise<CaseUrgentAlerts> {
    const loaded = await this.cases.load(caseId);
    if (loaded.revision < 0 || !mayAccessCase(user, loaded.agencies)) throw ProblemException.notFound();
    const { state } = await this.registry.state();
    const alerts: RaisedUrgentAlert[] = [];
    for (const event of await this.store.readStream(caseStreamId(caseId))) {
      if (event.type !== 'UrgentAlertRaised') continue;
      const { alertId, toCountry, subject, danger, raisedAt } = event.data as Record<string, string>;
      const partner = partnerForCountry(state, toCountry);
      const raised = { alertId, toCountry, subject, danger, raisedAt };
      if (!partner) {
        alerts.push({ ...raised, delivery: 'no-partner' });
        continue;
      }
      const records = await this.journal.history(partner.nodeId, [alertId]);
      alerts.push({ ...raised, partnerNodeId: partner.nodeId, ...deliveryOf(records) });
    }
    return { caseId, alerts: alerts.reverse() };
  }
}

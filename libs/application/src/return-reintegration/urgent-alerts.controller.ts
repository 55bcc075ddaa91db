import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandContext } from '../cases/command-context';
import { UrgentAlertDto, UrgentAlertResponse } from './urgent-alerts.dto';

/**
 * Urgent alerts to partner countries (Convention CETS 197, art. 33): a victim, a witness or a family
 * member is in immediate danger in another country. Raised by those who learn of the danger in their
 * work with the person: the case manager (assistance, risk), the return officer (contact with the
 * country of origin) and the prosecution liaison (witnesses, retaliation). The partner bridge sends it
 * at once (docs/transnational.md, "Urgent alerts").
 */
@ApiTags('return-reintegration')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id')
@Roles('case_manager', 'return_officer', 'prosecution_liaison')
export class UrgentAlertsController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('urgent-alerts')
  @ApiCreatedResponse({ type: UrgentAlertResponse })
  async raise(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: UrgentAlertDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<UrgentAlertResponse> {
    const alertId = this.commands.newId();
    const result = await this.commands.send({ type: 'RaiseUrgentAlert', caseId, alertId, ...body }, meta);
    return { ...commandAnswer(result), alertId };
  }
}

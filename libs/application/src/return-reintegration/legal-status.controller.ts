import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { ProblemException } from '@nrm/http/problem';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import {
  DocumentIssueDto,
  DocumentRecoveryDto,
  DocumentReplacementDto,
  IdentityDocumentDto,
  IdentityDocumentResponse,
  RemovalEnforcementDto,
  RemovalOrderDto,
  RemovalOrderLiftingDto,
  RemovalOrderResponse,
  ResidencePermitApplicationDto,
  ResidencePermitDecisionDto,
  ResidencePermitRenewalDto,
  ResidencePermitResponse,
} from './legal-status.dto';

const ID = /^[0-9a-f-]{36}$/i;

/**
 * Legal status in the country of destination (residence permits, removal orders) and the person's
 * identity and travel documents: recorded by the return officer or the case manager.
 */
@ApiTags('return-reintegration')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id')
@Roles('return_officer', 'case_manager')
export class LegalStatusController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('residence-permits')
  @ApiCreatedResponse({ type: ResidencePermitResponse })
  async applyForPermit(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: ResidencePermitApplicationDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<ResidencePermitResponse> {
    const permitId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'ApplyForResidencePermit', caseId, permitId, ...body },
      meta,
    );
    return { ...commandAnswer(result), permitId };
  }

  /** granted needs validUntil; the permit's renewal falls due 30 days before it. */
  @Post('residence-permits/:permitId/decision')
  @ApiCreatedResponse({ type: CommandResponse })
  async decidePermit(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('permitId') permitId: string,
    @Body() body: ResidencePermitDecisionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'DecideResidencePermit', caseId, permitId: checkId(permitId, 'residence permit'), ...body },
        meta,
      ),
    );
  }

  @Post('residence-permits/:permitId/renewal')
  @ApiCreatedResponse({ type: CommandResponse })
  async renewPermit(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('permitId') permitId: string,
    @Body() body: ResidencePermitRenewalDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RenewResidencePermit', caseId, permitId: checkId(permitId, 'residence permit'), ...body },
        meta,
      ),
    );
  }

  /** While the identification is pending, the order is an alert on the case (CoE Convention art. 10(2)). */
  @Post('removal-orders')
  @ApiCreatedResponse({ type: RemovalOrderResponse })
  async recordRemovalOrder(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: RemovalOrderDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<RemovalOrderResponse> {
    const orderId = this.commands.newId();
    const result = await this.commands.send({ type: 'RecordRemovalOrder', caseId, orderId, ...body }, meta);
    return { ...commandAnswer(result), orderId };
  }

  @Post('removal-orders/:orderId/lifting')
  @ApiCreatedResponse({ type: CommandResponse })
  async liftRemovalOrder(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('orderId') orderId: string,
    @Body() body: RemovalOrderLiftingDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'LiftRemovalOrder', caseId, orderId: checkId(orderId, 'removal order'), ...body },
        meta,
      ),
    );
  }

  /** Refused (no-removal-before-identification) while the identification is pending. */
  @Post('removal-orders/:orderId/enforcement')
  @ApiCreatedResponse({ type: CommandResponse })
  async enforceRemovalOrder(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('orderId') orderId: string,
    @Body() body: RemovalEnforcementDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'EnforceRemovalOrder', caseId, orderId: checkId(orderId, 'removal order'), ...body },
        meta,
      ),
    );
  }

  /** No document number is recorded. */
  @Post('documents')
  @ApiCreatedResponse({ type: IdentityDocumentResponse })
  async recordDocument(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: IdentityDocumentDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<IdentityDocumentResponse> {
    const documentId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'RecordIdentityDocument', caseId, documentId, ...body },
      meta,
    );
    return { ...commandAnswer(result), documentId };
  }

  @Post('documents/:documentId/recovery')
  @ApiCreatedResponse({ type: CommandResponse })
  async recoverDocument(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('documentId') documentId: string,
    @Body() body: DocumentRecoveryDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RecoverIdentityDocument', caseId, documentId: checkId(documentId, 'document'), ...body },
        meta,
      ),
    );
  }

  /** Through the consulate only when no asylum application bars contact (asylum-no-contact). */
  @Post('documents/:documentId/replacement-request')
  @ApiCreatedResponse({ type: CommandResponse })
  async requestReplacement(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('documentId') documentId: string,
    @Body() body: DocumentReplacementDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'RequestDocumentReplacement', caseId, documentId: checkId(documentId, 'document'), ...body },
        meta,
      ),
    );
  }

  @Post('documents/:documentId/issue')
  @ApiCreatedResponse({ type: CommandResponse })
  async issueDocument(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('documentId') documentId: string,
    @Body() body: DocumentIssueDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(
      await this.commands.send(
        { type: 'IssueIdentityDocument', caseId, documentId: checkId(documentId, 'document'), ...body },
        meta,
      ),
    );
  }
}

function checkId(id: string, what: string): string {
  if (!ID.test(id)) throw ProblemException.notFound(`No such ${what}`);
  return id.toLowerCase();
}

import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nrm/iam/access.decorators';
import { CaseCommands } from '../cases/case-command-bus';
import { commandAnswer } from '../cases/command-answers';
import { CaseIdPipe } from '../cases/case-id.pipe';
import { CaseCommandRoute } from '../cases/case-command-route';
import { CommandMetadata } from '../cases/command-metadata';
import { CommandResponse } from '../cases/command-response.dto';
import { CommandContext } from '../cases/command-context';
import { WishActionDto, WishesStatementDto, WishesStatementResponse } from './wishes.dto';

/**
 * The victim's own wishes and what was done about each. The case workers who hear the person record
 * them (the roles that may also read the person's own words under the personal-data policy).
 */
@ApiTags('assistance')
@ApiBearerAuth()
@CaseCommandRoute()
@Controller('api/cases/:id/wishes')
@Roles('case_manager', 'identification_officer', 'return_officer')
export class WishesController {
  constructor(private readonly commands: CaseCommands) {}

  @Post()
  @ApiCreatedResponse({ type: WishesStatementResponse })
  async state(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: WishesStatementDto,
    @CommandContext() meta: CommandMetadata,
  ): Promise<WishesStatementResponse> {
    const statementId = this.commands.newId();
    const result = await this.commands.send(
      { type: 'StateVictimWishes', caseId, statementId, ...body },
      meta,
    );
    return { ...commandAnswer(result), statementId };
  }

  @Post('actions')
  @ApiCreatedResponse({ type: CommandResponse })
  async act(
    @Param('id', CaseIdPipe) caseId: string,
    @Body() body: WishActionDto,
    @CommandContext() meta: CommandMetadata,
  ) {
    return commandAnswer(await this.commands.send({ type: 'RecordWishAction', caseId, ...body }, meta));
  }
}

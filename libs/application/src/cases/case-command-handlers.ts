import { AssistanceCommandHandler } from '../assistance/assistance.handler';
import { IdentificationCommandHandler } from '../identification/identification.handler';
import { ProsecutionLiaisonCommandHandler } from '../prosecution-liaison/prosecution-liaison.handler';
import { ReturnReintegrationCommandHandler } from '../return-reintegration/return-reintegration.handler';

/** One handler per context; each refuses the commands of the others. */
export const CASE_COMMAND_HANDLERS = [
  IdentificationCommandHandler,
  AssistanceCommandHandler,
  ReturnReintegrationCommandHandler,
  ProsecutionLiaisonCommandHandler,
];

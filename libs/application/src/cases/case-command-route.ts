import { SetMetadata } from '@nestjs/common';

export const CASE_COMMAND_ROUTE = 'nrm:case-command-route';

export interface CaseCommandRouteOptions {
  /** Whether the route honours If-Match (every command on an existing case; not the one that opens it). */
  ifMatch: boolean;
}

/**
 * Marks the routes that send a case command, for the OpenAPI document: they answer ETag, may refuse by
 * a rule (422) or a concurrent change (409), and take If-Match unless they open the case.
 */
export const CaseCommandRoute = (options: CaseCommandRouteOptions = { ifMatch: true }) =>
  SetMetadata(CASE_COMMAND_ROUTE, options);

import { Principal } from '../auth/roles';

/** Who asks, and the HTTP-level context of one command. */
export interface CommandMetadata {
  principal: Principal;
  correlationId: string;
  /** Revision named by If-Match, if the client sent one. */
  expectedRevision?: number;
}

export interface CommandResult {
  caseId: string;
  revision: number;
  position: number;
  /** What the decider decided (non-personal parts are what callers need, e.g. a new deadline). */
  events: { type: string; data: object }[];
}

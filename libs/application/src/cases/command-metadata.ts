import { Principal } from '@nrm/iam/roles';

/** Who asks, and the request-level context of one command. */
export interface CommandMetadata {
  principal: Principal;
  correlationId: string;
  /** The command's own id (one per request): recorded as the causation id of the events it causes. */
  causationId: string;
  /** Revision named by If-Match, if the client sent one. */
  expectedRevision?: number;
  /**
   * Set by the partner bridge only, for a command carried by a verified partner message: the actor
   * recorded is the partner node (acting for this node's receiving agency), record scope is not
   * checked (the signature was), and event ids derive from the message id so a retry records nothing twice.
   */
  partnerMessage?: {
    actor: { userId: string; role: 'partner_node'; agency?: string };
    eventId: (index: number) => string;
  };
}

export interface CommandResult {
  caseId: string;
  revision: number;
  position: number;
  /** What the decider decided (non-personal parts are what callers need, e.g. a new deadline). */
  events: { type: string; data: object }[];
}

/** An event id is already in the log (or twice in one append): the whole append was refused. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already in the log`);
    this.name = 'DuplicateEventIdError';
  }
}

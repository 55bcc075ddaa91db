/** A read-only store found read models written by another version of the code. */
export class ReadModelSchemaMismatchError extends Error {
  constructor(
    readonly found: number,
    readonly expected: number,
  ) {
    super(
      `the read models are of schema version ${found}, this code reads version ${expected}: ` +
        'the node rebuilds them on its next start (or run projections rebuild)',
    );
    this.name = 'ReadModelSchemaMismatchError';
  }
}

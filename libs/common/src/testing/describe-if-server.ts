/** The real servers integration suites can run against, each named by the variable that points at it. */
export type ServerVariable = 'KAFKA_BROKERS' | 'MONGO_URL' | 'EVENTSTORE_URL';

function required(): string[] {
  return (process.env.NRM_REQUIRE_SERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Runs `suite` against the server `variable` points at. Without it, the suite is skipped and says so;
 * CI lists the servers it started in NRM_REQUIRE_SERVERS, and there a missing one fails instead,
 * so an integration suite can never pass by not running.
 */
export function describeIfServer(
  variable: ServerVariable,
  title: string,
  suite: (value: string) => void,
): void {
  const value = process.env[variable];
  if (value) {
    describe(title, () => suite(value));
    return;
  }
  if (required().includes(variable)) {
    describe(title, () => {
      it(`needs ${variable}`, () => {
        throw new Error(`${variable} is not set, but NRM_REQUIRE_SERVERS says this run must test against it`);
      });
    });
    return;
  }
  process.stderr.write(`skipped "${title}": set ${variable} to run it against a real server\n`);
  describe.skip(title, () => suite(''));
}

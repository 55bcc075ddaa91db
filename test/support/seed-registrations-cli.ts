import { readNodeConfig } from '@nrm/config';
import { seedRegistrations, type SeededRegistration } from './statistics-seed';

/**
 * `node --require tools/swc-register.js test/support/seed-registrations-cli.ts '<registrations as JSON>'`
 * with a stopped node's environment: the browser tests seed a closed year this way, in a process of
 * its own (Playwright's test runner does not load the node's decorated classes).
 */
async function main(): Promise<void> {
  const registrations = JSON.parse(process.argv[2] ?? '[]') as SeededRegistration[];
  await seedRegistrations(readNodeConfig(process.env), registrations);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

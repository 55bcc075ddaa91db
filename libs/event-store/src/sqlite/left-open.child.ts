/**
 * Child process of group-commit.spec.ts: opens the store and never closes it, as a node whose start
 * failed after opening it does. Its process must still end on its own (an idle writer thread holds
 * nothing open).
 * Usage: node --require tools/swc-register.js left-open.child.ts <db file>
 */
import { SqliteEventStore } from './sqlite-event-store';

async function main(): Promise<void> {
  const store = SqliteEventStore.open({ file: process.argv[2] });
  process.stdout.write(`${await store.headPosition()}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

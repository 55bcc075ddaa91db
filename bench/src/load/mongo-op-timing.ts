/**
 * Preloaded into the Kafka + MongoDB node under load (`node -r mongo-op-timing.js`): times every
 * operation the node sends to MongoDB and writes the totals to the file named by
 * NRM_BENCH_MONGO_OPERATIONS_FILE. A few microseconds per operation of several milliseconds.
 * The node's CPU profile shows it idle while it waits; this shows what it waits for.
 */
import mongoose from 'mongoose';
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { filterOf, filterShape, MONGO_OPERATIONS_FILE_ENV, type OperationTotal } from './mongo-operations';

const COLLECTION_OPERATIONS = [
  'bulkWrite',
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'findOne',
  'findOneAndUpdate',
  'insertMany',
  'insertOne',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;

const totals = new Map<string, OperationTotal>();
// The driver calls its own operations inside others (countDocuments runs an aggregate): count the outer one.
const inside = new AsyncLocalStorage<true>();

function record(operation: string, milliseconds: number): void {
  const total = totals.get(operation) ?? { operation, calls: 0, milliseconds: 0 };
  total.calls++;
  total.milliseconds += milliseconds;
  totals.set(operation, total);
}

type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;

function timed(prototype: object, method: string, name: (self: unknown, args: unknown[]) => string): void {
  const target = prototype as Record<string, Method>;
  const original = target[method];
  if (typeof original !== 'function') return;
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (inside.getStore()) return original.apply(this, args);
    const started = performance.now();
    return inside.run(true, async () => {
      try {
        return await original.apply(this, args);
      } finally {
        record(name(this, args), performance.now() - started);
      }
    });
  };
}

const { Collection, FindCursor, AggregationCursor } = mongoose.mongo;
for (const operation of COLLECTION_OPERATIONS) {
  timed(
    Collection.prototype,
    operation,
    (self, args) =>
      `${(self as { collectionName: string }).collectionName}.${operation} ${filterShape(filterOf(operation, args))}`,
  );
}
timed(FindCursor.prototype, 'toArray', (self) => {
  const cursor = self as { namespace: { collection?: string }; cursorFilter?: unknown };
  return `${cursor.namespace.collection}.find ${filterShape(cursor.cursorFilter)}`;
});
timed(AggregationCursor.prototype, 'toArray', (self) => {
  const cursor = self as { namespace: { collection?: string }; pipeline?: unknown[] };
  const stages = (cursor.pipeline ?? []).map((stage) => Object.keys(stage as object)[0]);
  return `${cursor.namespace.collection}.aggregate [${stages.join(', ')}]`;
});

function save(): void {
  const file = process.env[MONGO_OPERATIONS_FILE_ENV];
  if (file) writeFileSync(file, JSON.stringify([...totals.values()]));
}
// Also while running: a node that is killed never reaches 'exit'.
setInterval(save, 1000).unref();
process.on('exit', save);

export * from './shared-log.contract';
export * from './kafka-test-topics';
export * from './relay-fixture';

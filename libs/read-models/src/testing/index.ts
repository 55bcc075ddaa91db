export * from './access-fixtures';
export * from './case-fixtures';
export * from './read-model-store.contract';
export * from './source-log';
export * from './mongo-test-database';

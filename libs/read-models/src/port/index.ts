export * from './access-log-entry';
export * from './case-views';
export * from './read-model-store.port';
export * from './read-model-row';
export * from './read-model-schema-mismatch';

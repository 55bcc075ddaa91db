export * from './access-log-entry';
export * from './case-views';
export * from './read-model-store.port';

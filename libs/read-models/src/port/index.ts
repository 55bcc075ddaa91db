export * from './case-views';
export * from './read-model-store.port';

export * from './key-store.contract';
export * from './in-memory-key-store';

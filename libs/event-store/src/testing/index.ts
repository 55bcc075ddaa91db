export * from './event-store.contract';
export * from './sample-events';

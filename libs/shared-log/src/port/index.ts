export * from './channel';
export * from './shared-log.port';
export * from './checkpoint-store.port';
export * from './seen-event-ids.port';

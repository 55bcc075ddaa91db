export * from './event-envelope';
export * from './expected-revision';
export * from './event-store.port';
export * from './duplicate-event-id.error';
export * from './well-formed-event';

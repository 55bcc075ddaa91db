export * from './eventstoredb-event-store';
export * from './esdb-event-mapping';
export * from './esdb-position';
export { EventStoreDbSubscribeOptions } from './esdb-subscription';

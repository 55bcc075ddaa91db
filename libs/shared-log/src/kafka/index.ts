export * from './cloudevents';
export * from './topics';
export * from './kafka-client';
export * from './kafka-publisher';
export * from './kafka-consumer';
export * from './kafka-shared-log';

export * from './test-partner';
export * from './test-partner-log';
export * from './partner-transport.contract';

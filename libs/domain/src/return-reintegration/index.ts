export * from './commands';
export * from './decider';
export * from './state';
export * from './partner-sharing';
export * from './documents';
export * from './legal-status';

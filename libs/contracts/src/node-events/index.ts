export * from './privacy';
export * from './partner-registry';
export * from './cross-border-journal';
export * from './urgent-alerts';
export * from './accounts';
export * from './organisation';

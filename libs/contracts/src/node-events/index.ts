export * from './privacy';
export * from './partner-registry';
export * from './cross-border-journal';

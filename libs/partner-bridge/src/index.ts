export * from './bridge/partner-bridge.module';
export * from './registry/partners.module';

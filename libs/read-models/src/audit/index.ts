export * from './audit-until';
export * from './personal-fields';
export * from './replay-audit';
export * from './replay-audit-text';
export * from './row-differences';

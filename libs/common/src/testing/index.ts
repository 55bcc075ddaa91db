export * from './describe-if-server';

export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './security';
export * from './strict-query.interceptor';
export * from './etag.interceptor';
export * from './if-match';
export * from './http-semantics';

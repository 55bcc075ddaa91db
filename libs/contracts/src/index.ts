import 'reflect-metadata';
export * from './events';
export * from './node-events';
export * from './streams';
export * from './registry';
export * from './taxonomies';
export * from './upcasting';

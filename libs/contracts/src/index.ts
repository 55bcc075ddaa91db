import 'reflect-metadata';
export * from './events';
export * from './registry';
export * from './taxonomies';
export * from './upcasting';

export * from './node-config';
export * from './dotenv';
export * from './clock';

export * from './port';
export * from './master-key';
export * from './personal-data-cipher';
export * from './sqlite/sqlite-key-store';

export * from './port';
export * from './master-key';
export * from './master-key-file-rotation';
export * from './personal-data-cipher';
export * from './sqlite/sqlite-key-store';

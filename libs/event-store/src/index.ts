export * from './port';
export * from './sqlite/sqlite-event-store';
export * from './integrity';
export * from './eventstoredb';

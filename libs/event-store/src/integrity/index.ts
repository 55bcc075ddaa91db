export * from './merkle';
export * from './canonical-event';
export * from './checkpoint';
export * from './node-signing-key';
export * from './integrity-reader';
export * from './log-verifier';
export * from './node-key-file';

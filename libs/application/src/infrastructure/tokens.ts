/** Injection tokens of the platform's infrastructure (the ports' own tokens live with the ports). */
export const NODE_SIGNER = Symbol('NODE_SIGNER');
export const AUDITABLE_LOG = Symbol('AUDITABLE_LOG');
export const READ_YOUR_WRITES = Symbol('READ_YOUR_WRITES');

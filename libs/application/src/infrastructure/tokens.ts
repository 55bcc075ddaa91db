/** Injection tokens of the platform's infrastructure (the ports' own tokens live with the ports). */
export const READ_YOUR_WRITES = Symbol('READ_YOUR_WRITES');
export const NODE_ADAPTERS = Symbol('NODE_ADAPTERS');

/**
 * Injection tokens of the node's infrastructure, one per thing a consumer uses (the ports' own tokens,
 * EVENT_STORE, KEY_STORE and READ_MODEL_STORE, live with the ports).
 */
export const READ_YOUR_WRITES = Symbol('READ_YOUR_WRITES');
/** The log's integrity view: Merkle proofs and signed checkpoints (AuditableLog). */
export const AUDITABLE_LOG = Symbol('AUDITABLE_LOG');
/** The node's Ed25519 signer: signs checkpoints and partner envelopes. */
export const NODE_SIGNER = Symbol('NODE_SIGNER');
/** The node's X25519 key: partner nodes seal cross-border payloads to its public half. */
export const NODE_ENCRYPTION_KEY = Symbol('NODE_ENCRYPTION_KEY');
/** Whether the store signs a checkpoint with every append (embedded), so verification may demand a signed head. */
export const LOG_SIGNS_EVERY_APPEND = Symbol('LOG_SIGNS_EVERY_APPEND');

import { AuditableLog, CheckpointSigner, LogVerification, verifyLog } from '@nrm/event-store';

/**
 * Verifies this node's log the strict way: every checkpoint signed by the node key and naming this
 * node, and no event past the last signed checkpoint (the embedded store signs every append).
 * `trusted` are tree heads an auditor kept from earlier: the log must still contain them.
 */
export async function verifyNodeLog(
  log: AuditableLog,
  signer: Pick<CheckpointSigner, 'publicKeyPem'>,
  nodeId: string,
  trusted: { size: number; root: string }[] = [],
): Promise<LogVerification> {
  return verifyLog(log, await log.listCheckpoints(), signer.publicKeyPem, {
    origin: nodeId,
    requireSignedHead: true,
    trusted,
  });
}

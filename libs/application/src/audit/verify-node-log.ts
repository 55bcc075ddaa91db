import { LogVerification, verifyLog } from '@nrm/event-store';
import type { NodeAdapters } from '../infrastructure/node-adapters';

/**
 * Verifies this node's log the strict way: every checkpoint signed by the node key and naming this
 * node, and, where the store signs every append (embedded), no event past the last signed checkpoint.
 * `trusted` are tree heads an auditor kept from earlier: the log must still contain them.
 */
export async function verifyNodeLog(
  adapters: Pick<NodeAdapters, 'auditableLog' | 'signer' | 'signsEveryAppend'>,
  nodeId: string,
  trusted: { size: number; root: string }[] = [],
): Promise<LogVerification> {
  const log = adapters.auditableLog;
  return verifyLog(log, await log.listCheckpoints(), adapters.signer.publicKeyPem, {
    origin: nodeId,
    requireSignedHead: adapters.signsEveryAppend,
    trusted,
  });
}

import type { PartnerState } from '@nrm/application/audit/report/integrity-report-sources';
import type { RegistryState } from '@nrm/transnational';
import type { BridgeStateStore } from './bridge-state';

const sizeAndRoot = (checkpoint: { size: number; root: string } | undefined) =>
  checkpoint && { size: checkpoint.size, root: checkpoint.root };

/**
 * Each registered partner with its witnessing state, for the integrity report: status and hold evidence
 * from the registry, the checkpoints kept each way from the bridge state (none when this process keeps
 * no bridge state).
 */
export function partnerWitnessingStates(
  registry: RegistryState,
  bridge: Pick<BridgeStateStore, 'checkpoint'> | undefined,
): PartnerState[] {
  return [...registry.partners.values()].map((partner) => {
    const hold = partner.status === 'held' ? registry.holds.get(partner.nodeId) : undefined;
    return {
      nodeId: partner.nodeId,
      country: partner.country,
      status: partner.status,
      hold: hold && { reason: hold.reason, detail: hold.detail },
      witnessed: sizeAndRoot(bridge?.checkpoint(partner.nodeId, 'witnessed')),
      sent: sizeAndRoot(bridge?.checkpoint(partner.nodeId, 'sent')),
    };
  });
}
